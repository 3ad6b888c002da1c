package io.github.jrl.envs;

import io.github.jrl.core.env.Environment;
import io.github.jrl.core.wrappers.EnvChecker;
import io.github.jrl.core.wrappers.TimeLimit;
import io.github.jrl.envs.classic.BusyCartPole;
import io.github.jrl.envs.classic.ClassicControlEnvs;
import io.github.jrl.envs.mo.MultiObjectiveEnvs;
import io.github.jrl.envs.text.TextEnvs;
import io.github.jrl.envs.toytext.ToyTextEnvs;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Environment ids and how to build them: Gymnasium's registry. {@link #defaults()} holds every
 * environment jrl ships: the ids and time limits of Gymnasium 0.29.1 and MO-Gymnasium 1.0.1, and
 * jrl's text tasks ({@code text-*-v0}); users add their own with {@link #register}. {@link Envs}
 * is the shared default instance.
 */
public final class EnvRegistry {

    private final Map<String, EnvSpec> specs = new LinkedHashMap<>();

    /** An empty registry. */
    public EnvRegistry() {
    }

    /** A registry holding every environment jrl ships. */
    public static EnvRegistry defaults() {
        EnvRegistry registry = new EnvRegistry();
        ClassicControlEnvs.register(registry);
        BusyCartPole.register(registry);
        ToyTextEnvs.register(registry);
        MultiObjectiveEnvs.register(registry);
        TextEnvs.register(registry);
        return registry;
    }

    public synchronized void register(EnvSpec spec) {
        if (specs.putIfAbsent(spec.id(), spec) != null) {
            throw new IllegalArgumentException("an environment with id '" + spec.id() + "' is already registered");
        }
    }

    public synchronized boolean contains(String id) {
        return specs.containsKey(id);
    }

    public synchronized EnvSpec spec(String id) {
        EnvSpec spec = specs.get(id);
        if (spec == null) {
            throw new IllegalArgumentException("no environment registered as '" + id + "'; known ids: " + specs.keySet());
        }
        return spec;
    }

    public synchronized Set<String> ids() {
        return Collections.unmodifiableSet(new java.util.LinkedHashSet<>(specs.keySet()));
    }

    /** The environment {@code id} with its registered defaults. */
    public <O, A> Environment<O, A> make(String id) {
        return make(id, MakeOptions.defaults());
    }

    /** The environment {@code id} with keyword arguments. */
    public <O, A> Environment<O, A> make(String id, Map<String, ?> kwargs) {
        return make(id, MakeOptions.defaults().withKwargs(kwargs));
    }

    /**
     * Builds {@code id}: the constructor with the registered and given keyword arguments, then an
     * {@link EnvChecker} (unless disabled), then a {@link TimeLimit} when a limit applies.
     * The caller names the observation and action types it expects; they are not checked here.
     */
    @SuppressWarnings("unchecked")
    public <O, A> Environment<O, A> make(String id, MakeOptions options) {
        EnvSpec spec = spec(id);
        Map<String, Object> kwargs = new HashMap<>(spec.defaultKwargs());
        kwargs.putAll(options.kwargs());
        EnvKwargs envKwargs = new EnvKwargs(id, kwargs);
        Environment<O, A> env = (Environment<O, A>) spec.factory().apply(envKwargs);
        envKwargs.requireAllUsed();
        if (!options.disableEnvChecker()) {
            env = new EnvChecker<>(env);
        }
        int limit = options.maxEpisodeSteps() != null ? options.maxEpisodeSteps() : spec.maxEpisodeSteps();
        if (limit > 0) {
            env = new TimeLimit<>(env, limit);
        }
        return env;
    }
}

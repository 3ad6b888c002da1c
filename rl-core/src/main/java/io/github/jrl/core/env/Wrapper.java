package io.github.jrl.core.env;

import io.github.jrl.core.checkpoint.Stateful;
import io.github.jrl.core.space.Space;
import java.util.Map;

/**
 * An environment that delegates to another, changing part of its behaviour (Gymnasium's
 * {@code Wrapper}). Subclasses override what they change.
 *
 * <p>As a {@link Stateful}, a wrapper without state of its own passes the inner environment's
 * state through; a wrapper that keeps counters or statistics writes them, then the inner state.
 *
 * @param <O> observation type
 * @param <A> action type
 */
public abstract class Wrapper<O, A> implements Environment<O, A>, Stateful.PassThrough {

    protected final Environment<O, A> env;

    protected Wrapper(Environment<O, A> env) {
        this.env = java.util.Objects.requireNonNull(env, "env");
    }

    /** The environment directly inside this wrapper. */
    @Override
    public Environment<O, A> inner() {
        return env;
    }

    @Override
    public String id() {
        return env.id();
    }

    @Override
    public Space<O> observationSpace() {
        return env.observationSpace();
    }

    @Override
    public Space<A> actionSpace() {
        return env.actionSpace();
    }

    @Override
    public int rewardDim() {
        return env.rewardDim();
    }

    @Override
    public Reset<O> reset(long seed, Map<String, ?> options) {
        return env.reset(seed, options);
    }

    @Override
    public Reset<O> reset(Map<String, ?> options) {
        return env.reset(options);
    }

    @Override
    public Step<O> step(A action) {
        return env.step(action);
    }

    @Override
    public Environment<?, ?> unwrapped() {
        return env.unwrapped();
    }

    @Override
    public void close() {
        env.close();
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "<" + env + ">";
    }
}

package io.github.jrl.envs;

import io.github.jrl.core.env.Environment;
import java.util.Map;

/** Shortcuts to the default registry: {@code Envs.make("CartPole-v1")}, as {@code gymnasium.make}. */
public final class Envs {

    private static final EnvRegistry REGISTRY = EnvRegistry.defaults();

    private Envs() {
    }

    /** The shared registry with every environment jrl ships; users may register more. */
    public static EnvRegistry registry() {
        return REGISTRY;
    }

    public static <O, A> Environment<O, A> make(String id) {
        return REGISTRY.make(id);
    }

    public static <O, A> Environment<O, A> make(String id, Map<String, ?> kwargs) {
        return REGISTRY.make(id, kwargs);
    }

    public static <O, A> Environment<O, A> make(String id, MakeOptions options) {
        return REGISTRY.make(id, options);
    }
}

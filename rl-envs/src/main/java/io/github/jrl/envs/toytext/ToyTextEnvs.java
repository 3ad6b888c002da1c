package io.github.jrl.envs.toytext;

import io.github.jrl.envs.EnvRegistry;

/** Registers this family's environments. */
public final class ToyTextEnvs {

    private ToyTextEnvs() {
    }

    public static void register(EnvRegistry registry) {
    }
}

package io.github.jrl.envs.classic;

import io.github.jrl.envs.EnvRegistry;

/** Registers this family's environments. */
public final class ClassicControlEnvs {

    private ClassicControlEnvs() {
    }

    public static void register(EnvRegistry registry) {
    }
}

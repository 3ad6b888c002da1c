package io.github.jrl.envs.mo;

import io.github.jrl.envs.EnvRegistry;

/** Registers this family's environments. */
public final class MultiObjectiveEnvs {

    private MultiObjectiveEnvs() {
    }

    public static void register(EnvRegistry registry) {
    }
}

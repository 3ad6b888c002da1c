package io.github.jrl.algorithms.sac;

import io.github.jrl.core.schedule.Schedule;

/**
 * SAC hyperparameters per environment, on top of Stable-Baselines3's defaults: rl-baselines3-zoo's
 * {@code hyperparams/sac.yml} (Raffin, "RL Baselines3 Zoo", 2020) where it has an entry, and
 * where it relies on something jrl does without, what replaces it and why.
 */
public final class SacPresets {

    private SacPresets() {
    }

    /** {@code Pendulum-v1} (zoo): learning rate 1e-3, everything else SB3's defaults. */
    public static SacConfig pendulum() {
        return SacConfig.builder().learningRate(Schedule.constant(1e-3)).build();
    }

    /**
     * {@code MountainCarContinuous-v0} (zoo): buffer 50k, batch 512, fixed alpha 0.1, 32 gradient
     * steps every 32 steps, gamma 0.9999, tau 0.01, learning from the start, 64-64 networks, lr 3e-4.
     * The zoo explores with gSDE ({@code use_sde: True, log_std_init: -3.67}), which jrl does not
     * implement; pink exploration noise (Eberhard et al. 2023) takes its place: white noise
     * rarely pushes the car up the hill before the action cost teaches the policy to stand still.
     */
    public static SacConfig mountainCarContinuous() {
        return SacConfig.builder().learningRate(Schedule.constant(3e-4)).bufferSize(50_000).batchSize(512)
                .fixedEntCoef(0.1).trainFreq(32).gradientSteps(32).gamma(0.9999).tau(0.01).learningStarts(0)
                .hiddenSizes(64, 64).explorationNoise(ExplorationNoise.PINK).noiseSequenceLength(999).build();
    }

    /** The preset for a registered environment id. */
    public static SacConfig forEnv(String envId) {
        return switch (envId) {
            case "Pendulum-v1" -> pendulum();
            case "MountainCarContinuous-v0" -> mountainCarContinuous();
            default -> throw new IllegalArgumentException("no SAC preset for '" + envId
                    + "'; presets exist for Pendulum-v1, MountainCarContinuous-v0");
        };
    }
}

package io.github.jrl.algorithms.sac;

import io.github.jrl.core.schedule.Schedule;
import java.util.List;

/**
 * SAC hyperparameters per environment, on top of Stable-Baselines3's defaults: rl-baselines3-zoo's
 * {@code hyperparams/sac.yml} (Raffin, "RL Baselines3 Zoo", 2020) where it has an entry, and
 * where it relies on something jrl does without, what replaces it and why.
 */
public final class SacPresets {

    /** The environments with a preset, as {@link #forEnv} takes them. */
    public static final List<String> NAMES = List.of("Pendulum-v1", "MountainCarContinuous-v0", "CartPole-v1");

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

    /**
     * {@code CartPole-v1} with discrete SAC. The zoo has no discrete SAC; this is jrl's: 64-64
     * networks, buffer 1e5, batch 256, 1000 random steps, SB3's other defaults, and a target
     * entropy of half the maximum, {@code 0.5 ln 2}. The reference's target (CleanRL's
     * {@code sac_atari.py}: {@code 0.89 ln |A|}, set for Atari's 4 to 18 actions) asks a
     * two-action policy to stay near uniform (0.62 of at most 0.69 nats). Measured here, the
     * temperature then grows without bound (alpha 4e4 to 8e4 and Q-values 1e6 to 1.8e6 after 100k
     * steps with seeds 1 to 4; surviving longer earns more entropy, so the argmax still balances),
     * while half the maximum keeps alpha below 1 and Q near {@code 1 / (1 - gamma)} (docs/sac.md).
     */
    public static SacConfig cartPole() {
        return SacConfig.builder().hiddenSizes(64, 64).bufferSize(100_000).learningStarts(1000)
                .targetEntropy(0.5 * Math.log(2)).build();
    }

    /** The preset for a registered environment id. */
    public static SacConfig forEnv(String envId) {
        return switch (envId) {
            case "Pendulum-v1" -> pendulum();
            case "MountainCarContinuous-v0" -> mountainCarContinuous();
            case "CartPole-v1" -> cartPole();
            default -> throw new IllegalArgumentException("no SAC preset for '" + envId + "'; presets exist for "
                    + NAMES);
        };
    }
}

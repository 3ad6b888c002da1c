package io.github.jrl.algorithms.ppo;

import io.github.jrl.core.schedule.Schedule;

/**
 * Hyperparameters of rl-baselines3-zoo's {@code hyperparams/ppo.yml} (Raffin, "RL Baselines3
 * Zoo", 2020), on top of Stable-Baselines3's defaults.
 */
public final class PpoPresets {

    private PpoPresets() {
    }

    /** {@code CartPole-v1}: 8 envs x 32 steps, batch 256, 20 epochs, gamma 0.98, lambda 0.8, lr and clip linear. */
    public static PpoConfig cartPole() {
        return PpoConfig.builder().numEnvs(8).numSteps(32).batchSize(256).numEpochs(20).gamma(0.98).gaeLambda(0.8)
                .entCoef(0.0).learningRate(Schedule.linear(1e-3)).clipRange(Schedule.linear(0.2)).build();
    }

    /** {@code Acrobot-v1}: normalize, 16 envs x 256 steps, gamma 0.99, lambda 0.94, 4 epochs. */
    public static PpoConfig acrobot() {
        return PpoConfig.builder().normalizeObservations(true).normalizeRewards(true).numEnvs(16).numSteps(256)
                .gaeLambda(0.94).gamma(0.99).numEpochs(4).entCoef(0.0).build();
    }

    /**
     * {@code Pendulum-v1}: 4 envs x 1024 steps, lambda 0.95, gamma 0.9, 10 epochs, lr 1e-3, clip 0.2.
     * The zoo also turns on generalised state-dependent exploration ({@code use_sde}), which jrl
     * does not implement yet; this preset uses the plain state-independent Gaussian instead.
     */
    public static PpoConfig pendulum() {
        return PpoConfig.builder().numEnvs(4).numSteps(1024).gaeLambda(0.95).gamma(0.9).numEpochs(10).entCoef(0.0)
                .learningRate(Schedule.constant(1e-3)).clipRange(Schedule.constant(0.2)).build();
    }

    /** The preset for a registered environment id. */
    public static PpoConfig forEnv(String envId) {
        return switch (envId) {
            case "CartPole-v1" -> cartPole();
            case "Acrobot-v1" -> acrobot();
            case "Pendulum-v1" -> pendulum();
            default -> throw new IllegalArgumentException("no PPO preset for '" + envId
                    + "'; presets exist for CartPole-v1, Acrobot-v1, Pendulum-v1");
        };
    }
}

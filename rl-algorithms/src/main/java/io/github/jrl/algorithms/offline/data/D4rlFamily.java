package io.github.jrl.algorithms.offline.data;

import io.github.jrl.algorithms.common.ConfigChecks;

/**
 * How a D4RL-style family of datasets for one environment is generated (Fu et al. 2020, "D4RL:
 * Datasets for Deep Data-Driven Reinforcement Learning", section 5): one training run of the
 * environment's preset trainer, evaluated every {@code evalEvery} steps; its final policy is the
 * expert, the evaluated snapshot nearest {@value #MEDIUM_TARGET}% of the expert's normalised score
 * is the medium policy, and the replay stream up to that snapshot is {@code medium-replay}.
 *
 * @param envId registered environment id
 * @param algorithm the algorithm trained: its preset for {@code envId} ({@code SacPresets},
 *     {@code PpoPresets})
 * @param trainSteps environment steps of the training run
 * @param evalEvery steps between evaluations of the policy being trained (medium candidates)
 * @param evalEpisodes episodes per evaluation, sampling actions as the datasets are recorded
 * @param datasetSteps the {@code random}, {@code medium} and {@code expert} datasets hold the
 *     fewest whole episodes with at least this many steps
 * @param referenceEpisodes episodes measuring the reference returns (random policy, and the
 *     expert acting deterministically)
 */
public record D4rlFamily(String envId, Algorithm algorithm, int trainSteps, int evalEvery, int evalEpisodes,
        int datasetSteps, int referenceEpisodes) {

    /**
     * D4RL's medium policy reaches "about a third" of the expert's performance; the issue asks for
     * a third to a half. The candidate nearest the middle of that band, 5/12 of the way from random
     * to expert, is taken.
     */
    public static final double MEDIUM_TARGET = 100.0 * 5 / 12;

    /** The algorithm a family trains, with its preset. */
    public enum Algorithm {
        /** {@code Sac} with {@code SacPresets.forEnv}. */
        SAC,
        /** {@code Ppo} with {@code PpoPresets.forEnv}. */
        PPO
    }

    public D4rlFamily {
        ConfigChecks.positive("trainSteps", trainSteps);
        ConfigChecks.positive("evalEvery", evalEvery);
        ConfigChecks.positive("evalEpisodes", evalEpisodes);
        ConfigChecks.positive("datasetSteps", datasetSteps);
        ConfigChecks.positive("referenceEpisodes", referenceEpisodes);
        if (evalEvery > trainSteps) {
            throw new IllegalArgumentException("evalEvery (" + evalEvery + ") must be at most trainSteps (" + trainSteps
                    + ") for the run to offer a medium candidate");
        }
    }

    /**
     * The family jrl ships for {@code envId}, sized to generate in minutes on two cores:
     * <ul>
     * <li>{@code Pendulum-v1}: SAC (zoo preset) for 20k steps, the budget SAC's docs report;</li>
     * <li>{@code MountainCarContinuous-v0}: SAC (zoo preset with pink noise) for 50k steps;</li>
     * <li>{@code CartPole-v1}: PPO (zoo preset) for 100k steps, the zoo's budget;</li>
     * </ul>
     * each with 50k-step datasets, an evaluation of 5 episodes every 1/20 of the run, and 20
     * reference episodes. The training budgets are the presets' documented ones (docs/sac.md,
     * docs/ppo.md); the sizes are jrl's: D4RL's MuJoCo datasets hold 1M steps (2M for
     * medium-expert), these are cut to 50k so that a family generates in minutes on two cores. PPO passes CartPole's medium band within its first 10k steps, with
     * returns from 29 to 500 across a medium policy's episodes: its candidates come every 1000
     * steps and are evaluated over 10 episodes (with 5 every 2000 steps, the candidate chosen at
     * 10,240 steps recorded a dataset at 54% instead of the targeted 42%).
     */
    public static D4rlFamily forEnv(String envId) {
        return switch (envId) {
            case "Pendulum-v1" -> new D4rlFamily(envId, Algorithm.SAC, 20_000, 1_000, 5, 50_000, 20);
            case "MountainCarContinuous-v0" -> new D4rlFamily(envId, Algorithm.SAC, 50_000, 2_500, 5, 50_000, 20);
            case "CartPole-v1" -> new D4rlFamily(envId, Algorithm.PPO, 100_000, 1_000, 10, 50_000, 20);
            default -> throw new IllegalArgumentException("no D4RL-style family for '" + envId
                    + "'; families exist for Pendulum-v1, MountainCarContinuous-v0, CartPole-v1");
        };
    }

    /** This family with other budgets (small ones for tests). */
    public D4rlFamily withBudgets(int newTrainSteps, int newEvalEvery, int newDatasetSteps) {
        return new D4rlFamily(envId, algorithm, newTrainSteps, newEvalEvery, evalEpisodes, newDatasetSteps,
                referenceEpisodes);
    }

    /** Minari-style namespace of the family's dataset ids: the env id without version, lower case. */
    public String namespace() {
        return envId.replaceAll("-v\\d+$", "").toLowerCase(java.util.Locale.ROOT);
    }

    /** The directory name of this family's files: namespace and budgets, so other budgets never share a cache. */
    String cacheName() {
        return namespace() + "-" + algorithm.name().toLowerCase(java.util.Locale.ROOT) + "-t" + trainSteps + "-e"
                + evalEvery + "x" + evalEpisodes + "-d" + datasetSteps + "-r" + referenceEpisodes;
    }
}

package io.github.jrl.algorithms.offline;

import java.util.Objects;

/**
 * PRDC hyperparameters: TD3+BC's, whose regulariser PRDC replaces, and the state weight
 * {@code beta} of the nearest-neighbour metric. Ran et al. 2023, "Policy Regularization with
 * Dataset Constraint for Offline Reinforcement Learning" (ICML): {@code beta = 2} and one
 * neighbour ({@code --beta 2.0 --k 1} in the authors' README, github.com/LAMDA-RL/PRDC, and
 * d3rlpy's {@code PRDCConfig}), everything else TD3+BC's defaults ({@code alpha = 2.5}: d3rlpy's
 * default and the authors' setting for hopper and walker2d; they use 40 for halfcheetah).
 *
 * @param td3bc the TD3+BC part (networks, optimiser, target smoothing, {@code alpha})
 * @param beta weight of the (normalised) state in the search key {@code (beta s, a)} (2.0)
 */
public record PrdcConfig(Td3BcConfig td3bc, double beta) {

    public PrdcConfig {
        Objects.requireNonNull(td3bc, "td3bc");
        if (!(beta >= 0) || Double.isInfinite(beta)) {
            throw new IllegalArgumentException("beta must be finite and >= 0, got " + beta);
        }
    }

    /** The authors' defaults: TD3+BC's with {@code beta = 2}. */
    public static PrdcConfig defaults() {
        return new PrdcConfig(Td3BcConfig.defaults(), 2.0);
    }

    public PrdcConfig withSeed(long value) {
        return new PrdcConfig(td3bc.withSeed(value), beta);
    }
}

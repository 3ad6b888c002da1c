package io.github.jrl.core.policy;

import java.util.List;

/**
 * A reward function over inputs such as (prompt, completion) pairs or transitions: a verifier,
 * a learned Bradley-Terry model, a multi-head model (one named reward per objective) or an
 * ensemble. Algorithms that take rewards from a model (GRPO, DPO data generation, best-of-N)
 * depend on this interface, not on how the rewards are computed.
 *
 * @param <I> what is scored
 */
public interface RewardModel<I> {

    /** Names of the reward components, in the order {@link #score} returns them. */
    List<String> rewardNames();

    default int rewardDim() {
        return rewardNames().size();
    }

    /** The reward vector of {@code input}, with {@link #rewardDim()} components. */
    double[] score(I input);
}

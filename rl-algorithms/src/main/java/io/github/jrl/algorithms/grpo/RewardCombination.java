package io.github.jrl.algorithms.grpo;

/**
 * How several rewards of a completion become one advantage.
 */
public enum RewardCombination {
    /**
     * Weighted sum of the rewards, then group-relative normalisation of the sum (TRL's
     * {@code reward_weights}). Different reward combinations with the same spread of sums get
     * the same advantages.
     */
    GRPO,
    /**
     * Each reward normalised within its group first, the weighted sum of those advantages then
     * normalised over the batch ("GDPO: Group reward-Decoupled Normalization Policy
     * Optimization"), so each reward keeps its own resolution in the advantage.
     */
    GDPO
}

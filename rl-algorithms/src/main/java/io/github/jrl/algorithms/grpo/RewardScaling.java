package io.github.jrl.algorithms.grpo;

/**
 * What the group-centred rewards are divided by: TRL's {@code GRPOConfig.scale_rewards}.
 */
public enum RewardScaling {
    /** The standard deviation of the group's rewards (GRPO as in "DeepSeekMath"; TRL {@code "group"}, the default). */
    GROUP,
    /** The standard deviation of the whole batch's rewards (TRL {@code "batch"}, as "Tricks or Traps?" recommends). */
    BATCH,
    /** No division: advantages are reward minus group mean (Dr. GRPO; TRL {@code "none"}). */
    NONE
}

package io.github.jrl.algorithms.grpo;

/**
 * How GRPO's per-token losses are averaged into the batch loss: TRL's {@code GRPOConfig.loss_type}.
 * The choice matters ("Tricks or Traps? A Deep Dive into RL for LLM Reasoning": token-level
 * aggregation is what makes long and short answers weigh by their tokens).
 */
public enum LossType {
    /**
     * Mean over each completion's tokens, then over completions ("DeepSeekMath", eq. 3; TRL
     * {@code "grpo"}): a token of a short completion weighs more than one of a long completion.
     */
    GRPO,
    /**
     * Sum over all completion tokens of the batch divided by their number ("DAPO: An Open-Source
     * LLM Reinforcement Learning System at Scale", token-level policy gradient loss; TRL
     * {@code "dapo"}, and {@code "bnpo"}, which is the same on a single process).
     */
    DAPO,
    /**
     * Sum over all completion tokens divided by {@code batch x maxCompletionLength}, a constant
     * ("Understanding R1-Zero-Like Training: A Critical Perspective", Dr. GRPO; TRL
     * {@code "dr_grpo"}): removes the length bias of the per-sequence mean.
     */
    DR_GRPO
}

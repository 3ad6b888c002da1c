package io.github.jrl.algorithms.grpo;

import io.github.jrl.algorithms.preference.BatchRewardModel;
import io.github.jrl.core.policy.RewardModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * What GRPO trains on and evaluation scores: prompts, how a prompt reads as tokens, and the
 * reward model of (prompt, completion). Generic so that this module needs no text-task types:
 * with {@code rl-envs}' text tasks it is
 * {@code new CompletionTask<>(data.prompts(TRAIN), Prompt::tokens, PromptCompletion::new, rewards)}.
 * A learned reward model ({@link io.github.jrl.algorithms.preference.LearnedRewardModel}, an
 * ensemble) is the reward model of {@code new CompletionTask<>(prompts, Prompt::tokens,
 * (p, c) -> new TokenCompletion(p.tokens(), c), model)}; a {@link BatchRewardModel} scores a
 * generation batch in one pass.
 *
 * @param <P> prompt type
 * @param <I> what the reward model scores
 */
public record CompletionTask<P, I>(List<P> prompts, Function<P, int[]> promptTokens, BiFunction<P, int[], I> scored,
        RewardModel<I> rewards) {

    public CompletionTask {
        Objects.requireNonNull(prompts, "prompts");
        Objects.requireNonNull(promptTokens, "promptTokens");
        Objects.requireNonNull(scored, "scored");
        Objects.requireNonNull(rewards, "rewards");
        if (prompts.isEmpty()) {
            throw new IllegalArgumentException("a completion task needs at least one prompt");
        }
    }

    /** The same task on other prompts (a held-out split, for instance). */
    public CompletionTask<P, I> withPrompts(List<P> otherPrompts) {
        return new CompletionTask<>(otherPrompts, promptTokens, scored, rewards);
    }

    /**
     * The rewards of {@code completions[i]} to {@code prompts.get(i / perPrompt)}, in one
     * {@link BatchRewardModel#scoreAll} call (one at a time for a model that is not a batch model).
     */
    double[][] scoreAll(List<P> prompts, int[][] completions, int perPrompt) {
        List<I> inputs = new ArrayList<>(completions.length);
        for (int i = 0; i < completions.length; i++) {
            inputs.add(scored.apply(prompts.get(i / perPrompt), completions[i]));
        }
        double[][] scores = BatchRewardModel.of(rewards).scoreAll(inputs);
        for (double[] score : scores) {
            if (score.length != rewards.rewardDim()) {
                throw new IllegalStateException("reward model " + rewards + " returned " + score.length
                        + " rewards, declared " + rewards.rewardDim());
            }
        }
        return scores;
    }
}

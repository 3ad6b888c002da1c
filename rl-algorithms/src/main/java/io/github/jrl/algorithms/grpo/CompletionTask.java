package io.github.jrl.algorithms.grpo;

import io.github.jrl.core.policy.RewardModel;
import java.util.List;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * What GRPO trains on and evaluation scores: prompts, how a prompt reads as tokens, and the
 * reward model of (prompt, completion). Generic so that this module needs no text-task types:
 * with {@code rl-envs}' text tasks it is
 * {@code new CompletionTask<>(data.prompts(TRAIN), Prompt::tokens, PromptCompletion::new, rewards)}.
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

    /** The rewards of {@code completion} to {@code prompt}. */
    double[] score(P prompt, int[] completion) {
        double[] scores = rewards.score(scored.apply(prompt, completion));
        if (scores.length != rewards.rewardDim()) {
            throw new IllegalStateException("reward model " + rewards + " returned " + scores.length + " rewards, declared "
                    + rewards.rewardDim());
        }
        return scores;
    }
}

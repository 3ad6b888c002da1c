package io.github.jrl.envs.text;

import io.github.jrl.core.policy.RewardModel;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/**
 * Several named rewards of one completion, computed together: the reward vector of a text task.
 * {@link #standard} gives {@code [correctness, format, length]}; weighting and combining them
 * (GRPO's weighted sum, GDPO's per-reward normalisation) is the algorithm's business, as with
 * TRL's {@code reward_funcs} and {@code reward_weights}.
 */
public final class TextRewards implements RewardModel<PromptCompletion> {

    private final TextFormat format;
    private final List<CompletionReward> rewards;
    private final List<String> names;

    /**
     * @throws IllegalArgumentException if {@code rewards} is empty or two rewards share a name
     */
    public TextRewards(TextFormat format, List<CompletionReward> rewards) {
        this.format = Objects.requireNonNull(format, "format");
        this.rewards = List.copyOf(rewards);
        this.names = this.rewards.stream().map(CompletionReward::name).toList();
        if (names.isEmpty()) {
            throw new IllegalArgumentException("text rewards need at least one reward function");
        }
        if (new HashSet<>(names).size() != names.size()) {
            throw new IllegalArgumentException("reward names must be distinct, got " + names);
        }
    }

    /**
     * {@link CorrectnessReward}, {@link FormatReward} and a {@link LengthPenalty} of
     * {@code lengthBudget} and {@code maxLength}, in that order.
     */
    public static TextRewards standard(TextFormat format, int lengthBudget, int maxLength) {
        return new TextRewards(format, List.of(new CorrectnessReward(), new FormatReward(),
                new LengthPenalty(lengthBudget, maxLength)));
    }

    @Override
    public List<String> rewardNames() {
        return names;
    }

    @Override
    public double[] score(PromptCompletion input) {
        return score(input.prompt(), input.completion());
    }

    /**
     * The rewards of {@code completion} (token ids, read up to the first {@code [EOS]}) to
     * {@code prompt}, in the order of {@link #rewardNames()}.
     *
     * @throws IllegalArgumentException if a token id is outside the vocabulary
     */
    public double[] score(Prompt prompt, int[] completion) {
        ParsedCompletion parsed = format.parse(completion);
        double[] scores = new double[rewards.size()];
        for (int i = 0; i < scores.length; i++) {
            scores[i] = rewards.get(i).score(prompt, parsed);
        }
        return scores;
    }

    public TextFormat format() {
        return format;
    }

    @Override
    public String toString() {
        return "TextRewards" + names;
    }
}

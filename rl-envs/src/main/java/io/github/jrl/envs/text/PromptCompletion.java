package io.github.jrl.envs.text;

import java.util.Objects;

/**
 * What {@link TextRewards} scores as a {@link io.github.jrl.core.policy.RewardModel}: a prompt
 * and one completion of it, as token ids (not copied).
 */
public record PromptCompletion(Prompt prompt, int[] completion) {

    public PromptCompletion {
        Objects.requireNonNull(prompt, "prompt");
        Objects.requireNonNull(completion, "completion");
    }
}

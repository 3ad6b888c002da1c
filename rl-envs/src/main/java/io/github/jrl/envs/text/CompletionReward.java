package io.github.jrl.envs.text;

/**
 * One reward function of a text task: a named score of one completion to one prompt. Several of
 * them make a {@link TextRewards}, as TRL's {@code reward_funcs} make the rewards of its GRPO
 * trainer (each function returns one number per completion and is logged under its name).
 */
public interface CompletionReward {

    /** The name the reward is reported under, e.g. {@code "correctness"}. */
    String name();

    double score(Prompt prompt, ParsedCompletion completion);
}

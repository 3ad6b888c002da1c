package io.github.jrl.envs.text;

/**
 * {@code format}: 1 if the completion, up to and including its first {@code [EOS]}, is exactly
 * the opening answer marker, one or more tokens that are neither markers nor special tokens,
 * the closing marker and {@code [EOS]}; else 0 (a completion without {@code [EOS]} included).
 * Whether the answer is right does not matter. A strict layout check like the format reward of
 * DeepSeek-R1 and TRL's {@code think_format_reward} (1.0 if the completion has the expected
 * layout, else 0.0).
 */
public final class FormatReward implements CompletionReward {

    @Override
    public String name() {
        return "format";
    }

    @Override
    public double score(Prompt prompt, ParsedCompletion completion) {
        return completion.wellFormed() ? 1 : 0;
    }
}

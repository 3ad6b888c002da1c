package io.github.jrl.envs.text;

/**
 * A completion as {@link TextFormat#parse} reads it for the rewards. Only the tokens up to and
 * including the first {@code [EOS]} count: generation stops there, and TRL masks what a batched
 * sampler writes after it the same way. The answer is what lies between the first opening
 * marker and the first closing marker after it.
 */
public final class ParsedCompletion {

    private final int[] tokens;
    private final int length;
    private final boolean ended;
    private final int answerStart;
    private final int answerEnd;
    private final boolean wellFormed;

    ParsedCompletion(int[] tokens, int length, boolean ended, int answerStart, int answerEnd, boolean wellFormed) {
        this.tokens = tokens;
        this.length = length;
        this.ended = ended;
        this.answerStart = answerStart;
        this.answerEnd = answerEnd;
        this.wellFormed = wellFormed;
    }

    /** Number of tokens that count: up to and including the first {@code [EOS]}, or all of them without one. */
    public int length() {
        return length;
    }

    /** Whether the completion has an {@code [EOS]}. */
    public boolean ended() {
        return ended;
    }

    /** Whether an opening answer marker is followed, before {@code [EOS]}, by a closing one. */
    public boolean hasAnswer() {
        return answerEnd >= 0;
    }

    /** Whether the extracted answer is exactly the prompt's answer, token for token. */
    public boolean answers(Prompt prompt) {
        return hasAnswer() && prompt.isAnswer(tokens, answerStart + 1, answerEnd);
    }

    /**
     * Whether the counted tokens are exactly: the opening marker, one or more tokens that are
     * neither markers nor special tokens, the closing marker, {@code [EOS]}.
     */
    public boolean wellFormed() {
        return wellFormed;
    }
}

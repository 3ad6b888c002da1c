package io.github.jrl.algorithms.preference;

import java.util.Arrays;

/**
 * One comparison as token ids, what {@link Dpo} and reward-model training read: the prompt and
 * the chosen and rejected completions (arrays not copied). A {@link PreferencePair} encoded by a
 * tokenizer, or a pair drawn by {@link PairGenerator}.
 *
 * @throws IllegalArgumentException if any sequence is empty
 */
public record TokenPair(int[] prompt, int[] chosen, int[] rejected) {

    public TokenPair {
        if (prompt.length == 0 || chosen.length == 0 || rejected.length == 0) {
            throw new IllegalArgumentException("prompt, chosen and rejected must each hold at least one token, got lengths "
                    + prompt.length + ", " + chosen.length + ", " + rejected.length);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TokenPair p && Arrays.equals(p.prompt, prompt) && Arrays.equals(p.chosen, chosen)
                && Arrays.equals(p.rejected, rejected);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Arrays.hashCode(prompt) + Arrays.hashCode(chosen)) + Arrays.hashCode(rejected);
    }

    @Override
    public String toString() {
        return "TokenPair[prompt=" + Arrays.toString(prompt) + ", chosen=" + Arrays.toString(chosen) + ", rejected="
                + Arrays.toString(rejected) + "]";
    }
}

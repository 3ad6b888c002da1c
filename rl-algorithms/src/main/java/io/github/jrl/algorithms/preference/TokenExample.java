package io.github.jrl.algorithms.preference;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One unpaired judgement as token ids, what {@link Kto} reads: a prompt, a completion and whether
 * it is desirable (arrays not copied). An {@link UnpairedExample} encoded by a tokenizer, or half
 * of a {@link TokenPair} ({@link #unpaired}).
 *
 * @throws IllegalArgumentException if the prompt or the completion is empty
 */
public record TokenExample(int[] prompt, int[] completion, boolean desirable) {

    public TokenExample {
        if (prompt.length == 0 || completion.length == 0) {
            throw new IllegalArgumentException("prompt and completion must each hold at least one token, got lengths "
                    + prompt.length + " and " + completion.length);
        }
    }

    /**
     * Each pair as two examples, the chosen completion desirable and the rejected one not, in
     * pair order: TRL's {@code unpair_preference_dataset}, how the KTO paper (section 4.1) trains
     * KTO on paired data to compare it with DPO.
     */
    public static List<TokenExample> unpaired(List<TokenPair> pairs) {
        List<TokenExample> examples = new ArrayList<>(2 * pairs.size());
        for (TokenPair pair : pairs) {
            examples.add(new TokenExample(pair.prompt(), pair.chosen(), true));
            examples.add(new TokenExample(pair.prompt(), pair.rejected(), false));
        }
        return examples;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TokenExample e && e.desirable == desirable && Arrays.equals(e.prompt, prompt)
                && Arrays.equals(e.completion, completion);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Arrays.hashCode(prompt) + Arrays.hashCode(completion)) + Boolean.hashCode(desirable);
    }

    @Override
    public String toString() {
        return "TokenExample[prompt=" + Arrays.toString(prompt) + ", completion=" + Arrays.toString(completion)
                + ", desirable=" + desirable + "]";
    }
}

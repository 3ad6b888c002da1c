package io.github.jrl.algorithms.preference;

import java.util.Arrays;

/** What a learned reward model scores: a prompt and one completion, as token ids (not copied). */
public record TokenCompletion(int[] prompt, int[] completion) {

    @Override
    public boolean equals(Object o) {
        return o instanceof TokenCompletion c && Arrays.equals(c.prompt, prompt) && Arrays.equals(c.completion, completion);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(prompt) + Arrays.hashCode(completion);
    }

    @Override
    public String toString() {
        return "TokenCompletion[prompt=" + Arrays.toString(prompt) + ", completion=" + Arrays.toString(completion) + "]";
    }
}

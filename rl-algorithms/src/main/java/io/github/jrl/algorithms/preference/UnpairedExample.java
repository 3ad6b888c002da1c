package io.github.jrl.algorithms.preference;

/**
 * One unpaired judgement, TRL's unpaired-preference format (KTO's data): a {@code prompt}, a
 * {@code completion}, and a {@code label}, true when the completion is desirable.
 *
 * @throws IllegalArgumentException if the prompt or completion is null or empty
 */
public record UnpairedExample(String prompt, String completion, boolean label) {

    public UnpairedExample {
        PreferencePair.requireText("prompt", prompt);
        PreferencePair.requireText("completion", completion);
    }
}

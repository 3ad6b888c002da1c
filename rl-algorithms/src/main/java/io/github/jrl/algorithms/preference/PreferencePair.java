package io.github.jrl.algorithms.preference;

/**
 * One comparison in text form, with TRL's field names: a {@code prompt} and two completions of
 * it, the {@code chosen} (preferred) and the {@code rejected} one. A line of a preference dataset
 * ({@link PreferenceJsonl}).
 *
 * @throws IllegalArgumentException if a field is null or empty
 */
public record PreferencePair(String prompt, String chosen, String rejected) {

    public PreferencePair {
        requireText("prompt", prompt);
        requireText("chosen", chosen);
        requireText("rejected", rejected);
    }

    static void requireText(String field, String value) {
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException("field '" + field + "' must be a non-empty string, got "
                    + (value == null ? "nothing" : "an empty string"));
        }
    }
}

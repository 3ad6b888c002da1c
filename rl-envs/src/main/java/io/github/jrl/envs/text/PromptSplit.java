package io.github.jrl.envs.text;

import java.util.Locale;

/** The two disjoint parts of a {@link PromptDataset}: prompts to train on and held-out prompts to evaluate on. */
public enum PromptSplit {
    TRAIN,
    TEST;

    /** The split named {@code "train"} or {@code "test"} (any case), as the registry's {@code split} keyword takes it. */
    public static PromptSplit parse(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "train" -> TRAIN;
            case "test" -> TEST;
            default -> throw new IllegalArgumentException("a prompt split is 'train' or 'test', got '" + name + "'");
        };
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}

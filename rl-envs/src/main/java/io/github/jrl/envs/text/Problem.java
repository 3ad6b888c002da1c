package io.github.jrl.envs.text;

import java.util.Objects;

/**
 * One problem of a {@link TextTask}: the question as the prompt shows it and the one answer
 * that counts as correct.
 */
public record Problem(String question, String answer) {

    public Problem {
        Objects.requireNonNull(question, "question");
        Objects.requireNonNull(answer, "answer");
    }
}

package io.github.jrl.envs.text;

import java.util.Arrays;

/**
 * A problem rendered for a policy by a {@link TextFormat}: the prompt tokens
 * ({@code [BOS] question [SEP]}), the tokens of the correct answer, and the target completion
 * ({@code <answer>[EOS]}) that supervised fine-tuning imitates. Array accessors return copies.
 */
public final class Prompt {

    private final Problem problem;
    private final int[] tokens;
    private final int[] answerTokens;
    private final int[] targetCompletion;

    Prompt(Problem problem, int[] tokens, int[] answerTokens, int[] targetCompletion) {
        this.problem = problem;
        this.tokens = tokens;
        this.answerTokens = answerTokens;
        this.targetCompletion = targetCompletion;
    }

    public Problem problem() {
        return problem;
    }

    public String question() {
        return problem.question();
    }

    public String answer() {
        return problem.answer();
    }

    /** The prompt as the policy reads it: {@code [BOS]}, the question, {@code [SEP]}. */
    public int[] tokens() {
        return tokens.clone();
    }

    public int length() {
        return tokens.length;
    }

    /** The tokens of the correct answer, without markers. */
    public int[] answerTokens() {
        return answerTokens.clone();
    }

    /** The correct, well-formed completion: answer markers around the answer, then {@code [EOS]}. */
    public int[] targetCompletion() {
        return targetCompletion.clone();
    }

    boolean isAnswer(int[] tokens, int from, int to) {
        return Arrays.equals(tokens, from, to, answerTokens, 0, answerTokens.length);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Prompt p && p.problem.equals(problem) && Arrays.equals(p.tokens, tokens);
    }

    @Override
    public int hashCode() {
        return problem.hashCode();
    }

    @Override
    public String toString() {
        return "Prompt[" + problem.question() + " -> " + problem.answer() + "]";
    }
}

package io.github.jrl.envs.text;

/**
 * A task with verifiable answers: a finite, indexed set of problems, each a question and its one
 * correct answer, both plain text over {@link #alphabet()}. The index makes the problem set
 * enumerable without storing it, which {@link PromptDataset} uses to draw disjoint, seeded
 * train and test splits; distinct indices must give distinct questions.
 *
 * <p>Tasks are immutable. Difficulty (number length, string length) is a constructor argument.
 */
public interface TextTask {

    /** Largest number of problems a task may have, the limit of the split's permutation. */
    long MAX_SIZE = SeededPermutation.MAX_SIZE;

    /** A short name, e.g. {@code "addition"}. */
    String name();

    /** Number of distinct problems, at most {@link #MAX_SIZE}. */
    long size();

    /**
     * Problem number {@code index}.
     *
     * @throws IndexOutOfBoundsException unless {@code 0 <= index < size()}
     */
    Problem problem(long index);

    /** Every character that questions and answers may contain. */
    String alphabet();

    /** Length of the longest question. */
    int maxQuestionLength();

    /** Length of the longest answer. */
    int maxAnswerLength();
}

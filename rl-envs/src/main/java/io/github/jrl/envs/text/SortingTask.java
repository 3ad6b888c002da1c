package io.github.jrl.envs.text;

import java.util.Arrays;

/**
 * Digit sorting: {@code sort:3141} asks for the digits in ascending order, {@code 1134}. The
 * words are every string of {@code length} decimal digits, leading zeros included
 * ({@code 10^length} problems, {@code length} at most 18).
 */
public final class SortingTask extends WordTask {

    static final String DIGITS = "0123456789";

    public SortingTask(int length) {
        super("sorting", "sort", DIGITS, length, DIGITS);
    }

    @Override
    protected String answer(String word) {
        char[] digits = word.toCharArray();
        Arrays.sort(digits);
        return new String(digits);
    }
}

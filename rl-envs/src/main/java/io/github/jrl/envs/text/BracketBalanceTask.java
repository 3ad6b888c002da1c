package io.github.jrl.envs.text;

/**
 * Bracket balance: {@code balance:(()))(} asks how many brackets must be added to balance the
 * string, here {@code 2} (one {@code (} for the unmatched {@code )}, one {@code )} for the
 * unmatched {@code (}); a balanced string answers {@code 0}. The answer is the number of
 * unmatched brackets, counted in one pass with a depth counter, in decimal. The words are every
 * string of {@code length} round brackets ({@code 2^length} problems, {@code length} at most 62).
 *
 * <p>A count rather than a yes/no verdict, because balanced strings are rare among all strings
 * (14 of the 256 of length 8): a verdict task would be solved by always answering no.
 */
public final class BracketBalanceTask extends WordTask {

    public BracketBalanceTask(int length) {
        super("brackets", "balance", "()", length, SortingTask.DIGITS);
    }

    @Override
    protected String answer(String word) {
        int depth = 0;
        int unmatchedClosing = 0;
        for (int i = 0; i < word.length(); i++) {
            if (word.charAt(i) == '(') {
                depth++;
            } else if (depth > 0) {
                depth--;
            } else {
                unmatchedClosing++;
            }
        }
        return String.valueOf(depth + unmatchedClosing);
    }

    @Override
    public int maxAnswerLength() {
        return String.valueOf(length()).length();
    }
}

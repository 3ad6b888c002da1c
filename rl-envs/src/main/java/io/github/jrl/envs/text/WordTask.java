package io.github.jrl.envs.text;

import java.util.Objects;

/**
 * A task whose problems are all the words of one length over a set of symbols, asked as
 * {@code keyword:word} (e.g. {@code reverse:abc}). Word number {@code i} spells {@code i} in base
 * {@code symbols.length()}, most significant symbol first, so the words are in lexicographic
 * order of the symbols and word 0 repeats the first symbol. Subclasses say what the answer is.
 */
public abstract class WordTask implements TextTask {

    private final String name;
    private final String keyword;
    private final String symbols;
    private final String answerSymbols;
    private final int length;
    private final long size;

    /**
     * @param name the task's name, also used in error messages
     * @param keyword what the question starts with, before a colon
     * @param symbols the characters words are made of
     * @param length the number of symbols of every word: the difficulty
     * @param answerSymbols the characters answers are made of
     * @throws IllegalArgumentException if {@code length < 1} or there would be more than
     *     {@link TextTask#MAX_SIZE} words
     */
    protected WordTask(String name, String keyword, String symbols, int length, String answerSymbols) {
        this.name = Objects.requireNonNull(name, "name");
        this.keyword = Objects.requireNonNull(keyword, "keyword");
        this.symbols = Objects.requireNonNull(symbols, "symbols");
        this.answerSymbols = Objects.requireNonNull(answerSymbols, "answerSymbols");
        int maxLength = maxLength(symbols.length());
        if (length < 1 || length > maxLength) {
            throw new IllegalArgumentException(name + " length must be in [1, " + maxLength + "] (at most 2^62 words over "
                    + symbols.length() + " symbols), got " + length);
        }
        this.length = length;
        long count = 1;
        for (int i = 0; i < length; i++) {
            count *= symbols.length();
        }
        this.size = count;
    }

    private static int maxLength(int radix) {
        if (radix < 2) {
            throw new IllegalArgumentException("words need at least 2 symbols, got " + radix);
        }
        int length = 1;
        for (long count = radix; count <= MAX_SIZE / radix; count *= radix) {
            length++;
        }
        return length;
    }

    /** The correct answer to the question about {@code word}. */
    protected abstract String answer(String word);

    /** The number of symbols of every word. */
    public final int length() {
        return length;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final long size() {
        return size;
    }

    @Override
    public final Problem problem(long index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException(name + " problem index " + index + " is outside [0, " + size + ")");
        }
        char[] word = new char[length];
        long rest = index;
        for (int i = length - 1; i >= 0; i--) {
            word[i] = symbols.charAt((int) (rest % symbols.length()));
            rest /= symbols.length();
        }
        String w = new String(word);
        return new Problem(keyword + ":" + w, answer(w));
    }

    /** The keyword, the colon, the symbols and the answer symbols; may list a character twice. */
    @Override
    public final String alphabet() {
        return keyword + ":" + symbols + answerSymbols;
    }

    @Override
    public final int maxQuestionLength() {
        return keyword.length() + 1 + length;
    }

    /** The word's length: answers that rearrange or transform the word are as long as it. */
    @Override
    public int maxAnswerLength() {
        return length;
    }

    @Override
    public String toString() {
        return name + "(length=" + length + ")";
    }
}

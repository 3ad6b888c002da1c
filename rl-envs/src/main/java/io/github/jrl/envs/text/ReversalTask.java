package io.github.jrl.envs.text;

/**
 * String reversal: {@code reverse:abc} asks for {@code cba}. The words are every string of
 * {@code length} lowercase letters ({@code 26^length} problems, {@code length} at most 13).
 */
public final class ReversalTask extends WordTask {

    static final String LETTERS = "abcdefghijklmnopqrstuvwxyz";

    public ReversalTask(int length) {
        super("reversal", "reverse", LETTERS, length, LETTERS);
    }

    @Override
    protected String answer(String word) {
        return new StringBuilder(word).reverse().toString();
    }
}

package io.github.jrl.envs.text;

/**
 * Multi-digit addition: {@code 123+456} asks for {@code 579}, in the plain format of Lee et al.,
 * "Teaching Arithmetic to Small Transformers" (ICLR 2024). Both operands have exactly
 * {@code digits} digits (no leading zero; 0 to 9 when {@code digits} is 1), so there are
 * {@code span^2} problems with {@code span = 9 * 10^(digits-1)} (10 for one digit): 810,000 for
 * three digits. Problem {@code i} adds {@code low + i / span} and {@code low + i % span}, where
 * {@code low} is the smallest operand.
 */
public final class AdditionTask implements TextTask {

    /** The largest difficulty whose problem count fits the split's permutation. */
    public static final int MAX_DIGITS = 9;

    private final int digits;
    private final long low;
    private final long span;

    /** @param digits the number of digits of each operand, in {@code [1, 9]} */
    public AdditionTask(int digits) {
        if (digits < 1 || digits > MAX_DIGITS) {
            throw new IllegalArgumentException("addition digits must be in [1, " + MAX_DIGITS + "], got " + digits);
        }
        this.digits = digits;
        long high = (long) Math.pow(10, digits);
        this.low = digits == 1 ? 0 : high / 10;
        this.span = high - low;
    }

    public int digits() {
        return digits;
    }

    @Override
    public String name() {
        return "addition";
    }

    @Override
    public long size() {
        return span * span;
    }

    @Override
    public Problem problem(long index) {
        if (index < 0 || index >= size()) {
            throw new IndexOutOfBoundsException("addition problem index " + index + " is outside [0, " + size() + ")");
        }
        long a = low + index / span;
        long b = low + index % span;
        return new Problem(a + "+" + b, String.valueOf(a + b));
    }

    @Override
    public String alphabet() {
        return "+" + SortingTask.DIGITS;
    }

    @Override
    public int maxQuestionLength() {
        return 2 * digits + 1;
    }

    /** The sum of the two largest operands has one more digit than they do. */
    @Override
    public int maxAnswerLength() {
        return digits + 1;
    }

    @Override
    public String toString() {
        return "addition(digits=" + digits + ")";
    }
}

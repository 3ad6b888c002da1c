package io.github.jrl.core.space;

import io.github.jrl.core.random.Rng;
import java.util.Arrays;

/**
 * Variable-length sequences of token ids in {@code 0 .. vocabSize - 1}, with
 * {@code minLength <= length <= maxLength}: the space of prompts and completions of text tasks
 * (Gymnasium's {@code Sequence(Discrete(vocabSize))} with a length bound).
 *
 * <p>The flat encoding has {@code maxLength + 1} floats: the length, then the tokens, padded
 * with zeros.
 */
public final class TokenSequence implements Space<int[]> {

    private final int vocabSize;
    private final int minLength;
    private final int maxLength;

    public TokenSequence(int vocabSize, int minLength, int maxLength) {
        if (vocabSize <= 0 || minLength < 0 || maxLength < minLength) {
            throw new IllegalArgumentException("TokenSequence needs vocabSize > 0 and 0 <= minLength <= maxLength, got vocabSize="
                    + vocabSize + ", minLength=" + minLength + ", maxLength=" + maxLength);
        }
        this.vocabSize = vocabSize;
        this.minLength = minLength;
        this.maxLength = maxLength;
    }

    public int vocabSize() {
        return vocabSize;
    }

    public int minLength() {
        return minLength;
    }

    public int maxLength() {
        return maxLength;
    }

    @Override
    public boolean contains(int[] value) {
        if (value == null || value.length < minLength || value.length > maxLength) {
            return false;
        }
        for (int token : value) {
            if (token < 0 || token >= vocabSize) {
                return false;
            }
        }
        return true;
    }

    /** A sequence of uniform length in {@code [minLength, maxLength]} with uniform tokens. */
    @Override
    public int[] sample(Rng rng) {
        int[] tokens = new int[minLength + rng.nextInt(maxLength - minLength + 1)];
        for (int i = 0; i < tokens.length; i++) {
            tokens[i] = rng.nextInt(vocabSize);
        }
        return tokens;
    }

    /** The maximal shape; actual elements may be shorter. */
    @Override
    public int[] shape() {
        return new int[] {maxLength};
    }

    @Override
    public DType dtype() {
        return DType.INT64;
    }

    @Override
    public int flatSize() {
        return maxLength + 1;
    }

    @Override
    public void writeFlat(int[] value, float[] dst, int offset) {
        dst[offset] = value.length;
        for (int i = 0; i < maxLength; i++) {
            dst[offset + 1 + i] = i < value.length ? value[i] : 0;
        }
    }

    @Override
    public int[] readFlat(float[] src, int offset) {
        int length = Spaces.exactInt(src[offset]);
        if (length < 0 || length > maxLength) {
            throw new IllegalArgumentException("encoded sequence length " + length + " is outside [0, " + maxLength + "]");
        }
        int[] tokens = new int[length];
        for (int i = 0; i < length; i++) {
            tokens[i] = Spaces.exactInt(src[offset + 1 + i]);
        }
        return tokens;
    }

    @Override
    public String format(int[] value) {
        return Arrays.toString(value);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TokenSequence t && t.vocabSize == vocabSize && t.minLength == minLength
                && t.maxLength == maxLength;
    }

    @Override
    public int hashCode() {
        return (31 * vocabSize + minLength) * 31 + maxLength;
    }

    @Override
    public String toString() {
        return "TokenSequence(vocab=" + vocabSize + ", length " + minLength + ".." + maxLength + ")";
    }
}

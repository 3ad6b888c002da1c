package io.github.jrl.envs.text;

import io.github.jrl.core.random.Rng;

/**
 * A pseudo-random permutation of {@code 0 .. size - 1} determined by a seed, evaluated one
 * position at a time without materialising it: a balanced Feistel network on the smallest
 * power-of-four domain that holds {@code size}, restricted to {@code [0, size)} by cycle-walking
 * (Black and Rogaway, "Ciphers with Arbitrary Finite Domains", CT-RSA 2002). Every step is
 * integer arithmetic specified here, so a seed gives the same order on every JVM.
 *
 * <p>Prompt splits take their problems in this order, which is why they are disjoint by
 * construction and need not enumerate a task's problems.
 */
final class SeededPermutation {

    /** Largest supported size: two halves of 31 bits. */
    static final long MAX_SIZE = 1L << 62;

    /** Luby and Rackoff's construction is a strong pseudo-random permutation from four rounds; two more are cheap margin. */
    private static final int ROUNDS = 6;

    private final long size;
    private final int halfBits;
    private final long halfMask;
    private final long[] roundKeys = new long[ROUNDS];

    SeededPermutation(long size, long seed) {
        if (size < 1 || size > MAX_SIZE) {
            throw new IllegalArgumentException("a seeded permutation needs 1 <= size <= 2^62, got " + size);
        }
        this.size = size;
        int bits = Math.max(2, 64 - Long.numberOfLeadingZeros(size - 1));
        // The domain 4^halfBits is less than 4 * size, so cycle-walking takes under 4 rounds of the network on average.
        this.halfBits = (bits + 1) / 2;
        this.halfMask = (1L << halfBits) - 1;
        Rng rng = new Rng(seed);
        for (int r = 0; r < ROUNDS; r++) {
            roundKeys[r] = rng.nextLong();
        }
    }

    long size() {
        return size;
    }

    /** The element at {@code position} of the permutation. */
    long apply(long position) {
        if (position < 0 || position >= size) {
            throw new IndexOutOfBoundsException("position " + position + " is outside [0, " + size + ")");
        }
        // The network permutes its domain, so the orbit of a position below size returns below size.
        long x = position;
        do {
            x = feistel(x);
        } while (x >= size);
        return x;
    }

    private long feistel(long x) {
        long left = x >>> halfBits;
        long right = x & halfMask;
        for (long key : roundKeys) {
            long next = left ^ (Rng.mix64(right ^ key) & halfMask);
            left = right;
            right = next;
        }
        return (left << halfBits) | right;
    }
}

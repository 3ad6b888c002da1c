package io.github.jrl.envs.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class SeededPermutationTest {

    private static long[] order(long size, long seed) {
        SeededPermutation permutation = new SeededPermutation(size, seed);
        long[] values = new long[(int) size];
        for (int i = 0; i < size; i++) {
            values[i] = permutation.apply(i);
        }
        return values;
    }

    @Test
    void isAPermutationOfEverySize() {
        for (long size : new long[] {1, 2, 3, 4, 5, 17, 100, 1000, 4097}) {
            for (long seed = 0; seed < 3; seed++) {
                long[] values = order(size, seed);
                Arrays.sort(values);
                for (int i = 0; i < size; i++) {
                    assertEquals(i, values[i], "size " + size + ", seed " + seed);
                }
            }
        }
    }

    @Test
    void theOrderIsFixedByTheSeedAlone() {
        // Pinned: any change of the construction would silently change every published split.
        assertArrayEquals(new long[] {8, 6, 4, 5, 1, 9, 0, 2, 3, 7}, order(10, 42));
        assertArrayEquals(order(1000, 7), order(1000, 7));
        assertFalse(Arrays.equals(order(1000, 7), order(1000, 8)));
    }

    @Test
    void handlesTheLargestSize() {
        SeededPermutation permutation = new SeededPermutation(SeededPermutation.MAX_SIZE, 42);
        assertEquals(1551236313522601048L, permutation.apply(0));
        assertEquals(1937117698958948951L, permutation.apply(SeededPermutation.MAX_SIZE - 1));
        for (long position = 0; position < 1000; position++) {
            long value = permutation.apply(position * 4611686018427387L);
            assertTrue(value >= 0 && value < SeededPermutation.MAX_SIZE);
        }
    }

    @Test
    void rejectsBadSizesAndPositions() {
        assertThrows(IllegalArgumentException.class, () -> new SeededPermutation(0, 1));
        assertThrows(IllegalArgumentException.class, () -> new SeededPermutation(SeededPermutation.MAX_SIZE + 1, 1));
        SeededPermutation permutation = new SeededPermutation(10, 1);
        var e = assertThrows(IndexOutOfBoundsException.class, () -> permutation.apply(10));
        assertEquals("position 10 is outside [0, 10)", e.getMessage());
        assertThrows(IndexOutOfBoundsException.class, () -> permutation.apply(-1));
    }
}

package io.github.jrl.core.random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class RngTest {

    @Test
    void splitMix64MatchesItsPublishedOutputs() {
        // SplitMix64 with state 1234567: reference outputs from Vigna's splitmix64.c.
        long state = 1234567L;
        long[] expected = {6457827717110365317L, 3203168211198807973L, -8629252141511181193L, 4593380528125082431L};
        for (long value : expected) {
            state += 0x9E3779B97F4A7C15L;
            assertEquals(value, Rng.mix64(state));
        }
    }

    @Test
    void sameSeedSameStream() {
        Rng a = new Rng(42);
        Rng b = new Rng(42);
        for (int i = 0; i < 1000; i++) {
            assertEquals(a.nextLong(), b.nextLong());
        }
        assertEquals(new Rng(7).nextGaussian(), new Rng(7).nextGaussian());
    }

    @Test
    void differentSeedsAndStreamsDiffer() {
        assertNotEquals(new Rng(1).nextLong(), new Rng(2).nextLong());
        assertNotEquals(Rng.forStream(5, 0).nextLong(), Rng.forStream(5, 1).nextLong());
        assertNotEquals(Rng.forStream(0, 1).nextLong(), Rng.forStream(1, 0).nextLong());
        assertEquals(Rng.forStream(9, 3).nextLong(), Rng.forStream(9, 3).nextLong());
    }

    @Test
    void splitGivesAnIndependentReproducibleChild() {
        Rng parent = new Rng(3);
        Rng child = parent.split();
        Rng parentAgain = new Rng(3);
        Rng childAgain = parentAgain.split();
        assertEquals(child.nextLong(), childAgain.nextLong());
        assertEquals(parent.nextLong(), parentAgain.nextLong());
    }

    @Test
    void savedStateContinuesTheStreamExactly() {
        Rng rng = new Rng(21);
        rng.nextGaussian(); // leaves a cached second variate
        Rng restored = Rng.fromState(rng.state());
        for (int i = 0; i < 10; i++) {
            assertEquals(rng.nextGaussian(), restored.nextGaussian());
            assertEquals(rng.nextLong(), restored.nextLong());
        }
        assertThrows(IllegalArgumentException.class, () -> Rng.fromState(new long[] {0, 0, 0, 0, 0, 0}));
        assertThrows(IllegalArgumentException.class, () -> Rng.fromState(new long[3]));
    }

    @Test
    void skipLeavesTheGeneratorWhereThatManyDrawsWould() {
        Rng drawn = new Rng(5);
        Rng skipped = new Rng(5);
        drawn.nextDouble();
        drawn.nextLong();
        drawn.nextFloat();
        skipped.skip(3);
        assertEquals(drawn.nextLong(), skipped.nextLong());
        assertThrows(IllegalArgumentException.class, () -> skipped.skip(-1));
    }

    @Test
    void boundedIntsAreUniformAndInRange() {
        Rng rng = new Rng(11);
        int[] counts = new int[7];
        int n = 70_000;
        for (int i = 0; i < n; i++) {
            counts[rng.nextInt(7)]++;
        }
        for (int c : counts) {
            // 10_000 expected; 5 standard deviations (~ 5 * 90) is far beyond chance.
            assertTrue(Math.abs(c - 10_000) < 500, Arrays.toString(counts));
        }
        assertThrows(IllegalArgumentException.class, () -> rng.nextInt(0));
        assertThrows(IllegalArgumentException.class, () -> rng.nextInt(3, 3));
    }

    @Test
    void doublesAndGaussiansHaveTheRightMoments() {
        Rng rng = new Rng(12);
        int n = 200_000;
        double sum = 0;
        double sumSq = 0;
        double uniformSum = 0;
        for (int i = 0; i < n; i++) {
            double g = rng.nextGaussian();
            sum += g;
            sumSq += g * g;
            double u = rng.nextDouble();
            assertTrue(u >= 0 && u < 1);
            uniformSum += u;
        }
        assertEquals(0, sum / n, 0.01);
        assertEquals(1, sumSq / n, 0.01);
        assertEquals(0.5, uniformSum / n, 0.003);
    }

    @Test
    void permutationIsAPermutation() {
        int[] p = new Rng(5).permutation(50);
        int[] sorted = p.clone();
        Arrays.sort(sorted);
        for (int i = 0; i < 50; i++) {
            assertEquals(i, sorted[i]);
        }
        assertArrayEquals(p, new Rng(5).permutation(50));
    }

    @Test
    void categoricalFollowsWeightsAndRejectsBadOnes() {
        Rng rng = new Rng(8);
        int[] counts = new int[3];
        for (int i = 0; i < 30_000; i++) {
            counts[rng.nextCategorical(new double[] {1, 0, 2})]++;
        }
        assertEquals(0, counts[1]);
        assertEquals(10_000, counts[0], 400);
        assertThrows(IllegalArgumentException.class, () -> rng.nextCategorical(new double[] {0, 0}));
        assertThrows(IllegalArgumentException.class, () -> rng.nextCategorical(new double[] {1, Double.NaN}));
        assertThrows(IllegalArgumentException.class, () -> rng.nextCategorical(new double[] {1, -1}));
    }
}

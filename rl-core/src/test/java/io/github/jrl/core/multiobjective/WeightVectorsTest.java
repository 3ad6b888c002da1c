package io.github.jrl.core.multiobjective;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.jrl.core.random.Rng;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WeightVectorsTest {

    @Test
    void dasDennisGridsListEveryLatticePointInOrder() {
        List<double[]> two = WeightVectors.uniform(2, 4);
        assertEquals(5, two.size());
        for (int i = 0; i < 5; i++) {
            assertArrayEquals(new double[] {i / 4.0, 1 - i / 4.0}, two.get(i));
        }
        double[][] three = {{0, 0, 1}, {0, 0.5, 0.5}, {0, 1, 0}, {0.5, 0, 0.5}, {0.5, 0.5, 0}, {1, 0, 0}};
        List<double[]> grid = WeightVectors.uniform(3, 2);
        assertEquals(three.length, grid.size());
        for (int i = 0; i < three.length; i++) {
            assertArrayEquals(three[i], grid.get(i));
        }
        assertArrayEquals(new double[] {1}, WeightVectors.uniform(1, 7).get(0));
    }

    @Test
    void dasDennisGridSizesAreBinomialAndPointsLieOnTheSimplex() {
        int[][] cases = {{3, 12, 91}, {5, 4, 70}, {9, 3, 165}, {2, 1, 2}};
        for (int[] c : cases) {
            List<double[]> grid = WeightVectors.uniform(c[0], c[1]);
            assertEquals(c[2], grid.size(), c[0] + " objectives, " + c[1] + " divisions");
            assertEquals(c[2], WeightVectors.gridSize(c[0], c[1]));
            Set<String> distinct = new HashSet<>();
            for (double[] w : grid) {
                assertOnSimplex(w);
                distinct.add(Arrays.toString(w));
            }
            assertEquals(c[2], distinct.size());
        }
    }

    @Test
    void badGridsRaise() {
        assertThrows(IllegalArgumentException.class, () -> WeightVectors.uniform(0, 3));
        assertThrows(IllegalArgumentException.class, () -> WeightVectors.uniform(3, 0));
        IllegalArgumentException huge = assertThrows(IllegalArgumentException.class, () -> WeightVectors.uniform(40, 40));
        assertTrue(huge.getMessage().contains("at most 10000000"), huge.getMessage());
        assertEquals(Long.MAX_VALUE, WeightVectors.gridSize(200, 200));
    }

    @Test
    void randomWeightsAreSeededAndFlatDirichlet() {
        assertArrayEquals(WeightVectors.random(4, new Rng(5)), WeightVectors.random(4, new Rng(5)));
        List<double[]> draws = WeightVectors.random(3, 20_000, new Rng(1));
        double sum = 0;
        double sumSquares = 0;
        for (double[] w : draws) {
            assertOnSimplex(w);
            sum += w[0];
            sumSquares += w[0] * w[0];
        }
        // A component of Dir(1, 1, 1) is Beta(1, 2): mean 1/3, variance 1/18.
        double mean = sum / draws.size();
        assertEquals(1.0 / 3, mean, 0.01);
        assertEquals(1.0 / 18, sumSquares / draws.size() - mean * mean, 0.003);
        assertThrows(IllegalArgumentException.class, () -> WeightVectors.random(0, new Rng(0)));
        assertThrows(IllegalArgumentException.class, () -> WeightVectors.random(2, -1, new Rng(0)));
    }

    private static void assertOnSimplex(double[] w) {
        double total = 0;
        for (double v : w) {
            assertTrue(v >= 0, Arrays.toString(w));
            total += v;
        }
        assertEquals(1.0, total, 1e-12);
    }
}

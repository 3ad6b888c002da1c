package io.github.jrl.core.multiobjective;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScalarizationTest {

    @Test
    void linearIsTheWeightedSum() {
        assertEquals(1.5, Scalarization.linear().utility(new double[] {1, 2}, new double[] {0.5, 0.5}));
        assertEquals(-7.0, Scalarization.linear().utility(new double[] {3, -5}, new double[] {1, 2}));
    }

    @Test
    void chebyshevIsMinusTheWeightedChebyshevDistanceToTheReferencePoint() {
        double[] z = {10, 10};
        // Distances 6 and 2, weighted 3 and 1.
        assertEquals(-3.0, Scalarization.chebyshev(z).utility(new double[] {4, 8}, new double[] {0.5, 0.5}));
        // Augmented: plus 0.1 * (6 + 2).
        assertEquals(-3.8, Scalarization.augmentedChebyshev(z, 0.1).utility(new double[] {4, 8}, new double[] {0.5, 0.5}),
                1e-12);
        assertEquals(-6.0, Scalarization.chebyshev(z).utility(new double[] {4, 8}, new double[] {1, 0}));
    }

    @Test
    void chebyshevReachesAConcavePointThatNoLinearWeightPrefers() {
        double[] concave = {0.4, 0.4};
        List<double[]> front = List.of(new double[] {1, 0}, new double[] {0, 1}, concave);
        for (double[] w : WeightVectors.uniform(2, 100)) {
            assertTrue(best(front, Scalarization.linear(), w) != concave, "linear weights " + w[0]);
        }
        assertSame(concave, best(front, Scalarization.chebyshev(new double[] {1, 1}), new double[] {0.5, 0.5}));
    }

    @Test
    void mismatchedDimensionsAndBadParametersRaise() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Scalarization.linear().utility(new double[] {1, 2}, new double[] {1}));
        assertTrue(e.getMessage().contains("2 objective values with 1 weights"), e.getMessage());
        IllegalArgumentException ref = assertThrows(IllegalArgumentException.class,
                () -> Scalarization.chebyshev(new double[] {1, 1, 1}).utility(new double[] {1, 2}, new double[] {1, 0}));
        assertTrue(ref.getMessage().contains("3-objective reference point"), ref.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Scalarization.chebyshev(new double[] {Double.NaN}));
        assertThrows(IllegalArgumentException.class, () -> Scalarization.chebyshev(new double[0]));
        assertThrows(IllegalArgumentException.class, () -> Scalarization.augmentedChebyshev(new double[] {1}, -0.1));
    }

    private static double[] best(List<double[]> front, Scalarization s, double[] w) {
        return front.stream().max(Comparator.comparingDouble(p -> s.utility(p, w))).orElseThrow();
    }
}

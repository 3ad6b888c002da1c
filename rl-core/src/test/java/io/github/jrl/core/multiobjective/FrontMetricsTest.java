package io.github.jrl.core.multiobjective;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class FrontMetricsTest {

    private static final List<double[]> FRONT = List.of(new double[] {0, 3}, new double[] {1, 1}, new double[] {3, 0});

    @Test
    void sparsitySumsSquaredGapsPerObjectiveOverPointsMinusOne() {
        // Both objectives sorted are 0, 1, 3: gaps 1 and 2, so (1 + 4) + (1 + 4) over 3 - 1 points.
        assertEquals(5.0, FrontMetrics.sparsity(FRONT));
        assertEquals(0.0, FrontMetrics.sparsity(List.of(new double[] {4, 2})), "one point, as PGMORL");
        assertEquals(1.5, FrontMetrics.sparsity(List.of(new double[] {0, 0, 1}, new double[] {0, 1, 0}, new double[] {1, 0, 0})),
                "each objective sorted is 0, 0, 1: one gap of 1 per objective, 3 over 2");
    }

    @Test
    void expectedUtilityAveragesTheBestUtilityOverWeights() {
        List<double[]> weights = WeightVectors.uniform(2, 2);
        // Best per weight: [0, 1] -> 3, [0.5, 0.5] -> 1.5, [1, 0] -> 3.
        assertEquals(2.5, FrontMetrics.expectedUtility(FRONT, weights), 1e-12);
        Scalarization chebyshev = Scalarization.chebyshev(new double[] {3, 3});
        // Best Chebyshev utility per weight: [0, 1] -> 0 (at [0, 3]), [0.5, 0.5] -> -1 (at [1, 1]), [1, 0] -> 0.
        assertEquals(-1.0 / 3, FrontMetrics.expectedUtility(FRONT, weights, chebyshev), 1e-12);
    }

    @Test
    void invertedGenerationalDistanceIsTheMeanDistanceFromTheKnownFront() {
        List<double[]> known = List.of(new double[] {0, 3}, new double[] {3, 0});
        assertEquals(0.0, FrontMetrics.invertedGenerationalDistance(FRONT, known));
        // From [0, 3]: nearest is [1, 1] at sqrt(5); from [3, 0]: [3, 0] itself.
        assertEquals(Math.sqrt(5) / 2, FrontMetrics.invertedGenerationalDistance(
                List.of(new double[] {1, 1}, new double[] {3, 0}), known), 1e-12);
    }

    @Test
    void emptyFrontsAndMismatchedDimensionsRaise() {
        IllegalArgumentException empty = assertThrows(IllegalArgumentException.class,
                () -> FrontMetrics.sparsity(List.of()));
        assertTrue(empty.getMessage().contains("the front is empty"), empty.getMessage());
        assertThrows(IllegalArgumentException.class, () -> FrontMetrics.expectedUtility(List.of(), WeightVectors.uniform(2, 2)));
        IllegalArgumentException noWeights = assertThrows(IllegalArgumentException.class,
                () -> FrontMetrics.expectedUtility(FRONT, List.of()));
        assertTrue(noWeights.getMessage().contains("weight vector"), noWeights.getMessage());
        IllegalArgumentException weightDims = assertThrows(IllegalArgumentException.class,
                () -> FrontMetrics.expectedUtility(FRONT, WeightVectors.uniform(3, 2)));
        assertTrue(weightDims.getMessage().contains("weight vector point 0 must have 2 objectives"), weightDims.getMessage());
        assertThrows(IllegalArgumentException.class, () -> FrontMetrics.invertedGenerationalDistance(List.of(), FRONT));
        assertThrows(IllegalArgumentException.class, () -> FrontMetrics.invertedGenerationalDistance(FRONT, List.of()));
        assertThrows(IllegalArgumentException.class, () -> FrontMetrics.invertedGenerationalDistance(
                List.of(new double[] {1, 2, 3}), FRONT));
        assertThrows(IllegalArgumentException.class,
                () -> FrontMetrics.sparsity(List.of(new double[] {1, 2}, new double[] {1})));
    }
}

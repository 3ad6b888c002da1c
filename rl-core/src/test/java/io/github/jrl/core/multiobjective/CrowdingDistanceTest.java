package io.github.jrl.core.multiobjective;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class CrowdingDistanceTest {

    private static final double INF = Double.POSITIVE_INFINITY;

    @Test
    void interiorPointsSumTheirNormalisedNeighbourGaps() {
        List<double[]> front = List.of(new double[] {0, 4}, new double[] {1, 3}, new double[] {3, 1},
                new double[] {4, 0});
        // (1,3): (3-0)/4 + (4-1)/4 = 1.5; (3,1): (4-1)/4 + (3-0)/4 = 1.5
        assertArrayEquals(new double[] {INF, 1.5, 1.5, INF}, CrowdingDistance.of(front), 1e-12);
        List<double[]> uneven = List.of(new double[] {0, 10}, new double[] {1, 9}, new double[] {2, 8},
                new double[] {10, 0});
        // (1,9): 2/10 + 2/10; (2,8): 9/10 + 9/10
        assertArrayEquals(new double[] {INF, 0.4, 1.8, INF}, CrowdingDistance.of(uneven), 1e-12);
    }

    @Test
    void smallFrontsAreAllExtremesAndConstantObjectivesAddNothing() {
        assertArrayEquals(new double[] {INF}, CrowdingDistance.of(List.of(new double[] {1, 2})));
        assertArrayEquals(new double[] {INF, INF},
                CrowdingDistance.of(List.of(new double[] {1, 2}, new double[] {2, 1})));
        List<double[]> flat = List.of(new double[] {0, 5, 1}, new double[] {2, 5, 1}, new double[] {1, 5, 1});
        assertArrayEquals(new double[] {INF, INF, 1.0}, CrowdingDistance.of(flat));
        List<double[]> line = List.of(new double[] {0, 5}, new double[] {1, 5}, new double[] {3, 5},
                new double[] {4, 5});
        assertArrayEquals(new double[] {INF, 0.75, 0.75, INF}, CrowdingDistance.of(line));
        assertThrows(IllegalArgumentException.class, () -> CrowdingDistance.of(List.of()));
        assertThrows(IllegalArgumentException.class,
                () -> CrowdingDistance.of(List.of(new double[] {1, 2}, new double[] {1})));
    }
}

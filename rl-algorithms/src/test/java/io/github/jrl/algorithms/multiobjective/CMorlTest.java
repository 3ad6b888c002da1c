package io.github.jrl.algorithms.multiobjective;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class CMorlTest {

    /** Deep-sea-treasure-like: two ends, a crowded pair, a lone interior point. */
    private static final List<double[]> FRONT = List.of(
            new double[] {1, -1}, new double[] {124, -19}, new double[] {2, -3}, new double[] {3, -4},
            new double[] {50, -14});

    @Test
    void picksTheEndsThenTheInteriorPointInTheWidestGap() {
        // crowding: ends infinite; (2,-3): (3-1)/123 + (-1+4)/18; (3,-4): (50-2)/123 + (-3+14)/18;
        // (50,-14): (124-3)/123 + (-4+19)/18: largest interior
        assertArrayEquals(new int[] {0, 1, 4}, CMorl.sparsest(FRONT, 3));
        assertArrayEquals(new int[] {0, 1, 4, 3, 2}, CMorl.sparsest(FRONT, 10));
    }

    @Test
    void thresholdsSitInTheGapBelowTheSelectedPoint() {
        // from (124,-19) maximising time: treasure at least halfway down to the next lower treasure, 50
        assertArrayEquals(new double[] {87, Double.NaN}, CMorl.thresholds(FRONT, 1, 1, 0.5), 1e-12);
        // from (1,-1) maximising treasure: time at least halfway down to the next lower time, -3
        assertArrayEquals(new double[] {Double.NaN, -2}, CMorl.thresholds(FRONT, 0, 0, 0.5), 1e-12);
        // from (50,-14) maximising treasure, relaxation 0.75: -14 - 0.25 * (-14 + 19)
        assertArrayEquals(new double[] {Double.NaN, -15.25}, CMorl.thresholds(FRONT, 4, 0, 0.75), 1e-12);
        // the lowest time on the front has no gap below: the paper's relaxation of the point itself
        assertArrayEquals(new double[] {Double.NaN, -28.5}, CMorl.thresholds(FRONT, 1, 0, 0.5), 1e-12);
    }

    @Test
    void multipliersStepInUnitsOfTheGap() {
        assertEquals(0.05 / 37, CMorl.multiplierRate(new double[] {124, -19}, new double[] {87, Double.NaN}, 0.05),
                1e-15);
        assertEquals(0.05, CMorl.multiplierRate(new double[] {1, -1}, new double[] {Double.NaN, -1}, 0.05));
    }

    @Test
    void extensionsAlreadyRunFromAPointComeLast() {
        java.util.Set<String> tried = new java.util.HashSet<>();
        List<int[]> first = CMorl.extensions(FRONT, tried, 6);
        assertEquals(List.of("0/0", "0/1", "1/0", "1/1", "4/0", "4/1"), keys(first));
        first.forEach(e -> tried.add(CMorl.key(FRONT.get(e[0]), e[1])));
        assertEquals(List.of("3/0", "3/1", "2/0", "2/1", "0/0", "0/1"), keys(CMorl.extensions(FRONT, tried, 6)));
        assertEquals(List.of("0/0", "0/1"), keys(CMorl.extensions(FRONT.subList(0, 1), tried, 6)));
    }

    private static List<String> keys(List<int[]> extensions) {
        return extensions.stream().map(e -> e[0] + "/" + e[1]).toList();
    }
}

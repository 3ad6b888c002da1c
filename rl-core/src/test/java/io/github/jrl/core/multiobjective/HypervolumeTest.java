package io.github.jrl.core.multiobjective;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.jrl.core.random.Rng;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HypervolumeTest {

    private static final double TOLERANCE = 1e-9;

    @Test
    void handComputedValues() {
        assertEquals(3.0, Hypervolume.of(List.of(new double[] {1, 2}, new double[] {2, 1}), new double[] {0, 0}));
        // Two boxes of 4 and 6 that share a box of 2.
        assertEquals(8.0, Hypervolume.of(List.of(new double[] {1, 3}, new double[] {2, 2}), new double[] {-1, 0}));
        // Three boxes of 2 overlapping pairwise and all together in the unit cube: 3*2 - 3*1 + 1.
        List<double[]> three = List.of(new double[] {2, 1, 1}, new double[] {1, 2, 1}, new double[] {1, 1, 2});
        assertEquals(4.0, Hypervolume.of(three, new double[] {0, 0, 0}));
        // The same in four objectives: 4*2 - 6*1 + 4*1 - 1.
        List<double[]> four = List.of(new double[] {2, 1, 1, 1}, new double[] {1, 2, 1, 1},
                new double[] {1, 1, 2, 1}, new double[] {1, 1, 1, 2});
        assertEquals(5.0, Hypervolume.of(four, new double[] {0, 0, 0, 0}));
        assertEquals(4.5, Hypervolume.of(List.of(new double[] {3}, new double[] {5.5}), new double[] {1}));
        assertEquals(0.0, Hypervolume.of(List.of(), new double[] {0, 0}));
        assertEquals(0.0, Hypervolume.of(List.of(new double[] {0, 7}), new double[] {0, 0}), "on the reference's edge");
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 3, 4, 5, 6, 7, 8, 9})
    void agreesWithInclusionExclusionOnRandomPoints(int objectives) {
        Rng rng = new Rng(objectives);
        double[] reference = new double[objectives];
        for (int trial = 0; trial < 20; trial++) {
            List<double[]> points = trial % 2 == 0
                    ? sphereFront(rng, 1 + rng.nextInt(9), objectives)
                    : integerPoints(rng, 1 + rng.nextInt(9), objectives, 3);
            double expected = inclusionExclusion(points, reference);
            assertEquals(expected, Hypervolume.of(points, reference), TOLERANCE * Math.max(1, expected),
                    "trial " + trial);
            assertEquals(expected, Wfg.hypervolume(Dominance.nonDominated(points), reference),
                    TOLERANCE * Math.max(1, expected), "WFG, trial " + trial);
        }
    }

    @Test
    void wfgAgreesWithTheThreeObjectiveSweepOnLargeFronts() {
        Rng rng = new Rng(3);
        double[] reference = {-0.5, -1, 0};
        for (int trial = 0; trial < 10; trial++) {
            List<double[]> points = trial % 2 == 0 ? sphereFront(rng, 150, 3) : integerPoints(rng, 150, 3, 12);
            List<double[]> front = Dominance.nonDominated(points);
            double sweep = Hypervolume3d.sweep(front, reference);
            assertEquals(sweep, Wfg.hypervolume(front, reference), TOLERANCE * sweep, "trial " + trial);
            assertEquals(sweep, Hypervolume.of(points, reference), TOLERANCE * sweep, "trial " + trial);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 3, 4, 5})
    void countsUnitCellsExactlyOnIntegerPoints(int objectives) {
        // With integer coordinates in [0, 4] the hypervolume is the number of unit cells whose
        // upper corner some point weakly dominates: an oracle independent of every algorithm here.
        Rng rng = new Rng(100 + objectives);
        double[] reference = new double[objectives];
        for (int trial = 0; trial < 5; trial++) {
            List<double[]> points = integerPoints(rng, 25, objectives, 4);
            assertEquals(dominatedCells(points, objectives, 4), Hypervolume.of(points, reference), "trial " + trial);
        }
    }

    @Test
    void orderRepeatsAndDominatedPointsChangeNothing() {
        Rng rng = new Rng(11);
        for (int objectives = 2; objectives <= 5; objectives++) {
            double[] reference = new double[objectives];
            Arrays.fill(reference, -0.25);
            List<double[]> front = sphereFront(rng, 12, objectives);
            double expected = Hypervolume.of(front, reference);
            List<double[]> noisy = new ArrayList<>(front);
            noisy.addAll(front);
            for (double[] p : front) {
                double[] worse = p.clone();
                worse[rng.nextInt(objectives)] -= 0.1;
                noisy.add(worse);
            }
            List<double[]> shuffled = new ArrayList<>();
            for (int i : rng.permutation(noisy.size())) {
                shuffled.add(noisy.get(i));
            }
            assertEquals(expected, Hypervolume.of(shuffled, reference), TOLERANCE, objectives + " objectives");
        }
    }

    @Test
    void rejectsAReferencePointThatAPointDoesNotDominate() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Hypervolume.of(
                List.of(new double[] {1, 1}, new double[] {2, -30}), new double[] {0, -25}));
        assertTrue(e.getMessage().contains("front point 1 [2.0, -30.0] is worse than the reference point"),
                e.getMessage());
    }

    @Test
    void rejectsMismatchedDimensionsAndNonFiniteValues() {
        IllegalArgumentException dims = assertThrows(IllegalArgumentException.class,
                () -> Hypervolume.of(List.of(new double[] {1, 1, 1}), new double[] {0, 0}));
        assertTrue(dims.getMessage().contains("front point 0 must have 2 objectives"), dims.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Hypervolume.of(List.of(), new double[0]));
        assertThrows(IllegalArgumentException.class,
                () -> Hypervolume.of(List.of(new double[] {1, 1}), new double[] {0, Double.NEGATIVE_INFINITY}));
        assertThrows(IllegalArgumentException.class,
                () -> Hypervolume.of(List.of(new double[] {1, Double.NaN}), new double[] {0, 0}));
    }

    /** Points on the positive part of the unit sphere: no two of them dominate each other. */
    static List<double[]> sphereFront(Rng rng, int count, int objectives) {
        List<double[]> points = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            double[] p = new double[objectives];
            double norm = 0;
            for (int k = 0; k < objectives; k++) {
                p[k] = Math.abs(rng.nextGaussian());
                norm += p[k] * p[k];
            }
            for (int k = 0; k < objectives; k++) {
                p[k] /= Math.sqrt(norm);
            }
            points.add(p);
        }
        return points;
    }

    /** Points with coordinates in {@code 0..max}: many ties, repeats and dominated points. */
    static List<double[]> integerPoints(Rng rng, int count, int objectives, int max) {
        List<double[]> points = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            double[] p = new double[objectives];
            for (int k = 0; k < objectives; k++) {
                p[k] = rng.nextInt(max + 1);
            }
            points.add(p);
        }
        return points;
    }

    /** The union of boxes by inclusion-exclusion over all non-empty subsets of points. */
    static double inclusionExclusion(List<double[]> points, double[] reference) {
        double total = 0;
        for (int subset = 1; subset < 1 << points.size(); subset++) {
            double[] corner = null;
            for (int i = 0; i < points.size(); i++) {
                if ((subset & 1 << i) != 0) {
                    double[] p = points.get(i);
                    corner = corner == null ? p.clone() : min(corner, p);
                }
            }
            double box = 1;
            for (int k = 0; k < reference.length; k++) {
                box *= corner[k] - reference[k];
            }
            total += Integer.bitCount(subset) % 2 == 1 ? box : -box;
        }
        return total;
    }

    private static double[] min(double[] a, double[] b) {
        for (int k = 0; k < a.length; k++) {
            a[k] = Math.min(a[k], b[k]);
        }
        return a;
    }

    private static double dominatedCells(List<double[]> points, int objectives, int max) {
        int[] cell = new int[objectives];
        int count = 0;
        int cells = (int) Math.pow(max, objectives);
        for (int index = 0; index < cells; index++) {
            int rest = index;
            for (int k = 0; k < objectives; k++) {
                cell[k] = rest % max;
                rest /= max;
            }
            for (double[] p : points) {
                boolean covers = true;
                for (int k = 0; k < objectives; k++) {
                    covers &= p[k] >= cell[k] + 1;
                }
                if (covers) {
                    count++;
                    break;
                }
            }
        }
        return count;
    }
}

package io.github.jrl.algorithms.offline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.jrl.core.random.Rng;
import org.junit.jupiter.api.Test;

/** The k-d tree gives exactly the brute-force nearest neighbour, ties included. */
class KdTreeTest {

    private static int bruteForce(float[] points, int count, int dim, float[] query, int offset) {
        int best = -1;
        double bestDistance = Double.POSITIVE_INFINITY;
        for (int i = 0; i < count; i++) {
            double sum = 0;
            for (int d = 0; d < dim; d++) {
                double diff = (double) query[offset + d] - points[i * dim + d];
                sum += diff * diff;
            }
            if (sum < bestDistance) {
                bestDistance = sum;
                best = i;
            }
        }
        return best;
    }

    private static float[] gaussian(Rng rng, int n, double scale) {
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) (scale * rng.nextGaussian());
        }
        return x;
    }

    @Test
    void matchesBruteForceOnRandomPointsOfSeveralDimensions() {
        Rng rng = new Rng(42);
        for (int dim : new int[] {1, 2, 4, 7}) {
            int count = 3000;
            float[] points = gaussian(rng, count * dim, 1);
            KdTree tree = new KdTree(points, count, dim);
            float[] queries = gaussian(rng, 500 * dim, 1.5);
            for (int q = 0; q < 500; q++) {
                assertEquals(bruteForce(points, count, dim, queries, q * dim), tree.nearest(queries, q * dim),
                        "dim " + dim + " query " + q);
            }
        }
    }

    /** Points on a coarse grid with duplicates: many equal distances, the lowest index wins as in a scan. */
    @Test
    void tiesGoToTheLowestIndexAsInAScan() {
        Rng rng = new Rng(7);
        int count = 2000;
        int dim = 3;
        float[] points = new float[count * dim];
        for (int j = 0; j < points.length; j++) {
            points[j] = rng.nextInt(5);
        }
        KdTree tree = new KdTree(points, count, dim);
        float[] queries = new float[300 * dim];
        for (int j = 0; j < queries.length; j++) {
            queries[j] = rng.nextInt(11) * 0.5f - 0.5f;
        }
        for (int q = 0; q < 300; q++) {
            assertEquals(bruteForce(points, count, dim, queries, q * dim), tree.nearest(queries, q * dim), "query " + q);
        }
    }

    @Test
    void aSinglePointAndAnExactHit() {
        KdTree one = new KdTree(new float[] {1, 2}, 1, 2);
        assertEquals(0, one.nearest(new float[] {-5, 9}, 0));
        float[] line = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12};
        KdTree tree = new KdTree(line, line.length, 1);
        assertEquals(7, tree.nearest(new float[] {7}, 0));
        assertEquals(3, tree.nearest(new float[] {3.4f}, 0));
        assertEquals(0.16, tree.squaredDistance(3, new float[] {3.4f}, 0), 1e-6);
    }

    @Test
    void refusesBadInput() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new KdTree(new float[] {0, Float.NaN}, 2, 1));
        assertTrue(e.getMessage().contains("point 1"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new KdTree(new float[3], 2, 2));
        assertThrows(IllegalArgumentException.class, () -> new KdTree(new float[0], 0, 2));
        KdTree tree = new KdTree(new float[] {0, 1}, 2, 1);
        assertThrows(IllegalArgumentException.class, () -> tree.nearest(new float[] {Float.POSITIVE_INFINITY}, 0));
    }
}

package io.github.jrl.core.multiobjective;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The crowding distance of Deb, Pratap, Agarwal and Meyarivan ("A Fast and Elitist Multiobjective
 * Genetic Algorithm: NSGA-II", IEEE TEC 6(2), 2002): per objective, sort the points; the two
 * extremes get infinity, every other point adds the gap between its two neighbours divided by
 * the objective's range. Large means the front is sparse around the point; C-MORL picks the
 * policies it extends by it.
 */
public final class CrowdingDistance {

    private CrowdingDistance() {
    }

    /**
     * The crowding distance of every point, in their order. An objective whose values are all
     * equal adds nothing; fronts of one or two points are all extremes (infinite). Ties in an
     * objective are ordered by position in the list, so equal inputs give equal outputs.
     *
     * @throws IllegalArgumentException if the points are empty, non-finite or differ in dimension
     */
    public static double[] of(List<double[]> points) {
        int objectives = Points.dimension(points, "front");
        int n = points.size();
        double[] distance = new double[n];
        if (n <= 2) {
            Arrays.fill(distance, Double.POSITIVE_INFINITY);
            return distance;
        }
        Integer[] order = new Integer[n];
        for (int j = 0; j < objectives; j++) {
            final int objective = j;
            for (int i = 0; i < n; i++) {
                order[i] = i;
            }
            Arrays.sort(order, Comparator.comparingDouble((Integer i) -> points.get(i)[objective])
                    .thenComparingInt(i -> i));
            double range = points.get(order[n - 1])[j] - points.get(order[0])[j];
            if (range == 0) {
                continue;
            }
            distance[order[0]] = Double.POSITIVE_INFINITY;
            distance[order[n - 1]] = Double.POSITIVE_INFINITY;
            for (int k = 1; k < n - 1; k++) {
                distance[order[k]] += (points.get(order[k + 1])[j] - points.get(order[k - 1])[j]) / range;
            }
        }
        return distance;
    }
}

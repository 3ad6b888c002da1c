package io.github.jrl.algorithms.multiobjective;

import io.github.jrl.core.multiobjective.Dominance;
import io.github.jrl.core.multiobjective.FrontMetrics;
import io.github.jrl.core.multiobjective.Hypervolume;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A set of evaluated points, the front they make and its metrics (definitions in
 * docs/multiobjective.md): hypervolume against {@code reference}, sparsity (PGMORL's, over the
 * non-dominated points), expected utility (linear, over {@code utilityWeights}) and, where a known
 * front is given, the inverted generational distance to it and how many of its points were found.
 *
 * @param points every evaluated point, in evaluation order
 * @param front the non-dominated points ({@link Dominance#nonDominated})
 * @param outsideReference front points that do not weakly dominate the reference, left out of the
 *     hypervolume as pymoo leaves them out (0 when the reference is well chosen)
 * @param igd NaN without a known front
 * @param knownPointsFound known-front points matched by a front point within {@link #MATCH_TOLERANCE}
 *     in every objective; 0 without a known front
 */
public record FrontReport(List<double[]> points, List<double[]> front, double[] reference, double hypervolume,
        double sparsity, double expectedUtility, int outsideReference, List<double[]> knownFront, double igd,
        int knownPointsFound) {

    /**
     * How close a point must come to a known one to count as finding it: deep-sea-treasure pays
     * in float32 (0.7 arrives as 0.699999988), so exact equality would miss points.
     */
    public static final double MATCH_TOLERANCE = 1e-4;

    /**
     * @param knownFront the true front, or an empty list where none is known
     * @throws IllegalArgumentException if the points are empty or differ in dimension from each
     *         other, the reference, the weights or the known front
     */
    public static FrontReport of(List<double[]> points, double[] reference, List<double[]> utilityWeights,
            List<double[]> knownFront) {
        List<double[]> front = Dominance.nonDominated(points);
        if (reference.length != front.get(0).length) {
            throw new IllegalArgumentException("reference point " + Arrays.toString(reference) + " has "
                    + reference.length + " objectives, the points " + front.get(0).length);
        }
        List<double[]> inside = new ArrayList<>();
        for (double[] p : front) {
            if (Dominance.weaklyDominates(p, reference)) {
                inside.add(p);
            }
        }
        double hypervolume = inside.isEmpty() ? 0 : Hypervolume.of(inside, reference);
        double igd = knownFront.isEmpty() ? Double.NaN : FrontMetrics.invertedGenerationalDistance(front, knownFront);
        int found = 0;
        for (double[] known : knownFront) {
            if (front.stream().anyMatch(p -> matches(p, known))) {
                found++;
            }
        }
        return new FrontReport(List.copyOf(points), front, reference.clone(), hypervolume,
                FrontMetrics.sparsity(front), FrontMetrics.expectedUtility(front, utilityWeights),
                front.size() - inside.size(), List.copyOf(knownFront), igd, found);
    }

    private static boolean matches(double[] p, double[] known) {
        for (int j = 0; j < known.length; j++) {
            if (Math.abs(p[j] - known[j]) > MATCH_TOLERANCE) {
                return false;
            }
        }
        return true;
    }
}

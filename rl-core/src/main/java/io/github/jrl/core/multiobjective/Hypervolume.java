package io.github.jrl.core.multiobjective;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The hypervolume indicator (Zitzler and Thiele, "Multiobjective Optimization Using Evolutionary
 * Algorithms — A Comparative Case Study", PPSN 1998): the Lebesgue measure of the region that the
 * points dominate and that dominates a reference point,
 * {@code HV(P, r) = vol( union over p in P of [r_1, p_1] x ... x [r_d, p_d] )}.
 *
 * <p>Exact in every dimension. Two objectives take an {@code O(n log n)} sweep, three the
 * {@code O(n log n)} dimension sweep of Beume, Fonseca, López-Ibáñez, Paquete and Vahrenhold
 * ("On the Complexity of Computing the Hypervolume Indicator", IEEE TEC 13(5), 2009), and four or
 * more the WFG algorithm of While, Bradstreet and Barone ("A Fast Way of Calculating Exact
 * Hypervolumes", IEEE TEC 16(1), 2012), tested up to nine objectives.
 *
 * <p>Every point must weakly dominate the reference point. pymoo (behind morl-baselines'
 * {@code hypervolume}) silently ignores points that do not; here such a point is an error, so
 * that a badly chosen reference point cannot go unnoticed: a caller who means to ignore them
 * filters them out first and says so.
 */
public final class Hypervolume {

    private Hypervolume() {
    }

    /**
     * The hypervolume of {@code points} with respect to {@code reference}; 0 for no points.
     * Dominated and repeated points are allowed and add nothing.
     *
     * @throws IllegalArgumentException if the reference point has no or non-finite components, a
     *     point's dimension differs from it, or a point is worse than it in some objective
     */
    public static double of(List<double[]> points, double[] reference) {
        if (reference == null || reference.length == 0) {
            throw new IllegalArgumentException("the reference point must have at least one objective, got "
                    + Arrays.toString(reference));
        }
        Points.requireVector(reference, reference.length, "reference point");
        Points.requireDimension(points, reference.length, "front");
        for (int i = 0; i < points.size(); i++) {
            if (!Dominance.weaklyDominates(points.get(i), reference)) {
                throw new IllegalArgumentException("front point " + i + " " + Arrays.toString(points.get(i))
                        + " is worse than the reference point " + Arrays.toString(reference)
                        + " in some objective; the reference point must be weakly dominated by every point");
            }
        }
        // The sweeps skip dominated points as they go; WFG wants them gone first, which is
        // quadratic and would dominate the sweeps' n log n.
        return switch (reference.length) {
            case 1 -> points.stream().mapToDouble(p -> p[0] - reference[0]).max().orElse(0);
            case 2 -> sweep2d(points, reference);
            case 3 -> Hypervolume3d.sweep(points, reference);
            default -> Wfg.hypervolume(Dominance.nonDominated(points, reference.length), reference);
        };
    }

    /**
     * The area dominated by the first two components of {@code points}: taken in decreasing first
     * component, each point adds the rectangle between the reference's first component, its own,
     * and the band of the second component that no earlier point covered.
     */
    static double sweep2d(List<double[]> points, double[] reference) {
        List<double[]> sorted = new ArrayList<>(points);
        sorted.sort(Comparator.comparingDouble((double[] p) -> p[0]).reversed());
        double area = 0;
        double coveredUpTo = reference[1];
        for (double[] p : sorted) {
            if (p[1] > coveredUpTo) {
                area += (p[0] - reference[0]) * (p[1] - coveredUpTo);
                coveredUpTo = p[1];
            }
        }
        return area;
    }
}

package io.github.jrl.core.multiobjective;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Pareto dominance between vectors whose every component is maximised, and the non-dominated
 * subset of a set of vectors (its Pareto front).
 */
public final class Dominance {

    private Dominance() {
    }

    /**
     * Whether {@code a} Pareto-dominates {@code b}: {@code a[i] >= b[i]} for every {@code i} and
     * {@code a[i] > b[i]} for at least one.
     */
    public static boolean dominates(double[] a, double[] b) {
        return dominates(a, b, sameLength(a, b));
    }

    /** Whether {@code a[i] >= b[i]} for every {@code i} (equal vectors weakly dominate each other). */
    public static boolean weaklyDominates(double[] a, double[] b) {
        return weaklyDominates(a, b, sameLength(a, b));
    }

    /**
     * The points no other point dominates, in their original order, each distinct vector once
     * (the first of equal ones is kept, as morl-baselines' {@code ParetoArchive} keeps it).
     * The arrays are the caller's, not copies. Quadratic in the number of points.
     *
     * @throws IllegalArgumentException if the points differ in dimension or a value is not finite
     */
    public static List<double[]> nonDominated(List<double[]> points) {
        if (points.isEmpty()) {
            return List.of();
        }
        return nonDominated(points, Points.dimension(points, "candidate"));
    }

    /** {@link #nonDominated(List)} on the first {@code objectives} components only, unchecked. */
    static List<double[]> nonDominated(List<double[]> points, int objectives) {
        List<double[]> kept = new ArrayList<>();
        for (int i = 0; i < points.size(); i++) {
            if (!weaklyDominatedByAnother(points, i, objectives)) {
                kept.add(points.get(i));
            }
        }
        return kept;
    }

    /** Whether another point dominates point {@code i}, or an equal point comes before it. */
    private static boolean weaklyDominatedByAnother(List<double[]> points, int i, int objectives) {
        double[] x = points.get(i);
        for (int j = 0; j < points.size(); j++) {
            if (j != i && weaklyDominates(points.get(j), x, objectives)
                    && (j < i || !weaklyDominates(x, points.get(j), objectives))) {
                return true;
            }
        }
        return false;
    }

    static boolean dominates(double[] a, double[] b, int objectives) {
        boolean better = false;
        for (int k = 0; k < objectives; k++) {
            if (a[k] < b[k]) {
                return false;
            }
            better |= a[k] > b[k];
        }
        return better;
    }

    static boolean weaklyDominates(double[] a, double[] b, int objectives) {
        for (int k = 0; k < objectives; k++) {
            if (a[k] < b[k]) {
                return false;
            }
        }
        return true;
    }

    private static int sameLength(double[] a, double[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("cannot compare vectors of " + a.length + " and " + b.length
                    + " objectives: " + Arrays.toString(a) + " and " + Arrays.toString(b));
        }
        return a.length;
    }
}

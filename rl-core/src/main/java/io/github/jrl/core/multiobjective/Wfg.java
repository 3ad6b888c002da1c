package io.github.jrl.core.multiobjective;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Hypervolume in any number of objectives: the WFG algorithm of While, Bradstreet and Barone,
 * "A Fast Way of Calculating Exact Hypervolumes" (IEEE TEC 16(1), 2012), in the form of their
 * reference code {@code wfg.c}, which slices the last objective.
 *
 * <p>With the points sorted by decreasing last component {@code z_1 >= ... >= z_n}, the volume is
 * {@code sum_i (z_i - r_d) * exclhv(p_i, {p_1..p_{i-1}})}, where the exclusive hypervolume in the
 * first {@code d - 1} objectives is
 * {@code exclhv(p, S) = inclhv(p) - HV(nds(limitset(p, S)))}, {@code inclhv(p)} is the volume of
 * {@code p}'s own box and {@code limitset(p, S) = { min(p, q) : q in S }} (componentwise: the
 * part of each box inside {@code p}'s). The recursion ends at two objectives with the sweep of
 * {@link Hypervolume#sweep2d}. WFG's speed comes from the limit sets being small once their
 * dominated points are dropped ({@code nds}).
 */
final class Wfg {

    private Wfg() {
    }

    /** The hypervolume of mutually non-dominated {@code points} in all objectives of {@code reference}. */
    static double hypervolume(List<double[]> points, double[] reference) {
        return volume(points, reference.length, reference);
    }

    /** The hypervolume of mutually non-dominated points in their first {@code d} objectives. */
    private static double volume(List<double[]> points, int d, double[] reference) {
        if (points.isEmpty()) {
            return 0;
        }
        if (points.size() == 1) {
            return boxVolume(points.get(0), d, reference);
        }
        if (d == 2) {
            return Hypervolume.sweep2d(points, reference);
        }
        List<double[]> sorted = new ArrayList<>(points);
        sorted.sort(Comparator.comparingDouble((double[] p) -> p[d - 1]).reversed());
        double volume = 0;
        for (int i = 0; i < sorted.size(); i++) {
            double slab = sorted.get(i)[d - 1] - reference[d - 1];
            if (slab > 0) {
                volume += slab * exclusiveVolume(sorted, i, d - 1, reference);
            }
        }
        return volume;
    }

    /** The volume in the first {@code d} objectives that point {@code i} adds to points {@code 0..i-1}. */
    private static double exclusiveVolume(List<double[]> sorted, int i, int d, double[] reference) {
        double[] p = sorted.get(i);
        List<double[]> limitSet = new ArrayList<>(i);
        for (int j = 0; j < i; j++) {
            double[] q = sorted.get(j);
            double[] limited = new double[d];
            for (int k = 0; k < d; k++) {
                limited[k] = Math.min(p[k], q[k]);
            }
            limitSet.add(limited);
        }
        return boxVolume(p, d, reference) - volume(Dominance.nonDominated(limitSet, d), d, reference);
    }

    private static double boxVolume(double[] p, int d, double[] reference) {
        double v = 1;
        for (int k = 0; k < d; k++) {
            v *= p[k] - reference[k];
        }
        return v;
    }
}

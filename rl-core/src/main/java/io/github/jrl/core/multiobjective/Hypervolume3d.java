package io.github.jrl.core.multiobjective;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Three-objective hypervolume in {@code O(n log n)}: the dimension sweep of Beume, Fonseca,
 * López-Ibáñez, Paquete and Vahrenhold, "On the Complexity of Computing the Hypervolume
 * Indicator" (IEEE TEC 13(5), 2009). Points are taken in decreasing third component; the
 * two-dimensional front of the points seen so far is kept as a staircase in a balanced tree
 * together with its area, which each insertion updates by the area the new point adds. Between
 * consecutive third components the volume grows by that area times the gap.
 */
final class Hypervolume3d {

    private Hypervolume3d() {
    }

    static double sweep(List<double[]> points, double[] reference) {
        List<double[]> sorted = new ArrayList<>(points);
        sorted.sort(Comparator.comparingDouble((double[] p) -> p[2]).reversed());
        // The staircase: first component -> second component. With increasing keys the values
        // decrease, because no entry dominates another in the first two components.
        TreeMap<Double, Double> staircase = new TreeMap<>();
        double area = 0;
        double volume = 0;
        for (int i = 0; i < sorted.size(); i++) {
            double[] p = sorted.get(i);
            area += insert(staircase, p[0], p[1], reference);
            double nextLevel = i + 1 < sorted.size() ? sorted.get(i + 1)[2] : reference[2];
            volume += area * (p[2] - nextLevel);
        }
        return volume;
    }

    /** Adds {@code (x, y)} to the staircase, evicting the entries it dominates; returns the area it adds. */
    private static double insert(TreeMap<Double, Double> staircase, double x, double y, double[] reference) {
        Map.Entry<Double, Double> atOrRight = staircase.ceilingEntry(x);
        if (atOrRight != null && atOrRight.getValue() >= y) {
            return 0;
        }
        // The new area lies left of x and below y. Walking left from x, vertical strips end at each
        // dominated entry; a strip is already covered up to the height of the entry on its right
        // (the reference's second component right of the staircase).
        Map.Entry<Double, Double> right = staircase.higherEntry(x);
        double coveredUpTo = right == null ? reference[1] : right.getValue();
        double stripRight = x;
        double added = 0;
        Map.Entry<Double, Double> left = staircase.floorEntry(x);
        while (left != null && left.getValue() <= y) {
            added += (stripRight - left.getKey()) * (y - coveredUpTo);
            stripRight = left.getKey();
            coveredUpTo = left.getValue();
            staircase.remove(left.getKey());
            left = staircase.lowerEntry(stripRight);
        }
        double stripLeft = left == null ? reference[0] : left.getKey();
        added += (stripRight - stripLeft) * (y - coveredUpTo);
        staircase.put(x, y);
        return added;
    }
}

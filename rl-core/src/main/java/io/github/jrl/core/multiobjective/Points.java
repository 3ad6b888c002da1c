package io.github.jrl.core.multiobjective;

import java.util.Arrays;
import java.util.List;

/** Validation shared by the metrics: every point non-null, finite and of the expected dimension. */
final class Points {

    private Points() {
    }

    /**
     * The common dimension of a non-empty list of points.
     *
     * @param what how the caller names the list in messages, e.g. "front"
     */
    static int dimension(List<double[]> points, String what) {
        if (points.isEmpty()) {
            throw new IllegalArgumentException("the " + what + " is empty; it needs at least one point");
        }
        double[] first = points.get(0);
        if (first == null || first.length == 0) {
            throw new IllegalArgumentException(what + " point 0 must have at least one objective, got "
                    + Arrays.toString(first));
        }
        requireDimension(points, first.length, what);
        return first.length;
    }

    /** Requires every point of {@code points} to have {@code dimension} finite components. */
    static void requireDimension(List<double[]> points, int dimension, String what) {
        for (int i = 0; i < points.size(); i++) {
            requireVector(points.get(i), dimension, what + " point " + i);
        }
    }

    /** Requires {@code vector} to have {@code dimension} finite components. */
    static void requireVector(double[] vector, int dimension, String what) {
        if (vector == null || vector.length != dimension) {
            throw new IllegalArgumentException(what + " must have " + dimension + " objectives, got "
                    + Arrays.toString(vector));
        }
        for (double v : vector) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException(what + " must be finite, got " + Arrays.toString(vector));
            }
        }
    }
}

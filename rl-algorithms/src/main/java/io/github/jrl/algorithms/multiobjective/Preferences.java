package io.github.jrl.algorithms.multiobjective;

import java.util.Arrays;

/** Checks shared by the classes that take preference (weight) vectors. */
final class Preferences {

    private Preferences() {
    }

    /** Raises unless {@code weights} are finite, non-negative and sum to 1 within 1e-6. */
    static void requireSimplex(double[] weights, String what) {
        double sum = 0;
        for (double w : weights) {
            if (!(w >= 0) || !Double.isFinite(w)) {
                throw new IllegalArgumentException(what + " must be finite and >= 0, got " + Arrays.toString(weights));
            }
            sum += w;
        }
        if (weights.length < 2 || Math.abs(sum - 1) > 1e-6) {
            throw new IllegalArgumentException(what + " must be at least 2 components summing to 1, got "
                    + Arrays.toString(weights) + " (sum " + sum + ")");
        }
    }
}

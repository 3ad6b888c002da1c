package io.github.jrl.algorithms.common;

/**
 * The range checks the algorithm configs share, each raising an exception that names the field,
 * the allowed range and the value found.
 */
public final class ConfigChecks {

    private ConfigChecks() {
    }

    public static void positive(String name, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be positive, got " + value);
        }
    }

    public static void unit(String name, double value) {
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException(name + " must be in [0, 1], got " + value);
        }
    }

    public static void nonNegative(String name, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " must be finite and >= 0, got " + value);
        }
    }
}

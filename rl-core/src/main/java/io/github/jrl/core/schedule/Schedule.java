package io.github.jrl.core.schedule;

/**
 * A hyperparameter as a function of training progress, Stable-Baselines3 style: the argument is
 * {@code progressRemaining}, going from 1 at the start of training to 0 at the end.
 */
@FunctionalInterface
public interface Schedule {

    double value(double progressRemaining);

    static Schedule constant(double value) {
        return new Constant(value);
    }

    /**
     * Linear decay from {@code initial} at the start to 0 at the end, as rl-baselines3-zoo's
     * {@code lin_<value>} (e.g. {@code lin_1e-3}).
     */
    static Schedule linear(double initial) {
        return new Linear(initial, 0);
    }

    /** Linear from {@code initial} (start) to {@code last} (end). */
    static Schedule linear(double initial, double last) {
        return new Linear(initial, last);
    }

    /**
     * Parses the rl-baselines3-zoo notation: a number for a constant, {@code lin_<number>} for a
     * linear decay to zero.
     */
    static Schedule parse(String text) {
        String t = text.strip();
        try {
            if (t.startsWith("lin_")) {
                return linear(Double.parseDouble(t.substring(4)));
            }
            return constant(Double.parseDouble(t));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("a schedule is a number or lin_<number>, got '" + text + "'", e);
        }
    }

    /** A constant value. */
    record Constant(double value) implements Schedule {
        public Constant {
            if (!Double.isFinite(value)) {
                throw new IllegalArgumentException("schedule value must be finite, got " + value);
            }
        }

        @Override
        public double value(double progressRemaining) {
            return value;
        }

        @Override
        public String toString() {
            return Double.toString(value);
        }
    }

    /** {@code last + (initial - last) * progressRemaining}. */
    record Linear(double initial, double last) implements Schedule {
        public Linear {
            if (!Double.isFinite(initial) || !Double.isFinite(last)) {
                throw new IllegalArgumentException("schedule values must be finite, got " + initial + " and " + last);
            }
        }

        @Override
        public double value(double progressRemaining) {
            return last + (initial - last) * progressRemaining;
        }

        @Override
        public String toString() {
            return last == 0 ? "lin_" + initial : "lin(" + initial + " -> " + last + ")";
        }
    }
}

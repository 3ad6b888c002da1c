package io.github.jrl.algorithms.multiobjective;

import java.util.Arrays;

/**
 * A constrained problem over a vector reward: maximise the return of {@code objective} subject to
 * the return of every other objective {@code i} staying at least {@code thresholds[i]} (NaN where
 * objective {@code i} is unconstrained, and always at {@code objective} itself). Returns are
 * undiscounted episode sums, as a cost limit is stated in safe RL. A cost {@code c <= d} is the
 * constraint {@code -c >= -d} on the reward {@code -c}.
 *
 * @param multiplierLearningRate step size of the Lagrange multipliers' projected gradient step;
 *     default 0.05, the penalty learning rate ({@code penalty_lr}) of Ray, Achiam and Amodei's
 *     safety-starter-agents ("Benchmarking Safe Exploration in Deep Reinforcement Learning", 2019)
 * @param initialMultiplier every multiplier's start; default 0 (an unconstrained start, as
 *     OmniSafe's near-zero {@code lagrangian_multiplier_init})
 * @param normalization how the per-objective advantages are normalised before they are combined
 */
public record ConstraintConfig(int objective, double[] thresholds, double multiplierLearningRate,
        double initialMultiplier, AdvantageNormalization normalization) {

    public static final double DEFAULT_MULTIPLIER_LEARNING_RATE = 0.05;

    public ConstraintConfig {
        if (thresholds.length < 2) {
            throw new IllegalArgumentException("a constrained problem needs at least 2 objectives, got thresholds "
                    + Arrays.toString(thresholds));
        }
        if (objective < 0 || objective >= thresholds.length) {
            throw new IllegalArgumentException("objective must be in [0, " + thresholds.length + "), got " + objective);
        }
        if (!Double.isNaN(thresholds[objective])) {
            throw new IllegalArgumentException("the maximised objective " + objective + " takes no threshold (NaN), got "
                    + thresholds[objective]);
        }
        for (double b : thresholds) {
            if (Double.isInfinite(b)) {
                throw new IllegalArgumentException("thresholds must be finite or NaN (unconstrained), got "
                        + Arrays.toString(thresholds));
            }
        }
        if (!(multiplierLearningRate > 0) || Double.isInfinite(multiplierLearningRate)) {
            throw new IllegalArgumentException("multiplierLearningRate must be > 0 and finite, got "
                    + multiplierLearningRate);
        }
        if (!(initialMultiplier >= 0) || Double.isInfinite(initialMultiplier)) {
            throw new IllegalArgumentException("initialMultiplier must be >= 0 and finite, got " + initialMultiplier);
        }
        if (normalization == null) {
            throw new IllegalArgumentException("normalization must be given");
        }
        thresholds = thresholds.clone();
    }

    /** Maximise {@code objective} subject to {@code thresholds}, with the default multiplier dynamics. */
    public static ConstraintConfig of(int objective, double[] thresholds, AdvantageNormalization normalization) {
        return new ConstraintConfig(objective, thresholds, DEFAULT_MULTIPLIER_LEARNING_RATE, 0.0, normalization);
    }

    @Override
    public double[] thresholds() {
        return thresholds.clone();
    }

    public int objectives() {
        return thresholds.length;
    }

    public ConstraintConfig withMultiplierLearningRate(double rate) {
        return new ConstraintConfig(objective, thresholds, rate, initialMultiplier, normalization);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ConstraintConfig c && objective == c.objective && Arrays.equals(thresholds, c.thresholds)
                && multiplierLearningRate == c.multiplierLearningRate && initialMultiplier == c.initialMultiplier
                && normalization == c.normalization;
    }

    @Override
    public int hashCode() {
        return 31 * (31 * objective + Arrays.hashCode(thresholds)) + normalization.hashCode();
    }

    @Override
    public String toString() {
        return "ConstraintConfig[maximise " + objective + ", thresholds " + Arrays.toString(thresholds)
                + ", multiplierLearningRate " + multiplierLearningRate + ", initialMultiplier " + initialMultiplier
                + ", " + normalization + "]";
    }
}

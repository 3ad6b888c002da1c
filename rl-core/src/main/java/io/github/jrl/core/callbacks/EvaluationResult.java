package io.github.jrl.core.callbacks;

import java.util.Arrays;

/**
 * The returns and lengths of the episodes of one {@link Evaluation}, with their mean and standard
 * deviation as Stable-Baselines3's {@code evaluate_policy} reports them.
 */
public record EvaluationResult(double[] returns, int[] lengths) {

    public EvaluationResult {
        if (returns.length == 0 || returns.length != lengths.length) {
            throw new IllegalArgumentException("need one length per return and at least one episode, got "
                    + returns.length + " returns and " + lengths.length + " lengths");
        }
        returns = returns.clone();
        lengths = lengths.clone();
    }

    /** A copy of the undiscounted return of each episode, in the order they ran. */
    @Override
    public double[] returns() {
        return returns.clone();
    }

    /** A copy of the length (steps) of each episode. */
    @Override
    public int[] lengths() {
        return lengths.clone();
    }

    public int episodes() {
        return returns.length;
    }

    public double mean() {
        return Arrays.stream(returns).average().orElseThrow();
    }

    /** Population standard deviation ({@code numpy.std}, as SB3's {@code evaluate_policy}). */
    public double std() {
        double mean = mean();
        double sum = 0;
        for (double r : returns) {
            sum += (r - mean) * (r - mean);
        }
        return Math.sqrt(sum / returns.length);
    }

    public double meanLength() {
        return Arrays.stream(lengths).average().orElseThrow();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EvaluationResult r && Arrays.equals(r.returns, returns) && Arrays.equals(r.lengths, lengths);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(returns) + Arrays.hashCode(lengths);
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "%.2f +- %.2f over %d episodes (mean length %.1f)", mean(), std(),
                episodes(), meanLength());
    }
}

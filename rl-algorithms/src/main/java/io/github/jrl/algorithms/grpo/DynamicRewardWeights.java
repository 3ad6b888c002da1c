package io.github.jrl.algorithms.grpo;

import java.util.Arrays;

/**
 * Reward weights that move during training toward the objectives that lag, after "Learning to
 * Optimize Multi-Objective Alignment Through Dynamic Reward Weighting" (Lu et al. 2025), whose
 * observation is that objectives saturate at different steps, so fixed weights keep pushing
 * objectives that are done. This is <em>not</em> either of that paper's two algorithms
 * (hypervolume-guided adaptation, gradient-based weight optimisation); it is a lightweight rule
 * in their spirit that needs no extra backward passes:
 *
 * <p>after each batch, with {@code m_k} the batch mean of reward {@code k}, {@code s_k} its
 * standard deviation and {@code m'_k} the previous batch's mean, the progress
 * {@code p_k = (m_k - m'_k) / (s_k + 1e-4)} (progress in units of the reward's noise, clamped to
 * [-3, 3]) updates
 * {@code w_k <- w_k exp(-rate p_k)} multiplicatively, and the weights are rescaled to the sum of
 * the initial ones: an objective that improves loses weight, one that stalls or regresses gains.
 */
public final class DynamicRewardWeights {

    private static final double MAX_PROGRESS = 3;

    private final double total;
    private final double rate;
    private final double[] weights;
    private double[] previousMeans;

    /**
     * @param initial starting weights, non-negative with a positive sum
     * @param rate step size of the multiplicative update; 0 keeps the weights fixed
     */
    public DynamicRewardWeights(double[] initial, double rate) {
        if (initial.length == 0 || Arrays.stream(initial).anyMatch(w -> !(w >= 0) || Double.isInfinite(w))
                || Arrays.stream(initial).sum() <= 0) {
            throw new IllegalArgumentException("initial weights must be finite, >= 0 and sum to > 0, got "
                    + Arrays.toString(initial));
        }
        if (!(rate >= 0) || Double.isInfinite(rate)) {
            throw new IllegalArgumentException("rate must be finite and >= 0, got " + rate);
        }
        this.weights = initial.clone();
        this.total = Arrays.stream(initial).sum();
        this.rate = rate;
    }

    /** The current weights (a copy). */
    public double[] weights() {
        return weights.clone();
    }

    /**
     * Updates the weights from a batch's per-reward means and standard deviations and returns the
     * new weights; the first batch only records its means.
     */
    public double[] update(double[] means, double[] stds) {
        if (means.length != weights.length || stds.length != weights.length) {
            throw new IllegalArgumentException("expected " + weights.length + " means and stds, got " + means.length
                    + " and " + stds.length);
        }
        if (previousMeans != null && rate > 0) {
            double sum = 0;
            for (int k = 0; k < weights.length; k++) {
                // clamped: a reward with no spread in the batch would otherwise make one step huge
                double progress = Math.max(-MAX_PROGRESS, Math.min(MAX_PROGRESS,
                        (means[k] - previousMeans[k]) / (stds[k] + GrpoLoss.STD_EPSILON)));
                weights[k] *= Math.exp(-rate * progress);
                sum += weights[k];
            }
            for (int k = 0; k < weights.length; k++) {
                weights[k] *= total / sum;
            }
        }
        previousMeans = means.clone();
        return weights();
    }
}

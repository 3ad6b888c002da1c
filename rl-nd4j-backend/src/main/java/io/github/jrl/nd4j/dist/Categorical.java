package io.github.jrl.nd4j.dist;

import io.github.jrl.core.random.Rng;

/**
 * Categorical distributions given by rows of logits ({@code n} actions per row), as pure functions
 * over float arrays. An optional action mask (Huang and Ontañón 2022, "A Closer Look at Invalid
 * Action Masking in Policy Gradient Algorithms") removes actions: their probability is 0 and they
 * take no part in the entropy.
 */
public final class Categorical {

    private Categorical() {
    }

    /**
     * Writes the log-probabilities of row {@code row} into {@code out[0..n)} and returns the
     * row's entropy. {@code mask} may be {@code null} (all allowed); masked actions get
     * {@code -infinity}.
     */
    public static double logSoftmax(float[] logits, int row, int n, boolean[] mask, double[] out) {
        int base = row * n;
        double max = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < n; k++) {
            if (allowed(mask, base, k)) {
                max = Math.max(max, logits[base + k]);
            }
        }
        if (max == Double.NEGATIVE_INFINITY) {
            throw new IllegalArgumentException("row " + row + " masks every action; at least one must be allowed");
        }
        if (!Double.isFinite(max)) {
            throw new ArithmeticException("logits of row " + row + " are not finite");
        }
        double sum = 0;
        for (int k = 0; k < n; k++) {
            if (allowed(mask, base, k)) {
                sum += Math.exp(logits[base + k] - max);
            }
        }
        double logSum = max + Math.log(sum);
        double entropy = 0;
        for (int k = 0; k < n; k++) {
            if (allowed(mask, base, k)) {
                out[k] = logits[base + k] - logSum;
                entropy -= Math.exp(out[k]) * out[k];
            } else {
                out[k] = Double.NEGATIVE_INFINITY;
            }
        }
        return entropy;
    }

    private static boolean allowed(boolean[] mask, int base, int k) {
        return mask == null || mask[base + k];
    }

    /** Draws an action from log-probabilities {@code logProbs[0..n)} (inverse CDF). */
    public static int sample(double[] logProbs, int n, Rng rng) {
        double u = rng.nextDouble();
        double cumulative = 0;
        int lastAllowed = -1;
        for (int k = 0; k < n; k++) {
            if (logProbs[k] == Double.NEGATIVE_INFINITY) {
                continue;
            }
            lastAllowed = k;
            cumulative += Math.exp(logProbs[k]);
            if (u < cumulative) {
                return k;
            }
        }
        return lastAllowed; // u fell in the rounding gap above the cumulative sum
    }

    /** The most probable action (ties: the lowest index, as {@code argmax}). */
    public static int mode(double[] logProbs, int n) {
        int best = 0;
        for (int k = 1; k < n; k++) {
            if (logProbs[k] > logProbs[best]) {
                best = k;
            }
        }
        return best;
    }

    /** KL(p || q) between two rows of log-probabilities. */
    public static double kl(double[] logP, double[] logQ, int n) {
        double kl = 0;
        for (int k = 0; k < n; k++) {
            if (logP[k] != Double.NEGATIVE_INFINITY) {
                kl += Math.exp(logP[k]) * (logP[k] - logQ[k]);
            }
        }
        return kl;
    }
}

package io.github.jrl.nd4j.dist;

import io.github.jrl.core.random.Rng;

/**
 * Diagonal Gaussians with a mean per row and one log standard deviation per dimension shared by
 * all rows (the state-independent log-std of the PPO references), as pure functions.
 */
public final class DiagGaussian {

    private static final double LOG_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);

    private DiagGaussian() {
    }

    /** log N(action | mean, exp(logStd)^2) summed over the {@code d} dimensions of row {@code row}. */
    public static double logProb(float[] means, float[] actions, int row, float[] logStd, int d) {
        double logp = 0;
        int base = row * d;
        for (int k = 0; k < d; k++) {
            double std = Math.exp(logStd[k]);
            double z = (actions[base + k] - means[base + k]) / std;
            logp += -0.5 * z * z - logStd[k] - LOG_SQRT_2PI;
        }
        return logp;
    }

    /** Entropy of one row (the same for every row): sum of {@code logStd + 0.5 * log(2 pi e)}. */
    public static double entropy(float[] logStd, int d) {
        double h = 0;
        for (int k = 0; k < d; k++) {
            h += logStd[k] + 0.5 + LOG_SQRT_2PI;
        }
        return h;
    }

    /** Draws row {@code row} into {@code out[row * d ..]}: {@code mean + std * N(0, 1)}. */
    public static void sample(float[] means, int row, float[] logStd, int d, Rng rng, float[] out) {
        int base = row * d;
        for (int k = 0; k < d; k++) {
            out[base + k] = (float) (means[base + k] + Math.exp(logStd[k]) * rng.nextGaussian());
        }
    }

    /** KL(p || q) of two diagonal Gaussians, for one row. */
    public static double kl(float[] meanP, float[] logStdP, float[] meanQ, float[] logStdQ, int row, int d) {
        double kl = 0;
        int base = row * d;
        for (int k = 0; k < d; k++) {
            double varP = Math.exp(2 * logStdP[k]);
            double varQ = Math.exp(2 * logStdQ[k]);
            double diff = meanP[base + k] - meanQ[base + k];
            kl += logStdQ[k] - logStdP[k] + (varP + diff * diff) / (2 * varQ) - 0.5;
        }
        return kl;
    }
}

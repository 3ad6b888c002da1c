package io.github.jrl.nd4j.dist;

import io.github.jrl.core.random.Rng;

/**
 * The tanh-squashed diagonal Gaussian of SAC (Haarnoja et al. 2018, "Soft Actor-Critic
 * Algorithms and Applications", appendix C): {@code a = tanh(u)}, {@code u ~ N(mean, std^2)}, with
 * the change-of-variables correction {@code log p(a) = log N(u) - sum log(1 - tanh(u)^2 + eps)};
 * eps = 1e-6 as Stable-Baselines3 and CleanRL use. Per-row log-stds (state-dependent, as SAC's
 * actor outputs them).
 */
public final class TanhGaussian {

    public static final double EPSILON = 1e-6;
    private static final double LOG_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);

    private TanhGaussian() {
    }

    /**
     * Samples row {@code row}: writes the pre-squash {@code u} and the action {@code tanh(u)},
     * and returns {@code log p(action)}.
     */
    public static double sample(float[] means, float[] logStds, int row, int d, Rng rng, float[] u, float[] actions) {
        int base = row * d;
        double logp = 0;
        for (int k = 0; k < d; k++) {
            double std = Math.exp(logStds[base + k]);
            double noise = rng.nextGaussian();
            double pre = means[base + k] + std * noise;
            double a = Math.tanh(pre);
            u[base + k] = (float) pre;
            actions[base + k] = (float) a;
            logp += -0.5 * noise * noise - logStds[base + k] - LOG_SQRT_2PI - Math.log(1 - a * a + EPSILON);
        }
        return logp;
    }

    /** The deterministic action: {@code tanh(mean)}. */
    public static void mode(float[] means, int row, int d, float[] actions) {
        int base = row * d;
        for (int k = 0; k < d; k++) {
            actions[base + k] = (float) Math.tanh(means[base + k]);
        }
    }
}

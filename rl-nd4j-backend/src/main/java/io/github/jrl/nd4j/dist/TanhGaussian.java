package io.github.jrl.nd4j.dist;

import io.github.jrl.core.random.Rng;

/**
 * The tanh-squashed diagonal Gaussian of SAC (Haarnoja et al. 2018, "Soft Actor-Critic
 * Algorithms and Applications", appendix C) with a state-dependent standard deviation, as pure
 * functions over an actor's output rows. Row {@code r} of {@code outputs} holds {@code 2d}
 * floats: the means {@code [r*2d, r*2d + d)}, then the raw log-stds {@code [r*2d + d, r*2d + 2d)}.
 *
 * <p>{@code a = tanh(u)}, {@code u = mean + std * noise}, {@code noise ~ N(0, I)}, with the
 * change-of-variables correction {@code log p(a) = log N(u) - sum log(1 - a^2 + eps)}, eps = 1e-6,
 * and log-stds clamped to [{@value #LOG_STD_MIN}, {@value #LOG_STD_MAX}], all as
 * Stable-Baselines3's {@code SquashedDiagGaussianDistribution} and {@code Actor} do. Actions
 * are in (-1, 1); rescaling to an environment's bounds is the caller's.
 */
public final class TanhGaussian {

    /** Added inside the log of the tanh correction, as SB3 and CleanRL do. */
    public static final double EPSILON = 1e-6;
    /** SB3's {@code LOG_STD_MIN} (CleanRL squashes into [-5, 2] instead). */
    public static final double LOG_STD_MIN = -20;
    /** SB3's and CleanRL's {@code LOG_STD_MAX}. */
    public static final double LOG_STD_MAX = 2;
    private static final double LOG_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);

    private TanhGaussian() {
    }

    /** The log-std in effect for a raw network output. */
    public static double logStd(float raw) {
        return Math.max(LOG_STD_MIN, Math.min(LOG_STD_MAX, raw));
    }

    /**
     * Samples row {@code row} with fresh standard-normal noise from {@code rng}: writes the noise
     * into {@code noise[row*d..]}, the action into {@code actions[row*d..]} and returns its
     * log-probability.
     */
    public static double sample(float[] outputs, int row, int d, Rng rng, float[] noise, float[] actions) {
        for (int k = 0; k < d; k++) {
            noise[row * d + k] = (float) rng.nextGaussian();
        }
        return squash(outputs, row, d, noise, actions);
    }

    /**
     * The action of row {@code row} for the given standard-normal {@code noise[row*d..]} (which a
     * caller may draw from a coloured-noise process instead of white noise), written into
     * {@code actions[row*d..]}; returns its log-probability under the white-noise policy.
     */
    public static double squash(float[] outputs, int row, int d, float[] noise, float[] actions) {
        int base = row * 2 * d;
        double logp = 0;
        for (int k = 0; k < d; k++) {
            double logStd = logStd(outputs[base + d + k]);
            double eps = noise[row * d + k];
            double a = Math.tanh(outputs[base + k] + Math.exp(logStd) * eps);
            actions[row * d + k] = (float) a;
            logp += -0.5 * eps * eps - logStd - LOG_SQRT_2PI - Math.log(1 - a * a + EPSILON);
        }
        return logp;
    }

    /** The deterministic action of row {@code row}, {@code tanh(mean)}, into {@code actions[row*d..]}. */
    public static void mode(float[] outputs, int row, int d, float[] actions) {
        int base = row * 2 * d;
        for (int k = 0; k < d; k++) {
            actions[row * d + k] = (float) Math.tanh(outputs[base + k]);
        }
    }

    /**
     * Reparameterisation gradient: given a loss's gradients w.r.t. the sampled actions
     * ({@code dActions}, {@code rows x d}) and their log-probabilities ({@code dLogProbs}, one per
     * row) for actions drawn by {@link #squash} with {@code noise}, writes the gradient w.r.t.
     * the actor outputs into {@code dOutputs} ({@code rows x 2d}).
     *
     * <p>With {@code c = d/du[-log(1 - a^2 + eps)] = 2a(1 - a^2) / (1 - a^2 + eps)}:
     * {@code dL/dmean = dL/da (1 - a^2) + dL/dlogp c} and
     * {@code dL/dlogStd = dL/dmean * std * noise - dL/dlogp} (the Gaussian term of the log-prob
     * is {@code -noise^2/2} along the path, so only {@code -logStd} and the correction depend on
     * the parameters); the log-std gradient is 0 where the clamp is active, as PyTorch's
     * {@code clamp}.
     */
    public static void backward(float[] outputs, float[] noise, float[] actions, int rows, int d, float[] dActions,
            float[] dLogProbs, float[] dOutputs) {
        for (int r = 0; r < rows; r++) {
            int base = r * 2 * d;
            for (int k = 0; k < d; k++) {
                double a = actions[r * d + k];
                double oneMinusA2 = 1 - a * a;
                double c = 2 * a * oneMinusA2 / (oneMinusA2 + EPSILON);
                double dMean = dActions[r * d + k] * oneMinusA2 + dLogProbs[r] * c;
                float raw = outputs[base + d + k];
                boolean clamped = raw < LOG_STD_MIN || raw > LOG_STD_MAX;
                double std = Math.exp(logStd(raw));
                dOutputs[base + k] = (float) dMean;
                dOutputs[base + d + k] = clamped ? 0f : (float) (dMean * std * noise[r * d + k] - dLogProbs[r]);
            }
        }
    }
}

package io.github.jrl.algorithms.ppo;

/**
 * PPO's losses (Schulman et al. 2017, "Proximal Policy Optimization Algorithms", eq. 7 and 9) as
 * pure functions of float arrays, each returning its value and writing its gradient. Conventions
 * follow Stable-Baselines3's {@code PPO.train}: losses are minimised means over the minibatch;
 * {@code loss = policyLoss + entCoef * (-entropy) + vfCoef * valueLoss}.
 */
public final class PpoLoss {

    private PpoLoss() {
    }

    /** Policy-loss value and the statistics PPO reports with it. */
    public record PolicyTerm(double loss, double approxKl, double clipFraction) {
    }

    /**
     * The clipped surrogate {@code mean(max(-A r, -A clip(r, 1 - eps, 1 + eps)))} with
     * {@code r = exp(logp - oldLogp)}. Writes {@code dLoss/dlogp} per row into {@code dLogProbs}.
     * {@code approxKl} is the low-variance estimator {@code mean((r - 1) - log r)} (Schulman,
     * "Approximating KL Divergence", 2020), as SB3 and CleanRL report; {@code clipFraction} the
     * share of rows with {@code |r - 1| > eps}.
     */
    public static PolicyTerm clippedSurrogate(float[] logProbs, float[] oldLogProbs, float[] advantages, int n,
            double clipRange, float[] dLogProbs) {
        double loss = 0;
        double kl = 0;
        int clipped = 0;
        for (int i = 0; i < n; i++) {
            double logRatio = (double) logProbs[i] - oldLogProbs[i];
            double ratio = Math.exp(logRatio);
            double a = advantages[i];
            double unclipped = -a * ratio;
            double clippedTerm = -a * Math.max(1 - clipRange, Math.min(1 + clipRange, ratio));
            // the max picks the unclipped term unless clipping makes the loss larger; where it
            // does, the clipped term is constant in the parameters and passes no gradient
            if (unclipped >= clippedTerm) {
                loss += unclipped;
                dLogProbs[i] = (float) (-a * ratio / n);
            } else {
                loss += clippedTerm;
                dLogProbs[i] = 0f;
            }
            kl += (ratio - 1) - logRatio;
            if (Math.abs(ratio - 1) > clipRange) {
                clipped++;
            }
        }
        return new PolicyTerm(loss / n, kl / n, (double) clipped / n);
    }

    /**
     * Value loss {@code mean((returns - v)^2)} where {@code v} is the prediction, or with value
     * clipping ({@code clipRangeVf > 0}, SB3's {@code clip_range_vf}) the prediction kept within
     * {@code clipRangeVf} of the rollout's value: {@code oldValue + clip(v - oldValue, -c, c)}.
     * Writes {@code dLoss/dv} into {@code dValues}. Pass {@code clipRangeVf = Double.NaN} for none.
     */
    public static double valueLoss(float[] values, float[] oldValues, float[] returns, int n, double clipRangeVf,
            float[] dValues) {
        double loss = 0;
        boolean clip = !Double.isNaN(clipRangeVf);
        for (int i = 0; i < n; i++) {
            double v = values[i];
            boolean passes = true;
            if (clip) {
                double delta = v - oldValues[i];
                if (delta > clipRangeVf || delta < -clipRangeVf) {
                    v = oldValues[i] + Math.signum(delta) * clipRangeVf;
                    passes = false;
                }
            }
            double error = v - returns[i];
            loss += error * error;
            dValues[i] = passes ? (float) (2 * error / n) : 0f;
        }
        return loss / n;
    }

    /**
     * Normalises advantages in place to zero mean and unit standard deviation (unbiased, as
     * PyTorch's {@code std()}), per minibatch as SB3 and CleanRL do.
     */
    public static void normalizeAdvantages(float[] advantages, int n) {
        if (n < 2) {
            return; // the reference skips normalisation for a single sample (its std is undefined)
        }
        double mean = 0;
        for (int i = 0; i < n; i++) {
            mean += advantages[i];
        }
        mean /= n;
        double var = 0;
        for (int i = 0; i < n; i++) {
            double d = advantages[i] - mean;
            var += d * d;
        }
        double std = Math.sqrt(var / (n - 1));
        for (int i = 0; i < n; i++) {
            advantages[i] = (float) ((advantages[i] - mean) / (std + 1e-8));
        }
    }
}

package io.github.jrl.algorithms.preference;

/**
 * KTO's loss for unpaired data (Ethayarajh et al. 2024, "KTO: Model Alignment as Prospect
 * Theoretic Optimization", eq. 8, in TRL's {@code KTOTrainer.kto_loss} form): with log-ratio
 * {@code r = log pi(y|x) - log pi_ref(y|x)} and the reference point {@code z = max(0, KL)}, a
 * desirable completion costs {@code lambda_D (1 - sigma(beta (r - z)))} and an undesirable one
 * {@code lambda_U (1 - sigma(beta (z - r)))}; the loss is their mean over the batch. {@code z} is
 * an estimate of {@code KL(pi || pi_ref)} (TRL: the mean log-ratio of mismatched prompt-completion
 * pairs) and, as in the paper, passes no gradient.
 */
public final class KtoLoss {

    private KtoLoss() {
    }

    /**
     * KTO's reference point {@code z = max(0, mean_i (log pi(y'_i|x_i) - log pi_ref(y'_i|x_i)))}
     * from {@code n} mismatched prompt-completion pairs: a Monte-Carlo estimate of
     * {@code KL(pi || pi_ref)} over the batch (Ethayarajh et al. 2024, section 4.1; TRL's
     * {@code KTOTrainer} pairs prompt {@code i} with the completion of example {@code i - 1},
     * takes the mean log-ratio and clamps it at 0). It passes no gradient.
     *
     * @throws IllegalArgumentException if {@code n < 1} or an array is shorter than {@code n}
     */
    public static double referencePoint(double[] policyMismatched, double[] referenceMismatched, int n) {
        DpoLoss.requireLength(n, policyMismatched, referenceMismatched);
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += policyMismatched[i] - referenceMismatched[i];
        }
        return Math.max(0, sum / n);
    }

    /**
     * The mean KTO loss of {@code n} completions, writing {@code dLoss/d log pi(y_i)} into
     * {@code dPolicy}.
     *
     * @param klEstimate the estimate of {@code KL(pi || pi_ref)}; clamped at 0 as the paper does
     * @param desirableWeight {@code lambda_D} (TRL's {@code desirable_weight}; default 1)
     * @param undesirableWeight {@code lambda_U} (TRL's {@code undesirable_weight}; default 1)
     * @throws IllegalArgumentException for a non-positive beta or weight, a non-finite KL estimate
     *     or arrays shorter than {@code n}
     */
    public static double loss(double beta, double desirableWeight, double undesirableWeight, double klEstimate,
            double[] policy, double[] reference, boolean[] desirable, int n, double[] dPolicy) {
        if (!(beta > 0) || Double.isInfinite(beta) || !(desirableWeight > 0) || !(undesirableWeight > 0)
                || Double.isInfinite(desirableWeight) || Double.isInfinite(undesirableWeight)) {
            throw new IllegalArgumentException("beta and the desirable/undesirable weights must be positive and finite, got "
                    + beta + ", " + desirableWeight + ", " + undesirableWeight);
        }
        if (!Double.isFinite(klEstimate)) {
            throw new IllegalArgumentException("the KL estimate must be finite, got " + klEstimate);
        }
        DpoLoss.requireLength(n, policy, reference, dPolicy);
        if (desirable.length < n) {
            throw new IllegalArgumentException("expected " + n + " labels, got " + desirable.length);
        }
        double z = Math.max(0, klEstimate);
        double loss = 0;
        for (int i = 0; i < n; i++) {
            double r = policy[i] - reference[i];
            if (desirable[i]) {
                double s = DpoLoss.sigmoid(beta * (r - z));
                loss += desirableWeight * (1 - s);
                dPolicy[i] = -desirableWeight * beta * s * (1 - s) / n;
            } else {
                double s = DpoLoss.sigmoid(beta * (z - r));
                loss += undesirableWeight * (1 - s);
                dPolicy[i] = undesirableWeight * beta * s * (1 - s) / n;
            }
        }
        return loss / n;
    }
}

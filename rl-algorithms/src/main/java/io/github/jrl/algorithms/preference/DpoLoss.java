package io.github.jrl.algorithms.preference;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The pairwise preference losses of the DPO family ({@link DpoLossType}) and RPO's likelihood term,
 * as pure functions of sequence log-probabilities (the sum over a completion's tokens, TRL's
 * {@code chosen_logps}). Each returns the loss, a mean over the pairs, and writes its gradient
 * w.r.t. the policy's sequence log-probabilities; the reference's are constants. Metrics are
 * TRL's {@code DPOTrainer} names, computed from the implicit rewards
 * {@code beta (log pi(y) - log pi_ref(y))}.
 */
public final class DpoLoss {

    public static final String REWARDS_CHOSEN = "rewards/chosen";
    public static final String REWARDS_REJECTED = "rewards/rejected";
    public static final String REWARDS_ACCURACIES = "rewards/accuracies";
    public static final String REWARDS_MARGINS = "rewards/margins";
    public static final String LOGPS_CHOSEN = "logps/chosen";
    public static final String LOGPS_REJECTED = "logps/rejected";

    private DpoLoss() {
    }

    /** A loss value with the metrics TRL logs beside it. */
    public record Result(double loss, Map<String, Double> metrics) {
    }

    /**
     * The mean over {@code n} pairs of the {@code type} loss of margin {@code h} (see
     * {@link DpoLossType}), writing {@code dLoss/d log pi(y_w)} into {@code dChosen} and
     * {@code dLoss/d log pi(y_l)} into {@code dRejected}.
     *
     * @param labelSmoothing the assumed label-flip rate {@code eps}: in [0, 0.5] for SIGMOID, [0, 0.5)
     *     for ROBUST, 0 for the others
     * @throws IllegalArgumentException for a non-positive beta, a smoothing the type does not
     *     take, or arrays shorter than {@code n}
     */
    public static Result pairwise(DpoLossType type, double beta, double labelSmoothing, double[] policyChosen,
            double[] policyRejected, double[] referenceChosen, double[] referenceRejected, int n, double[] dChosen,
            double[] dRejected) {
        requireValid(type, beta, labelSmoothing);
        requireLength(n, policyChosen, policyRejected, referenceChosen, referenceRejected, dChosen, dRejected);
        double eps = labelSmoothing;
        double loss = 0;
        double rewardChosen = 0;
        double rewardRejected = 0;
        double correct = 0;
        double logpChosen = 0;
        double logpRejected = 0;
        for (int i = 0; i < n; i++) {
            double chosenRatio = policyChosen[i] - referenceChosen[i];
            double rejectedRatio = policyRejected[i] - referenceRejected[i];
            double h = chosenRatio - rejectedRatio;
            double u = beta * h;
            double value;
            double slope; // dLoss_i / dh
            switch (type) {
                case SIGMOID -> {
                    value = -(1 - eps) * logSigmoid(u) - eps * logSigmoid(-u);
                    slope = beta * (-(1 - eps) * sigmoid(-u) + eps * sigmoid(u));
                }
                case ROBUST -> {
                    value = (-(1 - eps) * logSigmoid(u) + eps * logSigmoid(-u)) / (1 - 2 * eps);
                    slope = beta * (-(1 - eps) * sigmoid(-u) - eps * sigmoid(u)) / (1 - 2 * eps);
                }
                case IPO -> {
                    double gap = h - 1 / (2 * beta);
                    value = gap * gap;
                    slope = 2 * gap;
                }
                case HINGE -> {
                    value = Math.max(0, 1 - u);
                    slope = u < 1 ? -beta : 0;
                }
                default -> throw new IllegalStateException("unknown loss type " + type);
            }
            loss += value;
            dChosen[i] = slope / n;
            dRejected[i] = -slope / n;
            rewardChosen += beta * chosenRatio;
            rewardRejected += beta * rejectedRatio;
            // TRL counts a pair as correct when the chosen implicit reward is strictly larger
            correct += beta * chosenRatio > beta * rejectedRatio ? 1 : 0;
            logpChosen += policyChosen[i];
            logpRejected += policyRejected[i];
        }
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put(REWARDS_CHOSEN, rewardChosen / n);
        metrics.put(REWARDS_REJECTED, rewardRejected / n);
        metrics.put(REWARDS_ACCURACIES, correct / n);
        metrics.put(REWARDS_MARGINS, (rewardChosen - rewardRejected) / n);
        metrics.put(LOGPS_CHOSEN, logpChosen / n);
        metrics.put(LOGPS_REJECTED, logpRejected / n);
        return new Result(loss / n, metrics);
    }

    /**
     * RPO's extra term (Liu et al. 2024, "Provably Mitigating Overoptimization in RLHF: Your SFT
     * Loss is Implicitly an Adversarial Regularizer"): {@code alpha} times the negative
     * log-likelihood of the chosen completions per token, {@code -alpha mean_i(log pi(y_w,i) / |y_w,i|)}
     * (TRL's {@code rpo_alpha}, which averages the chosen cross-entropy over tokens). Adds its
     * gradient to {@code dChosen} and returns its value.
     *
     * @throws IllegalArgumentException if alpha is negative or a chosen completion is empty
     */
    public static double chosenNll(double alpha, double[] policyChosen, int[] chosenLengths, int n, double[] dChosen) {
        if (!(alpha >= 0) || Double.isInfinite(alpha)) {
            throw new IllegalArgumentException("rpo alpha must be finite and >= 0, got " + alpha);
        }
        requireLength(n, policyChosen, dChosen);
        double loss = 0;
        for (int i = 0; i < n; i++) {
            if (chosenLengths[i] <= 0) {
                throw new IllegalArgumentException("chosen completion " + i + " is empty; its per-token NLL is undefined");
            }
            loss -= alpha * policyChosen[i] / chosenLengths[i];
            dChosen[i] -= alpha / chosenLengths[i] / n;
        }
        return loss / n;
    }

    private static void requireValid(DpoLossType type, double beta, double eps) {
        if (!(beta > 0) || Double.isInfinite(beta)) {
            throw new IllegalArgumentException("beta must be positive and finite, got " + beta);
        }
        boolean valid = switch (type) {
            case SIGMOID -> eps >= 0 && eps <= 0.5;
            case ROBUST -> eps >= 0 && eps < 0.5;
            case IPO, HINGE -> eps == 0;
        };
        if (!valid) {
            throw new IllegalArgumentException("label smoothing " + eps + " is not valid for " + type
                    + ": expected [0, 0.5] for SIGMOID, [0, 0.5) for ROBUST and 0 for IPO and HINGE");
        }
    }

    static void requireLength(int n, double[]... arrays) {
        if (n <= 0) {
            throw new IllegalArgumentException("need at least one example, got n = " + n);
        }
        for (double[] a : arrays) {
            if (a.length < n) {
                throw new IllegalArgumentException("expected arrays of at least " + n + " values, got one of " + a.length);
            }
        }
    }

    /** {@code log sigma(x)}, without overflow for large {@code |x|}. */
    static double logSigmoid(double x) {
        return x >= 0 ? -Math.log1p(Math.exp(-x)) : x - Math.log1p(Math.exp(x));
    }

    static double sigmoid(double x) {
        return x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x));
    }
}

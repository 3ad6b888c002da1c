package io.github.jrl.algorithms.offline;

import io.github.jrl.nd4j.dist.Categorical;
import io.github.jrl.nd4j.dist.TanhGaussian;

/**
 * IQL's losses as pure functions of float arrays (Kostrikov, Nair & Levine 2021, "Offline
 * Reinforcement Learning with Implicit Q-Learning"), each returning its value and writing its
 * gradient: the expectile regression of the value function (eq. 5), the advantage weights of the
 * policy extraction (eq. 7) and the weighted log-likelihood the actor maximises with them.
 * Conventions follow CORL's {@code algorithms/offline/iql.py}: means over the batch,
 * {@code asymmetric_l2_loss}, weights {@code exp(beta A)} clipped at {@code EXP_ADV_MAX = 100}.
 */
public final class IqlLoss {

    private static final double LOG_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);

    private IqlLoss() {
    }

    /**
     * The expectile loss {@code mean(|tau - 1(u < 0)| u^2)} with {@code u = q - v} (eq. 5, CORL's
     * {@code asymmetric_l2_loss}): for {@code tau > 0.5} it pushes {@code v} toward an upper
     * expectile of {@code q}, an in-sample estimate of the maximum over the dataset's actions.
     * Writes {@code dL/dv} into {@code dValues}.
     */
    public static double expectileLoss(float[] q, float[] values, int n, double tau, float[] dValues) {
        double loss = 0;
        for (int i = 0; i < n; i++) {
            double u = q[i] - values[i];
            double weight = u < 0 ? 1 - tau : tau;
            loss += weight * u * u;
            dValues[i] = (float) (-2 * weight * u / n);
        }
        return requireFinite(loss / n, "IQL value (expectile) loss");
    }

    /**
     * The advantage weights {@code min(exp(beta (q - v)), maxWeight)} of the policy extraction
     * (eq. 7; CORL clamps at {@code EXP_ADV_MAX = 100}) into {@code weights}; returns the fraction
     * of rows whose weight was clipped.
     */
    public static double advantageWeights(float[] q, float[] values, int n, double beta, double maxWeight,
            float[] weights) {
        int clipped = 0;
        for (int i = 0; i < n; i++) {
            double w = Math.exp(beta * ((double) q[i] - values[i]));
            if (w > maxWeight) {
                w = maxWeight;
                clipped++;
            }
            weights[i] = (float) w;
        }
        return (double) clipped / n;
    }

    /**
     * The advantage-weighted negative log-likelihood {@code -mean(w_i log pi(a_i|s_i))} of a
     * Gaussian actor whose mean is {@code tanh} of the network's mean output, as CORL's
     * {@code GaussianPolicy} ({@code mean = tanh(net(s))}, a {@code Normal} over the unsquashed
     * action, log-std clamped to [-20, 2]). Row {@code i} of {@code outputs} is
     * {@code [mean_1..d, logStd_1..d]} (the layout of {@link TanhGaussian}); {@code actions} are
     * in the actor's (-1, 1) scale. Writes the gradient w.r.t. the outputs into {@code dOutputs};
     * the log-std gradient is 0 where the clamp is active.
     */
    public static double weightedGaussianNll(float[] outputs, float[] actions, float[] weights, int n, int d,
            float[] dOutputs) {
        double loss = 0;
        for (int i = 0; i < n; i++) {
            int base = i * 2 * d;
            double logProb = 0;
            double w = weights[i];
            for (int k = 0; k < d; k++) {
                double mean = Math.tanh(outputs[base + k]);
                float raw = outputs[base + d + k];
                double logStd = TanhGaussian.logStd(raw);
                double std = Math.exp(logStd);
                double z = (actions[i * d + k] - mean) / std;
                logProb += -0.5 * z * z - logStd - LOG_SQRT_2PI;
                // d(-w logp / n)/d(mean output) through tanh; d/d(logStd) of -w logp / n
                dOutputs[base + k] = (float) (-w * z / std * (1 - mean * mean) / n);
                boolean clamped = raw < TanhGaussian.LOG_STD_MIN || raw > TanhGaussian.LOG_STD_MAX;
                dOutputs[base + d + k] = clamped ? 0f : (float) (-w * (z * z - 1) / n);
            }
            loss -= w * logProb;
        }
        return requireFinite(loss / n, "IQL actor loss");
    }

    /**
     * The advantage-weighted negative log-likelihood {@code -mean(w_i log softmax(z_i)[a_i])} of a
     * categorical actor (the discrete form of eq. 7). Writes {@code dL/dz = w (pi - onehot(a)) / n}
     * into {@code dLogits}.
     */
    public static double weightedCategoricalNll(float[] logits, float[] actions, float[] weights, int n,
            int numActions, float[] dLogits) {
        double[] logProbs = new double[numActions];
        double loss = 0;
        for (int i = 0; i < n; i++) {
            Categorical.logSoftmax(logits, i, numActions, null, logProbs);
            int action = (int) actions[i];
            double w = weights[i];
            loss -= w * logProbs[action];
            for (int a = 0; a < numActions; a++) {
                double p = Math.exp(logProbs[a]);
                dLogits[i * numActions + a] = (float) (w * (p - (a == action ? 1 : 0)) / n);
            }
        }
        return requireFinite(loss / n, "IQL actor loss");
    }

    static double requireFinite(double value, String what) {
        if (!Double.isFinite(value)) {
            throw new ArithmeticException(what + " is " + value + "; expected a finite value (diverged training: "
                    + "lower the learning rate, or check the dataset for huge rewards or observations)");
        }
        return value;
    }
}

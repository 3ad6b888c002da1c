package io.github.jrl.algorithms.sac;

import io.github.jrl.nd4j.dist.Categorical;

/**
 * SAC's losses as pure functions of float arrays, each returning its value and writing its
 * gradient: the soft TD targets with clipped double-Q, the twin-critic regression, the actor's
 * soft policy loss and the temperature loss, for continuous actions (Haarnoja et al. 2018, "Soft
 * Actor-Critic Algorithms and Applications", eq. 5, 7, 17/18) and for discrete ones, where
 * expectations over the actions replace the sampled action (Christodoulou 2019, "Soft
 * Actor-Critic for Discrete Action Settings", eq. 10-12). Conventions follow Stable-Baselines3's
 * {@code SAC.train}: means over the batch, critic loss {@code 0.5 * (mse1 + mse2)}, temperature
 * loss on {@code log alpha}.
 */
public final class SacLoss {

    private SacLoss() {
    }

    /**
     * Continuous soft targets {@code y = r + gamma (1 - terminated) (min(q1', q2') - alpha log pi(a'|s'))},
     * {@code a'} sampled from the current policy at {@code s'}, {@code q'} from the target critics.
     * Truncated transitions bootstrap: only {@code terminated} stops it.
     */
    public static void softTargets(float[] rewards, boolean[] terminated, float[] nextQ1, float[] nextQ2,
            float[] nextLogProbs, int n, double alpha, double gamma, float[] targets) {
        for (int i = 0; i < n; i++) {
            double next = Math.min(nextQ1[i], nextQ2[i]) - alpha * nextLogProbs[i];
            targets[i] = (float) (rewards[i] + (terminated[i] ? 0 : gamma * next));
        }
    }

    /**
     * Discrete soft targets: the soft value of {@code s'} is the expectation under the policy,
     * {@code V(s') = sum_a pi(a|s') (min(q1'(s', a), q2'(s', a)) - alpha log pi(a|s'))}
     * (Christodoulou 2019, eq. 10 with the twin-critic minimum of CleanRL's {@code sac_atari.py}).
     * {@code nextLogits} and the target critics' {@code nextQ*} are {@code n x numActions}.
     */
    public static void discreteSoftTargets(float[] rewards, boolean[] terminated, float[] nextLogits, float[] nextQ1,
            float[] nextQ2, int n, int numActions, double alpha, double gamma, float[] targets) {
        double[] logProbs = new double[numActions];
        for (int i = 0; i < n; i++) {
            Categorical.logSoftmax(nextLogits, i, numActions, null, logProbs);
            double value = 0;
            for (int a = 0; a < numActions; a++) {
                int j = i * numActions + a;
                value += Math.exp(logProbs[a]) * (Math.min(nextQ1[j], nextQ2[j]) - alpha * logProbs[a]);
            }
            targets[i] = (float) (rewards[i] + (terminated[i] ? 0 : gamma * value));
        }
    }

    /** The critics' regression losses and the mean predictions, as CleanRL reports them. */
    public record CriticTerm(double qf1Loss, double qf2Loss, double qf1Values, double qf2Values) {

        /** The loss SB3 minimises: {@code 0.5 * (qf1Loss + qf2Loss)}. */
        public double loss() {
            return 0.5 * (qf1Loss + qf2Loss);
        }
    }

    /**
     * Twin-critic loss {@code 0.5 * (mean((q1 - y)^2) + mean((q2 - y)^2))} (SB3). The critics'
     * rows are {@code width} wide: row {@code i}'s prediction is at column {@code columns[i]}
     * (the taken discrete action), or the only column when {@code columns} is {@code null}.
     * Writes the gradients w.r.t. all of {@code q1} and {@code q2} ({@code n x width}, zero
     * outside the predictions) into {@code dQ1} and {@code dQ2}.
     */
    public static CriticTerm criticLoss(float[] q1, float[] q2, int width, int[] columns, float[] targets, int n,
            float[] dQ1, float[] dQ2) {
        java.util.Arrays.fill(dQ1, 0, n * width, 0f);
        java.util.Arrays.fill(dQ2, 0, n * width, 0f);
        double loss1 = 0;
        double loss2 = 0;
        double values1 = 0;
        double values2 = 0;
        for (int i = 0; i < n; i++) {
            int j = i * width + (columns == null ? 0 : columns[i]);
            double error1 = q1[j] - targets[i];
            double error2 = q2[j] - targets[i];
            loss1 += error1 * error1;
            loss2 += error2 * error2;
            values1 += q1[j];
            values2 += q2[j];
            // d/dq of 0.5 * mean(error^2)
            dQ1[j] = (float) (error1 / n);
            dQ2[j] = (float) (error2 / n);
        }
        return new CriticTerm(loss1 / n, loss2 / n, values1 / n, values2 / n);
    }

    /** The actor's loss and the mean entropy of its policy over the batch. */
    public record ActorTerm(double loss, double entropy) {
    }

    /**
     * Continuous actor loss {@code mean(alpha log pi(a|s) - min(q1(s, a), q2(s, a)))} for actions
     * {@code a} reparameterised from the policy. Writes {@code dL/dlogp} into {@code dLogProbs}
     * and {@code dL/dq} into {@code dQ1} / {@code dQ2}: {@code -1/n} on the critic that gives the
     * minimum (the first on ties, as {@code torch.min}), 0 on the other. The entropy reported is
     * the estimate {@code -mean(log pi)}.
     */
    public static ActorTerm actorLoss(float[] logProbs, float[] q1, float[] q2, int n, double alpha, float[] dQ1,
            float[] dQ2, float[] dLogProbs) {
        double loss = 0;
        double sumLogProbs = 0;
        for (int i = 0; i < n; i++) {
            boolean first = q1[i] <= q2[i];
            loss += alpha * logProbs[i] - (first ? q1[i] : q2[i]);
            sumLogProbs += logProbs[i];
            dLogProbs[i] = (float) (alpha / n);
            dQ1[i] = first ? (float) (-1.0 / n) : 0f;
            dQ2[i] = first ? 0f : (float) (-1.0 / n);
        }
        return new ActorTerm(loss / n, -sumLogProbs / n);
    }

    /**
     * Discrete actor loss {@code mean_i sum_a pi(a|s_i) (alpha log pi(a|s_i) - min(q1, q2)(s_i, a))}
     * (Christodoulou 2019, eq. 12), the critics' values held constant. Writes the gradient w.r.t.
     * the logits ({@code n x numActions}): with {@code g_a = alpha log pi_a - min q_a},
     * {@code dL/dz_k = pi_k (g_k - sum_a pi_a g_a) / n} (the {@code alpha} from differentiating
     * {@code log pi} cancels in the sum).
     */
    public static ActorTerm discreteActorLoss(float[] logits, float[] q1, float[] q2, int n, int numActions,
            double alpha, float[] dLogits) {
        double[] logProbs = new double[numActions];
        double[] g = new double[numActions];
        double loss = 0;
        double entropy = 0;
        for (int i = 0; i < n; i++) {
            entropy += Categorical.logSoftmax(logits, i, numActions, null, logProbs);
            double expectedG = 0;
            for (int a = 0; a < numActions; a++) {
                int j = i * numActions + a;
                g[a] = alpha * logProbs[a] - Math.min(q1[j], q2[j]);
                expectedG += Math.exp(logProbs[a]) * g[a];
            }
            loss += expectedG;
            for (int a = 0; a < numActions; a++) {
                dLogits[i * numActions + a] = (float) (Math.exp(logProbs[a]) * (g[a] - expectedG) / n);
            }
        }
        return new ActorTerm(loss / n, entropy / n);
    }

    /** The temperature loss and its gradient w.r.t. {@code log alpha}. */
    public record TemperatureTerm(double loss, double gradient) {
    }

    /**
     * Temperature loss {@code -log(alpha) * (mean log pi + targetEntropy)} with the log-probs held
     * constant (Haarnoja et al. 2018, eq. 18, on {@code log alpha} as SB3 optimises it): alpha
     * grows while the policy's entropy {@code -mean log pi} is below the target. For discrete
     * actions pass {@code meanLogProb = -mean entropy}, the expectation over the actions
     * (Christodoulou 2019, eq. 11).
     */
    public static TemperatureTerm temperatureLoss(double logAlpha, double meanLogProb, double targetEntropy) {
        double gradient = -(meanLogProb + targetEntropy);
        return new TemperatureTerm(logAlpha * gradient, gradient);
    }
}

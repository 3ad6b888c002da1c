package io.github.jrl.algorithms.offline;

/**
 * TD3+BC's losses as pure functions of float arrays (Fujimoto and Gu 2021, "A Minimalist
 * Approach to Offline Reinforcement Learning", eq. 3, in the form of github.com/sfujim/TD3_BC
 * {@code TD3_BC.train}): the target-policy smoothing of TD3 (Fujimoto et al. 2018, "Addressing
 * Function Approximation Error in Actor-Critic Methods", eq. 14-15) and the actor's loss
 * {@code -lambda mean Q1(s, pi(s)) + mean((pi(s) - a)^2)} with {@code lambda = alpha / mean|Q1|}
 * held constant. The clipped double-Q target is SAC's at temperature 0
 * ({@link io.github.jrl.algorithms.sac.SacLoss#softTargets}) and each critic's regression is
 * {@link io.github.jrl.algorithms.sac.SacLoss#regression}. PRDC's actor loss is the same with
 * the nearest dataset action in place of {@code a}.
 */
public final class Td3BcLoss {

    private Td3BcLoss() {
    }

    /**
     * TD3's smoothed target actions {@code clip(pi'(s') + clip(sigma eps, -c, c), low, high)} per
     * dimension, with {@code sigma = policyNoise * scale_k} and {@code c = noiseClip * scale_k}
     * ({@code max_action} multiplies both in {@code main.py}); {@code noise} is standard normal,
     * {@code n x d} like {@code actions}.
     */
    public static void smoothTargetActions(float[] actions, float[] noise, ActionBounds bounds, double policyNoise,
            double noiseClip, int n, float[] out) {
        int d = bounds.size();
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < d; k++) {
                int j = i * d + k;
                double clip = noiseClip * bounds.scale(k);
                double epsilon = Math.max(-clip, Math.min(clip, noise[j] * policyNoise * bounds.scale(k)));
                out[j] = bounds.clip(k, actions[j] + epsilon);
            }
        }
    }

    /** The actor's loss, its two terms, {@code lambda} and the mean of {@code Q1(s, pi(s))}. */
    public record ActorTerm(double loss, double regularizer, double lambda, double meanQ) {
    }

    /**
     * {@code -lambda mean(q) + mean((pi - targets)^2)}, {@code lambda = alpha / mean|q|} a
     * constant ({@code .detach()} in the reference). Writes {@code dL/dq = -lambda / n} into
     * {@code dQ} and {@code dL/dpi} of the regulariser, {@code 2 (pi - targets) / (n d)}, into
     * {@code dPi}; the caller adds the Q term's gradient through the critic.
     *
     * @throws ArithmeticException if {@code mean|q|} is 0 or the loss is not finite
     */
    public static ActorTerm actorLoss(float[] q, float[] pi, float[] targets, int n, int d, double alpha, float[] dQ,
            float[] dPi) {
        double meanQ = 0;
        double meanAbsQ = 0;
        for (int i = 0; i < n; i++) {
            meanQ += q[i];
            meanAbsQ += Math.abs(q[i]);
        }
        meanQ /= n;
        meanAbsQ /= n;
        if (!(meanAbsQ > 0) || !Double.isFinite(meanAbsQ)) {
            throw new ArithmeticException("mean |Q| is " + meanAbsQ + "; TD3+BC's lambda = alpha / mean |Q| needs a "
                    + "positive finite value");
        }
        double lambda = alpha / meanAbsQ;
        for (int i = 0; i < n; i++) {
            dQ[i] = (float) (-lambda / n);
        }
        double regularizer = BcLoss.mse(pi, targets, n, d, dPi);
        double loss = LearnerParts.requireFinite("losses/actor_loss", -lambda * meanQ + regularizer);
        return new ActorTerm(loss, regularizer, lambda, meanQ);
    }
}

package io.github.jrl.algorithms.grpo;

/**
 * GRPO's advantages and loss ("DeepSeekMath: Pushing the Limits of Mathematical Reasoning in Open
 * Language Models", eq. 3, with the variants TRL's {@code GRPOTrainer} offers) as pure functions
 * of arrays. Completions come in groups of {@code groupSize} consecutive rows, all answers to one
 * prompt. Per-token arrays use the layout of {@code CompletionLogProbs}: {@code [batch, stride]}
 * row-major, completion {@code b}'s token {@code t} at {@code b * stride + t}.
 */
public final class GrpoLoss {

    /** Added to standard deviations before dividing, as TRL does ({@code std + 1e-4}). */
    public static final double STD_EPSILON = 1e-4;

    private GrpoLoss() {
    }

    /**
     * Group-relative advantages of one reward per completion: the reward minus its group's mean,
     * divided as {@code scaling} says by the group's or the batch's standard deviation (unbiased,
     * as {@code torch.std}) plus {@link #STD_EPSILON}.
     *
     * @throws IllegalArgumentException if the rewards do not fill whole groups of at least two
     */
    public static double[] groupAdvantages(double[] rewards, int groupSize, RewardScaling scaling) {
        requireGroups(rewards.length, groupSize);
        double[] advantages = new double[rewards.length];
        double batchStd = scaling == RewardScaling.BATCH ? std(rewards, 0, rewards.length) : 1;
        for (int start = 0; start < rewards.length; start += groupSize) {
            double mean = mean(rewards, start, groupSize);
            double scale = switch (scaling) {
                case GROUP -> std(rewards, start, groupSize) + STD_EPSILON;
                case BATCH -> batchStd + STD_EPSILON;
                case NONE -> 1;
            };
            for (int i = start; i < start + groupSize; i++) {
                advantages[i] = (rewards[i] - mean) / scale;
            }
        }
        return advantages;
    }

    /**
     * Advantages of completions scored by several rewards, {@code rewards[i][k]} being reward
     * {@code k} of completion {@code i}.
     *
     * <ul>
     *   <li>{@link RewardCombination#GRPO}: {@code groupAdvantages(sum_k w_k r_k, scaling)}.
     *   <li>{@link RewardCombination#GDPO}: {@code A_k = groupAdvantages(r_k, GROUP)} for each
     *       reward, then {@code sum_k w_k A_k} standardised over the whole batch (GDPO's
     *       batch-wise normalisation, which keeps the scale independent of the number of
     *       rewards); {@code scaling} does not apply.
     * </ul>
     *
     * @throws IllegalArgumentException if a row has not one reward per weight, or the rows do not
     *     fill whole groups of at least two
     */
    public static double[] combinedAdvantages(double[][] rewards, double[] weights, int groupSize,
            RewardCombination combination, RewardScaling scaling) {
        int n = rewards.length;
        requireGroups(n, groupSize);
        for (int i = 0; i < n; i++) {
            if (rewards[i].length != weights.length) {
                throw new IllegalArgumentException("completion " + i + " has " + rewards[i].length + " rewards, expected one per"
                        + " weight (" + weights.length + ")");
            }
        }
        if (combination == RewardCombination.GRPO) {
            return groupAdvantages(weightedSums(rewards, weights), groupSize, scaling);
        }
        double[] sum = new double[n];
        double[] column = new double[n];
        for (int k = 0; k < weights.length; k++) {
            for (int i = 0; i < n; i++) {
                column[i] = rewards[i][k];
            }
            double[] advantages = groupAdvantages(column, groupSize, RewardScaling.GROUP);
            for (int i = 0; i < n; i++) {
                sum[i] += weights[k] * advantages[i];
            }
        }
        double mean = mean(sum, 0, n);
        double scale = std(sum, 0, n) + STD_EPSILON;
        for (int i = 0; i < n; i++) {
            sum[i] = (sum[i] - mean) / scale;
        }
        return sum;
    }

    /** {@code sum_k weights[k] * rewards[i][k]} for every completion {@code i}: TRL's scalar {@code reward}. */
    public static double[] weightedSums(double[][] rewards, double[] weights) {
        double[] sums = new double[rewards.length];
        for (int i = 0; i < rewards.length; i++) {
            for (int k = 0; k < weights.length; k++) {
                sums[i] += weights[k] * rewards[i][k];
            }
        }
        return sums;
    }

    /** Whether each group's rewards all equal (TRL's {@code is_std_zero}: their advantage carries no signal). */
    public static boolean[] zeroSpreadGroups(double[] rewards, int groupSize) {
        requireGroups(rewards.length, groupSize);
        boolean[] zero = new boolean[rewards.length / groupSize];
        for (int g = 0; g < zero.length; g++) {
            zero[g] = std(rewards, g * groupSize, groupSize) < 1e-8;
        }
        return zero;
    }

    /** The loss with the statistics TRL logs beside it, averaged over completion tokens. */
    public record PolicyTerm(double loss, double kl, double clipRatioLow, double clipRatioHigh, int tokens) {

        /** Share of tokens whose ratio was clipped on either side (TRL's {@code clip_ratio/region_mean}). */
        public double clipRatio() {
            return clipRatioLow + clipRatioHigh;
        }
    }

    /** Hyperparameters of {@link #policyLoss}. */
    public record Objective(double epsilonLow, double epsilonHigh, double beta, LossType lossType,
            int maxCompletionLength) {
    }

    /**
     * GRPO's loss and its gradient w.r.t. the current log-probabilities. Per token,
     * {@code l = -min(r A, clip(r, 1 - epsLow, 1 + epsHigh) A) + beta * k3} with
     * {@code r = exp(logp - oldLogp)}, {@code A} the completion's advantage, and
     * {@code k3 = exp(ref - logp) - (ref - logp) - 1} the unbiased, non-negative estimator of
     * {@code KL(pi || pi_ref)} (Schulman, "Approximating KL Divergence"; DeepSeekMath eq. 4).
     * Tokens are averaged as {@code objective.lossType()} says. The clip ratios are TRL's:
     * tokens with {@code r < 1 - epsLow} and {@code A < 0} (low) or {@code r > 1 + epsHigh} and
     * {@code A > 0} (high), over all tokens; {@code kl} is the mean {@code k3}, 0 when
     * {@code refLogProbs} is {@code null} (then {@code beta} must be 0).
     *
     * @param lengths tokens of each completion; entries at {@code t >= lengths[b]} are padding,
     *     ignored, and get gradient 0
     * @param dLogProbs receives {@code dLoss/dlogp}, same layout
     * @throws IllegalArgumentException if there is no token, or {@code beta > 0} without reference
     */
    public static PolicyTerm policyLoss(float[] logProbs, float[] oldLogProbs, float[] refLogProbs, double[] advantages,
            int[] lengths, int stride, Objective objective, float[] dLogProbs) {
        if (refLogProbs == null && objective.beta() != 0) {
            throw new IllegalArgumentException("a KL penalty (beta " + objective.beta() + ") needs reference log-probs");
        }
        int batch = lengths.length;
        int tokens = 0;
        for (int length : lengths) {
            tokens += length;
        }
        if (tokens == 0) {
            throw new IllegalArgumentException("the batch has no completion token");
        }
        double loss = 0;
        double kl = 0;
        int low = 0;
        int high = 0;
        for (int b = 0; b < batch; b++) {
            double a = advantages[b];
            // the token weight that turns the per-token loss into the aggregation of lossType
            double weight = switch (objective.lossType()) {
                case GRPO -> lengths[b] == 0 ? 0 : 1.0 / (lengths[b] * (double) batch);
                case DAPO -> 1.0 / tokens;
                case DR_GRPO -> 1.0 / ((double) batch * objective.maxCompletionLength());
            };
            for (int t = 0; t < stride; t++) {
                int at = b * stride + t;
                if (t >= lengths[b]) {
                    dLogProbs[at] = 0f;
                    continue;
                }
                double ratio = Math.exp((double) logProbs[at] - oldLogProbs[at]);
                double clippedRatio = Math.max(1 - objective.epsilonLow(), Math.min(1 + objective.epsilonHigh(), ratio));
                double unclipped = ratio * a;
                double clipped = clippedRatio * a;
                double tokenLoss;
                double grad;
                // -min(...) takes the unclipped term unless the clipped one is smaller; the clipped
                // term is constant in the parameters and passes no gradient
                if (unclipped <= clipped) {
                    tokenLoss = -unclipped;
                    grad = -unclipped;
                } else {
                    tokenLoss = -clipped;
                    grad = 0;
                }
                if (ratio < 1 - objective.epsilonLow() && a < 0) {
                    low++;
                } else if (ratio > 1 + objective.epsilonHigh() && a > 0) {
                    high++;
                }
                if (refLogProbs != null) {
                    double refMinusLogp = (double) refLogProbs[at] - logProbs[at];
                    double k3 = Math.exp(refMinusLogp) - refMinusLogp - 1;
                    kl += k3;
                    tokenLoss += objective.beta() * k3;
                    grad += objective.beta() * (1 - Math.exp(refMinusLogp));
                }
                loss += weight * tokenLoss;
                dLogProbs[at] = (float) (weight * grad);
            }
        }
        return new PolicyTerm(loss, kl / tokens, (double) low / tokens, (double) high / tokens, tokens);
    }

    static double mean(double[] values, int from, int count) {
        double sum = 0;
        for (int i = from; i < from + count; i++) {
            sum += values[i];
        }
        return sum / count;
    }

    /** Unbiased standard deviation, as {@code torch.std}. */
    static double std(double[] values, int from, int count) {
        double mean = mean(values, from, count);
        double sum = 0;
        for (int i = from; i < from + count; i++) {
            double d = values[i] - mean;
            sum += d * d;
        }
        return Math.sqrt(sum / (count - 1));
    }

    private static void requireGroups(int n, int groupSize) {
        if (groupSize < 2 || n == 0 || n % groupSize != 0) {
            throw new IllegalArgumentException("rewards must fill whole groups of at least 2 completions; got " + n
                    + " completions in groups of " + groupSize);
        }
    }
}

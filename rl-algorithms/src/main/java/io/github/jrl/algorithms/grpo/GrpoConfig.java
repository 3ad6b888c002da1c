package io.github.jrl.algorithms.grpo;

import static io.github.jrl.algorithms.common.ConfigChecks.nonNegative;
import static io.github.jrl.algorithms.common.ConfigChecks.positive;

import java.util.Arrays;
import java.util.Objects;

/**
 * GRPO hyperparameters, immutable and validated. Defaults are those of TRL's {@code GRPOConfig}
 * (and the {@code TrainingArguments} it extends) unless said otherwise; TRL's names are given in
 * brackets. TRL's learning rate is meant for billion-parameter models: a toy policy needs a far
 * larger one (see docs/grpo.md).
 *
 * @param numGenerations completions per prompt, the group size G ({@code num_generations}; 8)
 * @param promptsPerBatch prompts per generation batch; TRL's generation batch is
 *     {@code per_device_train_batch_size} (8) completions, i.e. one prompt of 8 ({@code 1})
 * @param minibatches optimizer steps each generation batch is split into per pass
 *     ({@code steps_per_generation}; 1); must divide {@code promptsPerBatch} (groups stay whole)
 * @param numIterations passes over each generation batch, mu ({@code num_iterations}; 1)
 * @param beta coefficient of the k3 KL penalty to the reference policy ({@code beta}; 0.0, as
 *     TRL since "Understanding R1-Zero-Like Training" and DAPO dropped it)
 * @param epsilon lower clip range of the ratio ({@code epsilon}; 0.2)
 * @param epsilonHigh upper clip range ({@code epsilon_high}; defaults to {@code epsilon}; DAPO's
 *     "clip-higher" uses 0.28)
 * @param lossType aggregation of token losses ({@code loss_type}; {@link LossType#DAPO}, TRL's
 *     current default)
 * @param scaleRewards what advantages are divided by ({@code scale_rewards}; {@link RewardScaling#GROUP})
 * @param rewardCombination how several rewards make one advantage ({@link RewardCombination#GRPO},
 *     TRL's weighted sum; GDPO is not in TRL)
 * @param rewardWeights weight of each reward ({@code reward_weights}; {@code null}: all 1)
 * @param dynamicWeightRate rate of {@link DynamicRewardWeights}; 0 for fixed weights (0)
 * @param filterZeroStdGroups train only on groups whose rewards differ (DAPO's dynamic sampling,
 *     without the resampling unless {@code maxGenerationRounds > 1}; false)
 * @param maxGenerationRounds with {@code filterZeroStdGroups}, the most generation batches one
 *     update may sample to gather {@code promptsPerBatch} groups whose rewards differ (DAPO's
 *     dynamic sampling with refill, Yu et al. 2025, Algorithm 1; verl's
 *     {@code max_num_gen_batches}); 1 for no refill (1)
 * @param temperature sampling temperature ({@code temperature}; 1.0)
 * @param topK sampling top-k, 0 for none ({@code top_k}; 0)
 * @param maxCompletionLength the most tokens a completion may have ({@code max_completion_length};
 *     256; a toy task needs far fewer)
 * @param learningRate Adam's step size ({@code learning_rate}; 1e-6)
 * @param adamEpsilon Adam's epsilon ({@code adam_epsilon}; 1e-8)
 * @param maxGradNorm global gradient-norm clip ({@code max_grad_norm}; 1.0)
 * @param seed seed of every random choice of the run ({@code seed}; 42)
 */
public record GrpoConfig(int numGenerations, int promptsPerBatch, int minibatches, int numIterations, double beta,
        double epsilon, double epsilonHigh, LossType lossType, RewardScaling scaleRewards,
        RewardCombination rewardCombination, double[] rewardWeights, double dynamicWeightRate,
        boolean filterZeroStdGroups, int maxGenerationRounds, double temperature, int topK, int maxCompletionLength,
        double learningRate, double adamEpsilon, double maxGradNorm, long seed) {

    public GrpoConfig {
        if (numGenerations < 2) {
            throw new IllegalArgumentException("numGenerations must be >= 2 (a group needs a spread), got " + numGenerations);
        }
        positive("promptsPerBatch", promptsPerBatch);
        positive("minibatches", minibatches);
        positive("numIterations", numIterations);
        positive("maxCompletionLength", maxCompletionLength);
        positive("maxGenerationRounds", maxGenerationRounds);
        if (maxGenerationRounds > 1 && !filterZeroStdGroups) {
            throw new IllegalArgumentException("maxGenerationRounds > 1 refills the batch with groups whose rewards differ,"
                    + " so it needs filterZeroStdGroups; got " + maxGenerationRounds + " rounds without it");
        }
        if (promptsPerBatch % minibatches != 0) {
            throw new IllegalArgumentException("minibatches must divide promptsPerBatch = " + promptsPerBatch
                    + " so that groups stay whole, got " + minibatches);
        }
        nonNegative("beta", beta);
        nonNegative("dynamicWeightRate", dynamicWeightRate);
        if (!(epsilon > 0 && epsilon < 1)) {
            throw new IllegalArgumentException("epsilon must be in (0, 1), got " + epsilon);
        }
        if (!(epsilonHigh > 0) || Double.isInfinite(epsilonHigh)) {
            throw new IllegalArgumentException("epsilonHigh must be finite and > 0, got " + epsilonHigh);
        }
        Objects.requireNonNull(lossType, "lossType");
        Objects.requireNonNull(scaleRewards, "scaleRewards");
        Objects.requireNonNull(rewardCombination, "rewardCombination");
        if (rewardWeights != null) {
            if (rewardWeights.length == 0 || Arrays.stream(rewardWeights).anyMatch(w -> !Double.isFinite(w))) {
                throw new IllegalArgumentException("rewardWeights must be finite, one per reward, got "
                        + Arrays.toString(rewardWeights));
            }
            rewardWeights = rewardWeights.clone();
        }
        if (!(temperature > 0) || Double.isInfinite(temperature)) {
            throw new IllegalArgumentException("temperature must be finite and > 0 (GRPO samples), got " + temperature);
        }
        if (topK < 0) {
            throw new IllegalArgumentException("topK must be >= 0 (0 for no limit), got " + topK);
        }
        if (!(learningRate > 0) || !(adamEpsilon > 0) || !(maxGradNorm > 0)) {
            throw new IllegalArgumentException("learningRate, adamEpsilon and maxGradNorm must be positive, got "
                    + learningRate + ", " + adamEpsilon + " and " + maxGradNorm);
        }
    }

    @Override
    public double[] rewardWeights() {
        return rewardWeights == null ? null : rewardWeights.clone();
    }

    /** The weights for {@code rewardCount} rewards: the configured ones, or all 1. */
    public double[] weightsFor(int rewardCount) {
        if (rewardWeights == null) {
            double[] ones = new double[rewardCount];
            Arrays.fill(ones, 1.0);
            return ones;
        }
        if (rewardWeights.length != rewardCount) {
            throw new IllegalArgumentException("rewardWeights has " + rewardWeights.length + " weights, the reward model "
                    + rewardCount + " rewards");
        }
        return rewardWeights.clone();
    }

    /** Completions per generation batch. */
    public int batchSize() {
        return numGenerations * promptsPerBatch;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GrpoConfig c && c.toString().equals(toString());
    }

    @Override
    public int hashCode() {
        return toString().hashCode();
    }

    @Override
    public String toString() {
        return "GrpoConfig[numGenerations=" + numGenerations + ", promptsPerBatch=" + promptsPerBatch + ", minibatches="
                + minibatches + ", numIterations=" + numIterations + ", beta=" + beta + ", epsilon=" + epsilon
                + ", epsilonHigh=" + epsilonHigh + ", lossType=" + lossType + ", scaleRewards=" + scaleRewards
                + ", rewardCombination=" + rewardCombination + ", rewardWeights=" + Arrays.toString(rewardWeights)
                + ", dynamicWeightRate=" + dynamicWeightRate + ", filterZeroStdGroups=" + filterZeroStdGroups
                + ", maxGenerationRounds=" + maxGenerationRounds
                + ", temperature=" + temperature + ", topK=" + topK + ", maxCompletionLength=" + maxCompletionLength
                + ", learningRate=" + learningRate + ", adamEpsilon=" + adamEpsilon + ", maxGradNorm=" + maxGradNorm
                + ", seed=" + seed + "]";
    }

    /** TRL's defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link GrpoConfig}, starting from TRL's defaults; {@code epsilonHigh} follows {@code epsilon} unless set. */
    public static final class Builder {
        private int numGenerations = 8;
        private int promptsPerBatch = 1;
        private int minibatches = 1;
        private int numIterations = 1;
        private double beta = 0.0;
        private double epsilon = 0.2;
        private Double epsilonHigh;
        private LossType lossType = LossType.DAPO;
        private RewardScaling scaleRewards = RewardScaling.GROUP;
        private RewardCombination rewardCombination = RewardCombination.GRPO;
        private double[] rewardWeights;
        private double dynamicWeightRate = 0;
        private boolean filterZeroStdGroups;
        private int maxGenerationRounds = 1;
        private double temperature = 1.0;
        private int topK;
        private int maxCompletionLength = 256;
        private double learningRate = 1e-6;
        private double adamEpsilon = 1e-8;
        private double maxGradNorm = 1.0;
        private long seed = 42;

        private Builder() {
        }

        public Builder numGenerations(int value) { numGenerations = value; return this; }
        public Builder promptsPerBatch(int value) { promptsPerBatch = value; return this; }
        public Builder minibatches(int value) { minibatches = value; return this; }
        public Builder numIterations(int value) { numIterations = value; return this; }
        public Builder beta(double value) { beta = value; return this; }
        public Builder epsilon(double value) { epsilon = value; return this; }
        public Builder epsilonHigh(double value) { epsilonHigh = value; return this; }
        public Builder lossType(LossType value) { lossType = value; return this; }
        public Builder scaleRewards(RewardScaling value) { scaleRewards = value; return this; }
        public Builder rewardCombination(RewardCombination value) { rewardCombination = value; return this; }
        public Builder rewardWeights(double... value) { rewardWeights = value.clone(); return this; }
        public Builder dynamicWeightRate(double value) { dynamicWeightRate = value; return this; }
        public Builder filterZeroStdGroups(boolean value) { filterZeroStdGroups = value; return this; }
        public Builder maxGenerationRounds(int value) { maxGenerationRounds = value; return this; }
        public Builder temperature(double value) { temperature = value; return this; }
        public Builder topK(int value) { topK = value; return this; }
        public Builder maxCompletionLength(int value) { maxCompletionLength = value; return this; }
        public Builder learningRate(double value) { learningRate = value; return this; }
        public Builder adamEpsilon(double value) { adamEpsilon = value; return this; }
        public Builder maxGradNorm(double value) { maxGradNorm = value; return this; }
        public Builder seed(long value) { seed = value; return this; }

        public GrpoConfig build() {
            return new GrpoConfig(numGenerations, promptsPerBatch, minibatches, numIterations, beta, epsilon,
                    epsilonHigh == null ? epsilon : epsilonHigh, lossType, scaleRewards, rewardCombination, rewardWeights,
                    dynamicWeightRate, filterZeroStdGroups, maxGenerationRounds, temperature, topK, maxCompletionLength,
                    learningRate, adamEpsilon, maxGradNorm, seed);
        }
    }
}

package io.github.jrl.algorithms.preference;

import java.util.Objects;

/**
 * DPO hyperparameters, immutable and validated. Defaults are TRL's {@code DPOConfig} (and the
 * Hugging Face {@code TrainingArguments} it extends) where TRL has one.
 *
 * @param lossType which loss of the family ({@code loss_type}; SIGMOID, the DPO paper's)
 * @param beta the KL coefficient, temperature of the implicit reward ({@code beta}; 0.1, as in
 *     Rafailov et al. 2023's experiments)
 * @param labelSmoothing assumed label-flip rate of cDPO and robust DPO ({@code label_smoothing}; 0)
 * @param rpoAlpha weight of RPO's per-token NLL of the chosen completion, 0 for plain DPO
 *     ({@code rpo_alpha}; none; TRL's documentation cites 1.0 from the RPO paper)
 * @param learningRate Adam step size ({@code learning_rate}; 1e-6, for billion-parameter models:
 *     the toy transformers of the text tasks want about 1e-4, see docs/preference.md)
 * @param batchSize pairs per update ({@code per_device_train_batch_size}; 8)
 * @param epochs passes over the pairs ({@code num_train_epochs}; 3)
 * @param maxGradNorm global gradient-norm clip ({@code max_grad_norm}; 1.0)
 * @param seed seed of the shuffling of the pairs
 */
public record DpoConfig(DpoLossType lossType, double beta, double labelSmoothing, double rpoAlpha, double learningRate,
        int batchSize, int epochs, double maxGradNorm, long seed) {

    public DpoConfig {
        Objects.requireNonNull(lossType, "lossType");
        if (!(rpoAlpha >= 0) || Double.isInfinite(rpoAlpha)) {
            throw new IllegalArgumentException("rpoAlpha must be finite and >= 0 (0 for no NLL term), got " + rpoAlpha);
        }
        if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
            throw new IllegalArgumentException("learningRate must be positive and finite, got " + learningRate);
        }
        if (batchSize <= 0 || epochs <= 0) {
            throw new IllegalArgumentException("batchSize and epochs must be positive, got " + batchSize + " and " + epochs);
        }
        if (!(maxGradNorm > 0)) {
            throw new IllegalArgumentException("maxGradNorm must be positive (infinity for no clipping), got " + maxGradNorm);
        }
        // the loss validates beta and whether its type takes label smoothing
        DpoLoss.pairwise(lossType, beta, labelSmoothing, new double[1], new double[1], new double[1], new double[1], 1,
                new double[1], new double[1]);
    }

    /** TRL's defaults. */
    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().lossType(lossType).beta(beta).labelSmoothing(labelSmoothing).rpoAlpha(rpoAlpha)
                .learningRate(learningRate).batchSize(batchSize).epochs(epochs).maxGradNorm(maxGradNorm).seed(seed);
    }

    /** Builds a {@link DpoConfig}; starts from TRL's defaults. */
    public static final class Builder {
        private DpoLossType lossType = DpoLossType.SIGMOID;
        private double beta = 0.1;
        private double labelSmoothing = 0;
        private double rpoAlpha = 0;
        private double learningRate = 1e-6;
        private int batchSize = 8;
        private int epochs = 3;
        private double maxGradNorm = 1.0;
        private long seed = 0;

        private Builder() {
        }

        public Builder lossType(DpoLossType v) {
            lossType = v;
            return this;
        }

        public Builder beta(double v) {
            beta = v;
            return this;
        }

        public Builder labelSmoothing(double v) {
            labelSmoothing = v;
            return this;
        }

        public Builder rpoAlpha(double v) {
            rpoAlpha = v;
            return this;
        }

        public Builder learningRate(double v) {
            learningRate = v;
            return this;
        }

        public Builder batchSize(int v) {
            batchSize = v;
            return this;
        }

        public Builder epochs(int v) {
            epochs = v;
            return this;
        }

        public Builder maxGradNorm(double v) {
            maxGradNorm = v;
            return this;
        }

        public Builder seed(long v) {
            seed = v;
            return this;
        }

        public DpoConfig build() {
            return new DpoConfig(lossType, beta, labelSmoothing, rpoAlpha, learningRate, batchSize, epochs, maxGradNorm, seed);
        }
    }
}

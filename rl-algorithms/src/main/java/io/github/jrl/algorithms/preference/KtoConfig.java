package io.github.jrl.algorithms.preference;

import io.github.jrl.algorithms.common.ConfigChecks;

/**
 * KTO hyperparameters, immutable and validated. Defaults are TRL's {@code KTOConfig} (and the
 * Hugging Face {@code TrainingArguments} it extends).
 *
 * @param beta temperature of the implicit reward ({@code beta}; 0.1, as Ethayarajh et al. 2024)
 * @param desirableWeight {@code lambda_D}, weight of the desirable examples' loss
 *     ({@code desirable_weight}; 1.0). The KTO paper (section 4.2) and TRL advise choosing
 *     the weights so that {@code lambda_D n_D / (lambda_U n_U)} lies in {@code [1, 4/3]}.
 * @param undesirableWeight {@code lambda_U} ({@code undesirable_weight}; 1.0)
 * @param learningRate Adam step size ({@code learning_rate}; 1e-6, for billion-parameter models:
 *     the toy transformers of the text tasks want about 1e-4, as for DPO)
 * @param batchSize examples per update ({@code per_device_train_batch_size}; 8). The reference
 *     point is estimated within the batch, so the KTO paper and TRL want batches of at least 2,
 *     better several.
 * @param epochs passes over the examples ({@code num_train_epochs}; 3)
 * @param maxGradNorm global gradient-norm clip ({@code max_grad_norm}; 1.0)
 * @param seed seed of the shuffling of the examples
 */
public record KtoConfig(double beta, double desirableWeight, double undesirableWeight, double learningRate, int batchSize,
        int epochs, double maxGradNorm, long seed) {

    public KtoConfig {
        for (double v : new double[] {beta, desirableWeight, undesirableWeight, learningRate}) {
            if (!(v > 0) || Double.isInfinite(v)) {
                throw new IllegalArgumentException("beta, desirableWeight, undesirableWeight and learningRate must be positive "
                        + "and finite, got " + beta + ", " + desirableWeight + ", " + undesirableWeight + ", " + learningRate);
            }
        }
        if (batchSize < 2) {
            throw new IllegalArgumentException("KTO estimates its reference point from mismatched pairs within a batch, so it "
                    + "needs batches of at least 2 examples, got batchSize " + batchSize);
        }
        ConfigChecks.positive("epochs", epochs);
        if (!(maxGradNorm > 0)) {
            throw new IllegalArgumentException("maxGradNorm must be positive (infinity for no clipping), got " + maxGradNorm);
        }
    }

    /** TRL's defaults. */
    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().beta(beta).desirableWeight(desirableWeight).undesirableWeight(undesirableWeight)
                .learningRate(learningRate).batchSize(batchSize).epochs(epochs).maxGradNorm(maxGradNorm).seed(seed);
    }

    /** Builds a {@link KtoConfig}; starts from TRL's defaults. */
    public static final class Builder {
        private double beta = 0.1;
        private double desirableWeight = 1.0;
        private double undesirableWeight = 1.0;
        private double learningRate = 1e-6;
        private int batchSize = 8;
        private int epochs = 3;
        private double maxGradNorm = 1.0;
        private long seed = 0;

        private Builder() {
        }

        public Builder beta(double v) {
            beta = v;
            return this;
        }

        public Builder desirableWeight(double v) {
            desirableWeight = v;
            return this;
        }

        public Builder undesirableWeight(double v) {
            undesirableWeight = v;
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

        public KtoConfig build() {
            return new KtoConfig(beta, desirableWeight, undesirableWeight, learningRate, batchSize, epochs, maxGradNorm, seed);
        }
    }
}

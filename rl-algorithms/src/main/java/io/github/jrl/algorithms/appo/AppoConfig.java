package io.github.jrl.algorithms.appo;

import static io.github.jrl.algorithms.common.ConfigChecks.nonNegative;
import static io.github.jrl.algorithms.common.ConfigChecks.positive;
import static io.github.jrl.algorithms.common.ConfigChecks.unit;

import io.github.jrl.nd4j.nn.Activation;
import java.util.Arrays;
import java.util.Objects;

/**
 * Hyperparameters of asynchronous PPO with V-trace (APPO), immutable and validated. Defaults are
 * RLlib's {@code APPOConfig} (over its {@code IMPALAConfig}) where RLlib has the setting, and the
 * IMPALA paper's (Espeholt et al. 2018) for the V-trace thresholds.
 *
 * @param numEnvs environment copies over all rollout workers (RLlib: 2 env runners x 1 env)
 * @param numSteps steps per copy per batch ({@code rollout_fragment_length}; 50)
 * @param numEpochs passes over each batch ({@code num_sgd_iter}; 1)
 * @param numMinibatches minibatches per pass, which must divide the batch's rows
 *     ({@code minibatch_buffer_size}; 1: one gradient step on the whole batch)
 * @param gamma discount ({@code gamma}; 0.99)
 * @param lambda V-trace's trace weight, {@code c_t = lambda min(cBar, rho_t)} ({@code lambda_}; 1.0)
 * @param vtrace the truncation thresholds rhoBar, cBar, pgRhoBar ({@code vtrace_clip_rho_threshold},
 *     {@code vtrace_clip_pg_rho_threshold}; the paper's c-bar: all 1.0)
 * @param clipRange surrogate clipping epsilon ({@code clip_param}; 0.4)
 * @param normalizeAdvantage per-minibatch advantage normalisation (RLlib's APPO: none)
 * @param entCoef entropy bonus weight ({@code entropy_coeff}; 0.01)
 * @param vfCoef value-loss weight ({@code vf_loss_coeff}; 0.5)
 * @param maxGradNorm global gradient-norm clip ({@code grad_clip}; 40)
 * @param learningRate Adam step size ({@code lr}; 5e-4)
 * @param adamEpsilon Adam epsilon (RLlib's Torch learner uses PyTorch's Adam default, 1e-8)
 * @param hiddenSizes hidden layers of actor and critic ({@code fcnet_hiddens}; [256, 256])
 * @param activation hidden activation ({@code fcnet_activation}; tanh)
 * @param maxPolicyLag batches collected more than this many policy versions before the learner's
 *     current one are dropped (and counted); jrl's own bound, 16 after RLlib's
 *     {@code learner_queue_size}, the most batches its learner lets wait
 * @param seed seed of every random choice of the learner
 */
public record AppoConfig(int numEnvs, int numSteps, int numEpochs, int numMinibatches, double gamma, double lambda,
        VTrace.Thresholds vtrace, double clipRange, boolean normalizeAdvantage, double entCoef, double vfCoef,
        double maxGradNorm, double learningRate, double adamEpsilon, int[] hiddenSizes, Activation activation,
        int maxPolicyLag, long seed) {

    public AppoConfig {
        positive("numEnvs", numEnvs);
        positive("numSteps", numSteps);
        positive("numEpochs", numEpochs);
        positive("numMinibatches", numMinibatches);
        unit("gamma", gamma);
        unit("lambda", lambda);
        Objects.requireNonNull(vtrace, "vtrace");
        Objects.requireNonNull(activation, "activation");
        if (!(clipRange > 0) || Double.isInfinite(clipRange)) {
            throw new IllegalArgumentException("clipRange must be finite and positive, got " + clipRange);
        }
        nonNegative("entCoef", entCoef);
        nonNegative("vfCoef", vfCoef);
        if (!(maxGradNorm > 0)) {
            throw new IllegalArgumentException("maxGradNorm must be positive, got " + maxGradNorm);
        }
        nonNegative("learningRate", learningRate);
        if (!(adamEpsilon > 0)) {
            throw new IllegalArgumentException("adamEpsilon must be positive, got " + adamEpsilon);
        }
        if (hiddenSizes.length == 0 || Arrays.stream(hiddenSizes).anyMatch(h -> h <= 0)) {
            throw new IllegalArgumentException("hiddenSizes must be non-empty and positive, got "
                    + Arrays.toString(hiddenSizes));
        }
        if (maxPolicyLag < 0) {
            throw new IllegalArgumentException("maxPolicyLag must be >= 0 (0 trains only on batches of the current"
                    + " policy), got " + maxPolicyLag);
        }
        hiddenSizes = hiddenSizes.clone();
    }

    @Override
    public int[] hiddenSizes() {
        return hiddenSizes.clone();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().numEnvs(numEnvs).numSteps(numSteps).numEpochs(numEpochs).numMinibatches(numMinibatches)
                .gamma(gamma).lambda(lambda).vtrace(vtrace).clipRange(clipRange).normalizeAdvantage(normalizeAdvantage)
                .entCoef(entCoef).vfCoef(vfCoef).maxGradNorm(maxGradNorm).learningRate(learningRate)
                .adamEpsilon(adamEpsilon).hiddenSizes(hiddenSizes).activation(activation).maxPolicyLag(maxPolicyLag)
                .seed(seed);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AppoConfig c && toString().equals(c.toString());
    }

    @Override
    public int hashCode() {
        return toString().hashCode();
    }

    @Override
    public String toString() {
        return "AppoConfig[numEnvs=" + numEnvs + ", numSteps=" + numSteps + ", numEpochs=" + numEpochs
                + ", numMinibatches=" + numMinibatches + ", gamma=" + gamma + ", lambda=" + lambda + ", vtrace=" + vtrace
                + ", clipRange=" + clipRange + ", normalizeAdvantage=" + normalizeAdvantage + ", entCoef=" + entCoef
                + ", vfCoef=" + vfCoef + ", maxGradNorm=" + maxGradNorm + ", learningRate=" + learningRate
                + ", adamEpsilon=" + adamEpsilon + ", hiddenSizes=" + Arrays.toString(hiddenSizes) + ", activation="
                + activation + ", maxPolicyLag=" + maxPolicyLag + ", seed=" + seed + "]";
    }

    /** Starts from the defaults above. */
    public static final class Builder {
        private int numEnvs = 2;
        private int numSteps = 50;
        private int numEpochs = 1;
        private int numMinibatches = 1;
        private double gamma = 0.99;
        private double lambda = 1.0;
        private VTrace.Thresholds vtrace = VTrace.Thresholds.DEFAULT;
        private double clipRange = 0.4;
        private boolean normalizeAdvantage;
        private double entCoef = 0.01;
        private double vfCoef = 0.5;
        private double maxGradNorm = 40;
        private double learningRate = 5e-4;
        private double adamEpsilon = 1e-8;
        private int[] hiddenSizes = {256, 256};
        private Activation activation = Activation.TANH;
        private int maxPolicyLag = 16;
        private long seed;

        public Builder numEnvs(int v) {
            numEnvs = v;
            return this;
        }

        public Builder numSteps(int v) {
            numSteps = v;
            return this;
        }

        public Builder numEpochs(int v) {
            numEpochs = v;
            return this;
        }

        public Builder numMinibatches(int v) {
            numMinibatches = v;
            return this;
        }

        public Builder gamma(double v) {
            gamma = v;
            return this;
        }

        public Builder lambda(double v) {
            lambda = v;
            return this;
        }

        public Builder vtrace(VTrace.Thresholds v) {
            vtrace = v;
            return this;
        }

        public Builder clipRange(double v) {
            clipRange = v;
            return this;
        }

        public Builder normalizeAdvantage(boolean v) {
            normalizeAdvantage = v;
            return this;
        }

        public Builder entCoef(double v) {
            entCoef = v;
            return this;
        }

        public Builder vfCoef(double v) {
            vfCoef = v;
            return this;
        }

        public Builder maxGradNorm(double v) {
            maxGradNorm = v;
            return this;
        }

        public Builder learningRate(double v) {
            learningRate = v;
            return this;
        }

        public Builder adamEpsilon(double v) {
            adamEpsilon = v;
            return this;
        }

        public Builder hiddenSizes(int... v) {
            hiddenSizes = v.clone();
            return this;
        }

        public Builder activation(Activation v) {
            activation = v;
            return this;
        }

        public Builder maxPolicyLag(int v) {
            maxPolicyLag = v;
            return this;
        }

        public Builder seed(long v) {
            seed = v;
            return this;
        }

        public AppoConfig build() {
            return new AppoConfig(numEnvs, numSteps, numEpochs, numMinibatches, gamma, lambda, vtrace, clipRange,
                    normalizeAdvantage, entCoef, vfCoef, maxGradNorm, learningRate, adamEpsilon, hiddenSizes, activation,
                    maxPolicyLag, seed);
        }
    }
}

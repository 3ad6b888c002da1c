package io.github.jrl.algorithms.ppo;

import static io.github.jrl.algorithms.common.ConfigChecks.nonNegative;
import static io.github.jrl.algorithms.common.ConfigChecks.positive;
import static io.github.jrl.algorithms.common.ConfigChecks.unit;

import io.github.jrl.core.schedule.Schedule;
import io.github.jrl.nd4j.nn.Activation;
import java.util.Arrays;
import java.util.Objects;

/**
 * PPO hyperparameters, immutable and validated. Defaults are Stable-Baselines3 2.x's
 * ({@code stable_baselines3/ppo/ppo.py} and {@code MlpPolicy}), which follow the paper's
 * MuJoCo settings (Schulman et al. 2017, table 3) and "The 37 Implementation Details of PPO"
 * (Huang et al. 2022). Presets from rl-baselines3-zoo are in {@link PpoPresets}.
 *
 * @param numEnvs parallel environment copies (zoo {@code n_envs}; default 1)
 * @param numSteps steps per copy per rollout ({@code n_steps}; 2048)
 * @param batchSize minibatch size ({@code batch_size}; 64); must divide {@code numEnvs * numSteps}
 * @param numEpochs passes over each rollout ({@code n_epochs}; 10)
 * @param gamma discount ({@code gamma}; 0.99)
 * @param gaeLambda GAE lambda ({@code gae_lambda}; 0.95)
 * @param clipRange surrogate clipping epsilon, a schedule ({@code clip_range}; 0.2)
 * @param clipRangeVf value clipping around the rollout's values; NaN for none ({@code clip_range_vf}; none)
 * @param normalizeAdvantage per-minibatch advantage normalisation ({@code normalize_advantage}; true)
 * @param entCoef entropy bonus weight ({@code ent_coef}; 0)
 * @param vfCoef value-loss weight ({@code vf_coef}; 0.5)
 * @param maxGradNorm global gradient-norm clip ({@code max_grad_norm}; 0.5)
 * @param targetKl stop the epochs of an update once approx. KL exceeds 1.5x this; NaN for none ({@code target_kl}; none)
 * @param learningRate Adam step size, a schedule ({@code learning_rate}; 3e-4)
 * @param adamEpsilon Adam epsilon (SB3 passes 1e-5 to PyTorch's Adam)
 * @param hiddenSizes hidden layers of both actor and critic ({@code net_arch}; [64, 64])
 * @param activation hidden activation ({@code activation_fn}; tanh)
 * @param logStdInit initial log-std of Gaussian policies ({@code log_std_init}; 0)
 * @param normalizeObservations VecNormalize observations (zoo {@code normalize}; false)
 * @param normalizeRewards VecNormalize rewards (zoo {@code normalize}; false)
 * @param seed seed of every random choice of the run
 */
public record PpoConfig(int numEnvs, int numSteps, int batchSize, int numEpochs, double gamma, double gaeLambda,
        Schedule clipRange, double clipRangeVf, boolean normalizeAdvantage, double entCoef, double vfCoef,
        double maxGradNorm, double targetKl, Schedule learningRate, double adamEpsilon, int[] hiddenSizes,
        Activation activation, double logStdInit, boolean normalizeObservations, boolean normalizeRewards, long seed) {

    public PpoConfig {
        positive("numEnvs", numEnvs);
        positive("numSteps", numSteps);
        positive("batchSize", batchSize);
        positive("numEpochs", numEpochs);
        if ((long) numEnvs * numSteps % batchSize != 0 || batchSize > numEnvs * numSteps) {
            throw new IllegalArgumentException("batchSize must divide numEnvs * numSteps = " + numEnvs * numSteps
                    + ", got " + batchSize);
        }
        unit("gamma", gamma);
        unit("gaeLambda", gaeLambda);
        Objects.requireNonNull(clipRange, "clipRange");
        Objects.requireNonNull(learningRate, "learningRate");
        Objects.requireNonNull(activation, "activation");
        if (!Double.isNaN(clipRangeVf) && !(clipRangeVf > 0 && Double.isFinite(clipRangeVf))) {
            throw new IllegalArgumentException("clipRangeVf must be positive or NaN (no value clipping), got " + clipRangeVf);
        }
        nonNegative("entCoef", entCoef);
        nonNegative("vfCoef", vfCoef);
        if (!(maxGradNorm > 0)) {
            throw new IllegalArgumentException("maxGradNorm must be positive (infinity for no clipping), got " + maxGradNorm);
        }
        if (!Double.isNaN(targetKl) && !(targetKl > 0 && Double.isFinite(targetKl))) {
            throw new IllegalArgumentException("targetKl must be positive or NaN (no early stop), got " + targetKl);
        }
        if (!(adamEpsilon > 0)) {
            throw new IllegalArgumentException("adamEpsilon must be positive, got " + adamEpsilon);
        }
        if (hiddenSizes.length == 0 || Arrays.stream(hiddenSizes).anyMatch(h -> h <= 0)) {
            throw new IllegalArgumentException("hiddenSizes must be non-empty and positive, got " + Arrays.toString(hiddenSizes));
        }
        if (!Double.isFinite(logStdInit)) {
            throw new IllegalArgumentException("logStdInit must be finite, got " + logStdInit);
        }
        hiddenSizes = hiddenSizes.clone();
    }

    /** Steps collected per update over all copies. */
    public int rolloutSize() {
        return numEnvs * numSteps;
    }

    @Override
    public int[] hiddenSizes() {
        return hiddenSizes.clone();
    }

    /** Stable-Baselines3's defaults. */
    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PpoConfig c && c.toBuilder().fieldsEqual(this);
    }

    @Override
    public int hashCode() {
        return Objects.hash(numEnvs, numSteps, batchSize, numEpochs, gamma, gaeLambda, clipRange, learningRate, seed);
    }

    @Override
    public String toString() {
        return "PpoConfig[numEnvs=" + numEnvs + ", numSteps=" + numSteps + ", batchSize=" + batchSize + ", numEpochs="
                + numEpochs + ", gamma=" + gamma + ", gaeLambda=" + gaeLambda + ", clipRange=" + clipRange
                + ", clipRangeVf=" + clipRangeVf + ", normalizeAdvantage=" + normalizeAdvantage + ", entCoef=" + entCoef
                + ", vfCoef=" + vfCoef + ", maxGradNorm=" + maxGradNorm + ", targetKl=" + targetKl + ", learningRate="
                + learningRate + ", adamEpsilon=" + adamEpsilon + ", hiddenSizes=" + Arrays.toString(hiddenSizes)
                + ", activation=" + activation + ", logStdInit=" + logStdInit + ", normalizeObservations="
                + normalizeObservations + ", normalizeRewards=" + normalizeRewards + ", seed=" + seed + "]";
    }

    /** Builds a {@link PpoConfig}; starts from Stable-Baselines3's defaults. */
    public static final class Builder {
        private int numEnvs = 1;
        private int numSteps = 2048;
        private int batchSize = 64;
        private int numEpochs = 10;
        private double gamma = 0.99;
        private double gaeLambda = 0.95;
        private Schedule clipRange = Schedule.constant(0.2);
        private double clipRangeVf = Double.NaN;
        private boolean normalizeAdvantage = true;
        private double entCoef = 0.0;
        private double vfCoef = 0.5;
        private double maxGradNorm = 0.5;
        private double targetKl = Double.NaN;
        private Schedule learningRate = Schedule.constant(3e-4);
        private double adamEpsilon = 1e-5;
        private int[] hiddenSizes = {64, 64};
        private Activation activation = Activation.TANH;
        private double logStdInit = 0.0;
        private boolean normalizeObservations = false;
        private boolean normalizeRewards = false;
        private long seed = 0;

        private Builder() {
        }

        private Builder(PpoConfig c) {
            numEnvs = c.numEnvs;
            numSteps = c.numSteps;
            batchSize = c.batchSize;
            numEpochs = c.numEpochs;
            gamma = c.gamma;
            gaeLambda = c.gaeLambda;
            clipRange = c.clipRange;
            clipRangeVf = c.clipRangeVf;
            normalizeAdvantage = c.normalizeAdvantage;
            entCoef = c.entCoef;
            vfCoef = c.vfCoef;
            maxGradNorm = c.maxGradNorm;
            targetKl = c.targetKl;
            learningRate = c.learningRate;
            adamEpsilon = c.adamEpsilon;
            hiddenSizes = c.hiddenSizes.clone();
            activation = c.activation;
            logStdInit = c.logStdInit;
            normalizeObservations = c.normalizeObservations;
            normalizeRewards = c.normalizeRewards;
            seed = c.seed;
        }

        private boolean fieldsEqual(PpoConfig c) {
            return numEnvs == c.numEnvs && numSteps == c.numSteps && batchSize == c.batchSize && numEpochs == c.numEpochs
                    && Double.compare(gamma, c.gamma) == 0 && Double.compare(gaeLambda, c.gaeLambda) == 0
                    && clipRange.equals(c.clipRange) && Double.compare(clipRangeVf, c.clipRangeVf) == 0
                    && normalizeAdvantage == c.normalizeAdvantage && Double.compare(entCoef, c.entCoef) == 0
                    && Double.compare(vfCoef, c.vfCoef) == 0 && Double.compare(maxGradNorm, c.maxGradNorm) == 0
                    && Double.compare(targetKl, c.targetKl) == 0 && learningRate.equals(c.learningRate)
                    && Double.compare(adamEpsilon, c.adamEpsilon) == 0 && Arrays.equals(hiddenSizes, c.hiddenSizes)
                    && activation == c.activation && Double.compare(logStdInit, c.logStdInit) == 0
                    && normalizeObservations == c.normalizeObservations && normalizeRewards == c.normalizeRewards
                    && seed == c.seed;
        }

        public Builder numEnvs(int v) {
            numEnvs = v;
            return this;
        }

        public Builder numSteps(int v) {
            numSteps = v;
            return this;
        }

        public Builder batchSize(int v) {
            batchSize = v;
            return this;
        }

        public Builder numEpochs(int v) {
            numEpochs = v;
            return this;
        }

        public Builder gamma(double v) {
            gamma = v;
            return this;
        }

        public Builder gaeLambda(double v) {
            gaeLambda = v;
            return this;
        }

        public Builder clipRange(Schedule v) {
            clipRange = v;
            return this;
        }

        public Builder clipRangeVf(double v) {
            clipRangeVf = v;
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

        public Builder targetKl(double v) {
            targetKl = v;
            return this;
        }

        public Builder learningRate(Schedule v) {
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

        public Builder logStdInit(double v) {
            logStdInit = v;
            return this;
        }

        public Builder normalizeObservations(boolean v) {
            normalizeObservations = v;
            return this;
        }

        public Builder normalizeRewards(boolean v) {
            normalizeRewards = v;
            return this;
        }

        public Builder seed(long v) {
            seed = v;
            return this;
        }

        public PpoConfig build() {
            return new PpoConfig(numEnvs, numSteps, batchSize, numEpochs, gamma, gaeLambda, clipRange, clipRangeVf,
                    normalizeAdvantage, entCoef, vfCoef, maxGradNorm, targetKl, learningRate, adamEpsilon, hiddenSizes,
                    activation, logStdInit, normalizeObservations, normalizeRewards, seed);
        }
    }
}

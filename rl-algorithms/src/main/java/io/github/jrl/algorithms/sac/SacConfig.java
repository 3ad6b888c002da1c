package io.github.jrl.algorithms.sac;

import static io.github.jrl.algorithms.common.ConfigChecks.positive;
import static io.github.jrl.algorithms.common.ConfigChecks.unit;

import io.github.jrl.core.schedule.Schedule;
import io.github.jrl.nd4j.nn.Activation;
import java.util.List;
import java.util.Objects;

/**
 * SAC hyperparameters, immutable and validated. Defaults are Stable-Baselines3 2.x's
 * ({@code stable_baselines3/sac/sac.py} and its {@code MlpPolicy}), which follow Haarnoja et al.
 * 2018, "Soft Actor-Critic Algorithms and Applications" (table 1: Adam 3e-4, 256-256 ReLU
 * networks, batch 256, buffer 1e6, gamma 0.99, tau 0.005, one gradient step per environment
 * step, target entropy {@code -dim(A)}). Discrete action spaces get discrete SAC (Christodoulou
 * 2019, "Soft Actor-Critic for Discrete Action Settings"). Presets are in {@link SacPresets}.
 *
 * @param numEnvs environment copies stepped together ({@code n_envs}; 1)
 * @param bufferSize replay capacity in transitions ({@code buffer_size}; 1e6)
 * @param learningStarts environment steps of uniformly random actions before learning
 *     ({@code learning_starts}; 100)
 * @param batchSize transitions per gradient step ({@code batch_size}; 256)
 * @param tau Polyak coefficient of the target critics ({@code tau}; 0.005)
 * @param gamma discount ({@code gamma}; 0.99)
 * @param trainFreq vector-env steps between training rounds ({@code train_freq}; 1)
 * @param gradientSteps gradient steps per training round ({@code gradient_steps}; 1)
 * @param targetUpdateInterval gradient steps between target updates ({@code target_update_interval}; 1)
 * @param learningRate Adam step size of actor, critics and temperature, a schedule over the run
 *     ({@code learning_rate}; 3e-4)
 * @param adamEpsilon Adam epsilon (SB3 keeps PyTorch's 1e-8)
 * @param entCoef the temperature alpha: its initial value when {@code autoEntCoef}, else fixed
 *     ({@code ent_coef}: "auto" starts at 1.0)
 * @param autoEntCoef learn alpha against {@code targetEntropy} (SB3's {@code ent_coef="auto"}; true)
 * @param targetEntropy entropy the temperature aims at; NaN for the reference's choice:
 *     {@code -dim(A)} for boxes (SB3's "auto"), {@code 0.89 * log(n)} for {@code n} discrete
 *     actions (CleanRL's {@code sac_atari.py}, {@code target_entropy_scale = 0.89})
 * @param hiddenSizes hidden layers of the actor and of each critic ({@code net_arch}; [256, 256])
 * @param activation hidden activation ({@code activation_fn}; ReLU)
 * @param explorationNoise the noise that drives the squashed Gaussian while collecting (white, as
 *     SAC; pink as an option, see {@link ExplorationNoise}); training always uses white noise
 * @param noiseSequenceLength length of each coloured-noise sequence, ideally the episode length
 *     (the pink-noise reference uses the environment's time limit; 1000)
 * @param seed seed of every random choice of the run
 */
public record SacConfig(int numEnvs, int bufferSize, int learningStarts, int batchSize, double tau, double gamma,
        int trainFreq, int gradientSteps, int targetUpdateInterval, Schedule learningRate, double adamEpsilon,
        double entCoef, boolean autoEntCoef, double targetEntropy, List<Integer> hiddenSizes, Activation activation,
        ExplorationNoise explorationNoise, int noiseSequenceLength, long seed) {

    public SacConfig {
        positive("numEnvs", numEnvs);
        positive("bufferSize", bufferSize);
        if (learningStarts < 0) {
            throw new IllegalArgumentException("learningStarts must be >= 0, got " + learningStarts);
        }
        positive("batchSize", batchSize);
        unit("tau", tau);
        unit("gamma", gamma);
        positive("trainFreq", trainFreq);
        positive("gradientSteps", gradientSteps);
        positive("targetUpdateInterval", targetUpdateInterval);
        Objects.requireNonNull(learningRate, "learningRate");
        Objects.requireNonNull(activation, "activation");
        Objects.requireNonNull(explorationNoise, "explorationNoise");
        if (!(adamEpsilon > 0) || Double.isInfinite(adamEpsilon)) {
            throw new IllegalArgumentException("adamEpsilon must be positive and finite, got " + adamEpsilon);
        }
        if (!(entCoef > 0) || Double.isInfinite(entCoef)) {
            throw new IllegalArgumentException("entCoef (the temperature alpha) must be positive and finite, got "
                    + entCoef);
        }
        if (Double.isInfinite(targetEntropy)) {
            throw new IllegalArgumentException("targetEntropy must be finite, or NaN for the reference's choice, got "
                    + targetEntropy);
        }
        hiddenSizes = List.copyOf(hiddenSizes);
        if (hiddenSizes.isEmpty() || hiddenSizes.stream().anyMatch(h -> h <= 0)) {
            throw new IllegalArgumentException("hiddenSizes must be non-empty and positive, got " + hiddenSizes);
        }
        positive("noiseSequenceLength", noiseSequenceLength);
    }

    /** Hidden sizes as an array, for building networks. */
    public int[] hiddenLayers() {
        return hiddenSizes.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Stable-Baselines3's defaults. */
    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Builds a {@link SacConfig}; starts from Stable-Baselines3's defaults. */
    public static final class Builder {
        private int numEnvs = 1;
        private int bufferSize = 1_000_000;
        private int learningStarts = 100;
        private int batchSize = 256;
        private double tau = 0.005;
        private double gamma = 0.99;
        private int trainFreq = 1;
        private int gradientSteps = 1;
        private int targetUpdateInterval = 1;
        private Schedule learningRate = Schedule.constant(3e-4);
        private double adamEpsilon = 1e-8;
        private double entCoef = 1.0;
        private boolean autoEntCoef = true;
        private double targetEntropy = Double.NaN;
        private List<Integer> hiddenSizes = List.of(256, 256);
        private Activation activation = Activation.RELU;
        private ExplorationNoise explorationNoise = ExplorationNoise.WHITE;
        private int noiseSequenceLength = 1000;
        private long seed = 0;

        private Builder() {
        }

        private Builder(SacConfig c) {
            numEnvs = c.numEnvs;
            bufferSize = c.bufferSize;
            learningStarts = c.learningStarts;
            batchSize = c.batchSize;
            tau = c.tau;
            gamma = c.gamma;
            trainFreq = c.trainFreq;
            gradientSteps = c.gradientSteps;
            targetUpdateInterval = c.targetUpdateInterval;
            learningRate = c.learningRate;
            adamEpsilon = c.adamEpsilon;
            entCoef = c.entCoef;
            autoEntCoef = c.autoEntCoef;
            targetEntropy = c.targetEntropy;
            hiddenSizes = c.hiddenSizes;
            activation = c.activation;
            explorationNoise = c.explorationNoise;
            noiseSequenceLength = c.noiseSequenceLength;
            seed = c.seed;
        }

        public Builder numEnvs(int v) {
            numEnvs = v;
            return this;
        }

        public Builder bufferSize(int v) {
            bufferSize = v;
            return this;
        }

        public Builder learningStarts(int v) {
            learningStarts = v;
            return this;
        }

        public Builder batchSize(int v) {
            batchSize = v;
            return this;
        }

        public Builder tau(double v) {
            tau = v;
            return this;
        }

        public Builder gamma(double v) {
            gamma = v;
            return this;
        }

        public Builder trainFreq(int v) {
            trainFreq = v;
            return this;
        }

        public Builder gradientSteps(int v) {
            gradientSteps = v;
            return this;
        }

        public Builder targetUpdateInterval(int v) {
            targetUpdateInterval = v;
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

        /** A fixed temperature alpha (SB3's numeric {@code ent_coef}). */
        public Builder fixedEntCoef(double alpha) {
            entCoef = alpha;
            autoEntCoef = false;
            return this;
        }

        /** A learned temperature starting at {@code initial} (SB3's {@code ent_coef="auto_<initial>"}). */
        public Builder autoEntCoef(double initial) {
            entCoef = initial;
            autoEntCoef = true;
            return this;
        }

        public Builder targetEntropy(double v) {
            targetEntropy = v;
            return this;
        }

        public Builder hiddenSizes(Integer... v) {
            hiddenSizes = List.of(v);
            return this;
        }

        public Builder activation(Activation v) {
            activation = v;
            return this;
        }

        public Builder explorationNoise(ExplorationNoise v) {
            explorationNoise = v;
            return this;
        }

        public Builder noiseSequenceLength(int v) {
            noiseSequenceLength = v;
            return this;
        }

        public Builder seed(long v) {
            seed = v;
            return this;
        }

        public SacConfig build() {
            return new SacConfig(numEnvs, bufferSize, learningStarts, batchSize, tau, gamma, trainFreq, gradientSteps,
                    targetUpdateInterval, learningRate, adamEpsilon, entCoef, autoEntCoef, targetEntropy, hiddenSizes,
                    activation, explorationNoise, noiseSequenceLength, seed);
        }
    }
}

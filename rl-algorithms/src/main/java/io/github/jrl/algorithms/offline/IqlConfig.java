package io.github.jrl.algorithms.offline;

import static io.github.jrl.algorithms.common.ConfigChecks.nonNegative;
import static io.github.jrl.algorithms.common.ConfigChecks.positive;
import static io.github.jrl.algorithms.common.ConfigChecks.unit;

import io.github.jrl.nd4j.nn.Activation;
import java.util.List;
import java.util.Objects;

/**
 * IQL hyperparameters, immutable and validated. Defaults are the locomotion ones of Kostrikov,
 * Nair & Levine 2021, "Offline Reinforcement Learning with Implicit Q-Learning" (appendix B:
 * expectile 0.7, inverse temperature 3.0, Adam 3e-4 for all networks, 256-256 ReLU networks,
 * batch 256, Polyak 0.005, cosine schedule of the actor's rate), as CORL's
 * {@code algorithms/offline/iql.py} {@code TrainConfig} and the official
 * github.com/ikostrikov/implicit_q_learning {@code configs/mujoco_config.py} set them.
 *
 * @param batchSize transitions per gradient step ({@code batch_size}; 256)
 * @param gamma discount ({@code discount}; 0.99)
 * @param tau Polyak coefficient of the target critics ({@code tau}; 0.005)
 * @param expectile the expectile of the value regression ({@code iql_tau}, the paper's tau; 0.7
 *     for locomotion, 0.9 for AntMaze)
 * @param beta inverse temperature of the advantage weights {@code exp(beta A)} ({@code beta}; 3.0
 *     for locomotion, 10.0 for AntMaze)
 * @param maxWeight clip of the advantage weights ({@code EXP_ADV_MAX}; 100)
 * @param actorLr Adam step size of the actor ({@code actor_lr}; 3e-4)
 * @param qfLr Adam step size of the twin critics ({@code qf_lr}; 3e-4)
 * @param vfLr Adam step size of the value function ({@code vf_lr}; 3e-4)
 * @param actorLrDecaySteps length of the cosine decay of the actor's rate to 0
 *     ({@code CosineAnnealingLR(actor_optimizer, max_timesteps)}; 1e6, CORL's run length); after it
 *     the rate stays 0, so a run that continues online should cover both phases; 0 keeps it constant
 * @param hiddenSizes hidden layers of the actor, of each critic and of the value function
 *     ([256, 256])
 * @param activation hidden activation (ReLU)
 * @param normalizeStates standardise observations with the dataset's statistics
 *     ({@code normalize}; true)
 * @param seed seed of the networks' initialisation
 */
public record IqlConfig(int batchSize, double gamma, double tau, double expectile, double beta, double maxWeight,
        double actorLr, double qfLr, double vfLr, int actorLrDecaySteps, List<Integer> hiddenSizes,
        Activation activation, boolean normalizeStates, long seed) {

    public IqlConfig {
        positive("batchSize", batchSize);
        unit("gamma", gamma);
        unit("tau", tau);
        if (!(expectile > 0 && expectile < 1)) {
            throw new IllegalArgumentException("expectile must be in (0, 1), got " + expectile);
        }
        nonNegative("beta", beta);
        if (!(maxWeight > 0) || Double.isInfinite(maxWeight)) {
            throw new IllegalArgumentException("maxWeight must be positive and finite, got " + maxWeight);
        }
        for (double rate : new double[] {actorLr, qfLr, vfLr}) {
            if (!(rate > 0) || Double.isInfinite(rate)) {
                throw new IllegalArgumentException("learning rates must be positive and finite, got actorLr="
                        + actorLr + ", qfLr=" + qfLr + ", vfLr=" + vfLr);
            }
        }
        if (actorLrDecaySteps < 0) {
            throw new IllegalArgumentException("actorLrDecaySteps must be >= 0 (0 for a constant rate), got "
                    + actorLrDecaySteps);
        }
        hiddenSizes = List.copyOf(hiddenSizes);
        if (hiddenSizes.isEmpty() || hiddenSizes.stream().anyMatch(h -> h <= 0)) {
            throw new IllegalArgumentException("hiddenSizes must be non-empty and positive, got " + hiddenSizes);
        }
        Objects.requireNonNull(activation, "activation");
    }

    /** Hidden sizes as an array, for building networks. */
    public int[] hiddenLayers() {
        return hiddenSizes.stream().mapToInt(Integer::intValue).toArray();
    }

    /**
     * The actor's rate after {@code step} updates: {@code actorLr (1 + cos(pi step / T)) / 2} over
     * {@code T = actorLrDecaySteps}, PyTorch's {@code CosineAnnealingLR} with {@code eta_min = 0}.
     */
    public double actorLearningRate(long step) {
        if (actorLrDecaySteps == 0) {
            return actorLr;
        }
        double progress = Math.min(1.0, (double) step / actorLrDecaySteps);
        return actorLr * 0.5 * (1 + Math.cos(Math.PI * progress));
    }

    /** The paper's locomotion defaults. */
    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Builds an {@link IqlConfig}; starts from the paper's locomotion defaults. */
    public static final class Builder {
        private int batchSize = 256;
        private double gamma = 0.99;
        private double tau = 0.005;
        private double expectile = 0.7;
        private double beta = 3.0;
        private double maxWeight = 100.0;
        private double actorLr = 3e-4;
        private double qfLr = 3e-4;
        private double vfLr = 3e-4;
        private int actorLrDecaySteps = 1_000_000;
        private List<Integer> hiddenSizes = List.of(256, 256);
        private Activation activation = Activation.RELU;
        private boolean normalizeStates = true;
        private long seed = 0;

        private Builder() {
        }

        private Builder(IqlConfig c) {
            batchSize = c.batchSize;
            gamma = c.gamma;
            tau = c.tau;
            expectile = c.expectile;
            beta = c.beta;
            maxWeight = c.maxWeight;
            actorLr = c.actorLr;
            qfLr = c.qfLr;
            vfLr = c.vfLr;
            actorLrDecaySteps = c.actorLrDecaySteps;
            hiddenSizes = c.hiddenSizes;
            activation = c.activation;
            normalizeStates = c.normalizeStates;
            seed = c.seed;
        }

        public Builder batchSize(int v) {
            batchSize = v;
            return this;
        }

        public Builder gamma(double v) {
            gamma = v;
            return this;
        }

        public Builder tau(double v) {
            tau = v;
            return this;
        }

        public Builder expectile(double v) {
            expectile = v;
            return this;
        }

        public Builder beta(double v) {
            beta = v;
            return this;
        }

        public Builder maxWeight(double v) {
            maxWeight = v;
            return this;
        }

        /** One Adam rate for the actor, the critics and the value function. */
        public Builder learningRate(double v) {
            actorLr = v;
            qfLr = v;
            vfLr = v;
            return this;
        }

        public Builder actorLrDecaySteps(int v) {
            actorLrDecaySteps = v;
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

        public Builder normalizeStates(boolean v) {
            normalizeStates = v;
            return this;
        }

        public Builder seed(long v) {
            seed = v;
            return this;
        }

        public IqlConfig build() {
            return new IqlConfig(batchSize, gamma, tau, expectile, beta, maxWeight, actorLr, qfLr, vfLr,
                    actorLrDecaySteps, hiddenSizes, activation, normalizeStates, seed);
        }
    }
}

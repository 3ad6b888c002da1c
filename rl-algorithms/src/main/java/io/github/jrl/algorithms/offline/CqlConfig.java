package io.github.jrl.algorithms.offline;

import static io.github.jrl.algorithms.common.ConfigChecks.positive;
import static io.github.jrl.algorithms.common.ConfigChecks.unit;

import io.github.jrl.algorithms.sac.SacConfig;
import io.github.jrl.core.schedule.Schedule;
import io.github.jrl.nd4j.nn.Activation;
import java.util.List;
import java.util.Objects;

/**
 * Continuous CQL hyperparameters, immutable and validated: SAC's networks and temperature plus
 * the conservative penalty (Kumar et al. 2020, "Conservative Q-Learning for Offline Reinforcement
 * Learning", CQL(H), appendix F). Defaults are CORL's {@code algorithms/offline/cql.py}
 * {@code TrainConfig} (github.com/tinkoff-ai/CORL, itself a port of Geng's
 * github.com/young-geng/CQL), the configuration its D4RL locomotion results use.
 *
 * @param batchSize transitions per gradient step ({@code batch_size}; 256)
 * @param gamma discount ({@code discount}; 0.99)
 * @param tau Polyak coefficient of the target critics ({@code soft_target_update_rate}; 5e-3),
 *     updated every step ({@code target_update_period}; 1)
 * @param policyLr Adam step size of the actor and of the temperature ({@code policy_lr}; 3e-5)
 * @param qfLr Adam step size of the critics and of the Lagrange multiplier ({@code qf_lr}; 3e-4)
 * @param hiddenSizes hidden layers of the actor and of each critic (CORL: three of 256,
 *     {@code q_n_hidden_layers = 3} and {@code TanhGaussianPolicy}'s three)
 * @param activation hidden activation (ReLU)
 * @param autoEntropy learn the SAC temperature against {@code -dim(A)}, starting at 1
 *     ({@code use_automatic_entropy_tuning}; true; {@code log_alpha} starts at 0); else fixed at 1
 *     ({@code alpha_multiplier}; 1)
 * @param backupEntropy subtract {@code alpha log pi(a'|s')} in the TD target
 *     ({@code backup_entropy}; false)
 * @param numSampledActions actions sampled per state from each of the three proposals (uniform,
 *     the policy at {@code s}, the policy at {@code s'}) for the log-sum-exp
 *     ({@code cql_n_actions}; 10)
 * @param cqlAlpha weight of the conservative gap ({@code cql_alpha}, the paper's alpha; 10.0);
 *     with {@code lagrange} it multiplies the learned {@code alpha'}
 * @param cqlTemperature temperature of the log-sum-exp ({@code cql_temp}; 1.0)
 * @param lagrange tune the weight against {@code targetActionGap} (CQL-Lagrange, the paper's
 *     eq. 30; {@code cql_lagrange}; false)
 * @param targetActionGap the gap the Lagrangian weight aims at ({@code cql_target_action_gap};
 *     -1.0, CORL's placeholder: set it, e.g. 5 or 10 as the paper's appendix F, when using
 *     {@code lagrange})
 * @param clipDiffMin lower clamp of each row's gap ({@code cql_clip_diff_min}; -inf)
 * @param clipDiffMax upper clamp of each row's gap ({@code cql_clip_diff_max}; +inf)
 * @param normalizeStates standardise observations with the dataset's statistics
 *     ({@code normalize}; true)
 * @param seed seed of the networks' initialisation and of every sampled action
 */
public record CqlConfig(int batchSize, double gamma, double tau, double policyLr, double qfLr,
        List<Integer> hiddenSizes, Activation activation, boolean autoEntropy, boolean backupEntropy,
        int numSampledActions, double cqlAlpha, double cqlTemperature, boolean lagrange, double targetActionGap,
        double clipDiffMin, double clipDiffMax, boolean normalizeStates, long seed) {

    public CqlConfig {
        positive("batchSize", batchSize);
        unit("gamma", gamma);
        unit("tau", tau);
        positiveFinite("policyLr", policyLr);
        positiveFinite("qfLr", qfLr);
        hiddenSizes = List.copyOf(hiddenSizes);
        if (hiddenSizes.isEmpty() || hiddenSizes.stream().anyMatch(h -> h <= 0)) {
            throw new IllegalArgumentException("hiddenSizes must be non-empty and positive, got " + hiddenSizes);
        }
        Objects.requireNonNull(activation, "activation");
        positive("numSampledActions", numSampledActions);
        if (!(cqlAlpha >= 0) || Double.isInfinite(cqlAlpha)) {
            throw new IllegalArgumentException("cqlAlpha must be finite and >= 0, got " + cqlAlpha);
        }
        positiveFinite("cqlTemperature", cqlTemperature);
        if (!Double.isFinite(targetActionGap)) {
            throw new IllegalArgumentException("targetActionGap must be finite, got " + targetActionGap);
        }
        if (Double.isNaN(clipDiffMin) || Double.isNaN(clipDiffMax) || !(clipDiffMin < clipDiffMax)) {
            throw new IllegalArgumentException("need clipDiffMin < clipDiffMax (infinite for no clamp), got "
                    + clipDiffMin + " and " + clipDiffMax);
        }
    }

    private static void positiveFinite(String name, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " must be positive and finite, got " + value);
        }
    }

    /**
     * The SAC part: the networks, the targets' Polyak rate and the critics' learning rate that
     * {@link CqlLearner} builds its {@link io.github.jrl.algorithms.sac.ContinuousSacLearner} from.
     */
    public SacConfig sacConfig() {
        Integer[] hidden = hiddenSizes.toArray(new Integer[0]);
        SacConfig.Builder builder = SacConfig.builder().batchSize(batchSize).gamma(gamma).tau(tau)
                .learningRate(Schedule.constant(qfLr)).hiddenSizes(hidden).activation(activation).seed(seed);
        return (autoEntropy ? builder.autoEntCoef(1.0) : builder.fixedEntCoef(1.0)).build();
    }

    /** CORL's defaults. */
    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Builds a {@link CqlConfig}; starts from CORL's defaults. */
    public static final class Builder {
        private int batchSize = 256;
        private double gamma = 0.99;
        private double tau = 5e-3;
        private double policyLr = 3e-5;
        private double qfLr = 3e-4;
        private List<Integer> hiddenSizes = List.of(256, 256, 256);
        private Activation activation = Activation.RELU;
        private boolean autoEntropy = true;
        private boolean backupEntropy = false;
        private int numSampledActions = 10;
        private double cqlAlpha = 10.0;
        private double cqlTemperature = 1.0;
        private boolean lagrange = false;
        private double targetActionGap = -1.0;
        private double clipDiffMin = Double.NEGATIVE_INFINITY;
        private double clipDiffMax = Double.POSITIVE_INFINITY;
        private boolean normalizeStates = true;
        private long seed = 0;

        private Builder() {
        }

        private Builder(CqlConfig c) {
            batchSize = c.batchSize;
            gamma = c.gamma;
            tau = c.tau;
            policyLr = c.policyLr;
            qfLr = c.qfLr;
            hiddenSizes = c.hiddenSizes;
            activation = c.activation;
            autoEntropy = c.autoEntropy;
            backupEntropy = c.backupEntropy;
            numSampledActions = c.numSampledActions;
            cqlAlpha = c.cqlAlpha;
            cqlTemperature = c.cqlTemperature;
            lagrange = c.lagrange;
            targetActionGap = c.targetActionGap;
            clipDiffMin = c.clipDiffMin;
            clipDiffMax = c.clipDiffMax;
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

        public Builder policyLr(double v) {
            policyLr = v;
            return this;
        }

        public Builder qfLr(double v) {
            qfLr = v;
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

        public Builder autoEntropy(boolean v) {
            autoEntropy = v;
            return this;
        }

        public Builder backupEntropy(boolean v) {
            backupEntropy = v;
            return this;
        }

        public Builder numSampledActions(int v) {
            numSampledActions = v;
            return this;
        }

        public Builder cqlAlpha(double v) {
            cqlAlpha = v;
            return this;
        }

        public Builder cqlTemperature(double v) {
            cqlTemperature = v;
            return this;
        }

        /** CQL-Lagrange: tune the conservative weight so that the gap approaches {@code targetGap}. */
        public Builder lagrange(double targetGap) {
            lagrange = true;
            targetActionGap = targetGap;
            return this;
        }

        public Builder clipDiff(double min, double max) {
            clipDiffMin = min;
            clipDiffMax = max;
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

        public CqlConfig build() {
            return new CqlConfig(batchSize, gamma, tau, policyLr, qfLr, hiddenSizes, activation, autoEntropy,
                    backupEntropy, numSampledActions, cqlAlpha, cqlTemperature, lagrange, targetActionGap,
                    clipDiffMin, clipDiffMax, normalizeStates, seed);
        }
    }
}

package io.github.jrl.algorithms.offline;

import io.github.jrl.algorithms.sac.ContinuousSacLearner;
import io.github.jrl.algorithms.sac.Sac;
import io.github.jrl.algorithms.sac.SacLoss;
import io.github.jrl.algorithms.sac.Temperature;
import io.github.jrl.core.buffer.ReplayBuffer;
import io.github.jrl.core.checkpoint.StateCodec;
import io.github.jrl.core.dataset.OfflineDataset;
import io.github.jrl.core.parallel.WorkerTeam;
import io.github.jrl.core.policy.Policy;
import io.github.jrl.core.random.Rng;
import io.github.jrl.core.space.Box;
import io.github.jrl.nd4j.dist.TanhGaussian;
import io.github.jrl.nd4j.nn.MlpSnapshot;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Continuous CQL(H) on SAC (Kumar et al. 2020, "Conservative Q-Learning for Offline Reinforcement
 * Learning"), as CORL's {@code algorithms/offline/cql.py}: SAC's gradient step
 * ({@link ContinuousSacLearner}: twin critics, Polyak targets, tanh-Gaussian actor, learned
 * temperature) with the critics' loss extended by the conservative gap
 * {@link CqlLoss#conservativeGap}: the importance-sampled log-sum-exp of each critic over
 * {@code numSampledActions} uniform actions, as many policy actions at {@code s} and as many at
 * {@code s'} (all evaluated at {@code s}), minus its value of the dataset action, weighted by
 * {@code cqlAlpha} (or {@code alpha' cqlAlpha} with the Lagrangian, {@link CqlLoss#lagrange}).
 *
 * <p>Where it follows SAC rather than CORL: the critics step before the actor (CORL steps the
 * actor first, against the pre-update critics); the loss is {@code 0.5 (mse1 + mse2 + w gap1 + w
 * gap2)}, CORL's halved, which Adam does not see; networks start from PyTorch's default
 * initialisation (CORL's orthogonal option is not offered); no behaviour-cloning warm-up
 * ({@code bc_steps}, 0 in CORL's locomotion configs). Observations are standardised with the
 * dataset's statistics and actions mapped to (-1, 1) ({@link UnitActions}); the policy acts on
 * raw observations with the squashed mean ({@link OfflinePolicy.Head#TANH_MEAN}).
 */
public final class CqlLearner extends ContinuousSacLearner implements FineTunable {

    private final CqlConfig config;
    private final Box actionSpace;
    private final UnitActions unitActions;
    private final StateNormalizer normalizer;
    private final Temperature temperature;
    private final LogMultiplier alphaPrime;
    private final Sac.Timings timings = new Sac.Timings();
    private final int observationSize;
    private final int dims;
    private final int sampled;
    private final ReplayBuffer.Batch unit;
    private Rng noise;
    private long updates;

    private int batch = -1;
    private float[] input;
    private float[] repeated;
    private float[] sampleNoise;
    private float[] sampleActions;
    private float[] logDensities;
    private float[] qSampled1;
    private float[] qSampled2;
    private float[] dSampled1;
    private float[] dSampled2;
    private float[] dQ1;
    private float[] dQ2;
    private double gap1;
    private double gap2;
    private double weight;

    private final MlpSnapshot exploring;
    private final float[] exploreInput;
    private final float[] exploreOutput;
    private final float[] exploreNoise;
    private final float[] exploreAction;

    /**
     * @param actionSpace the environment's bounded action box, of the dataset's action size
     * @throws IllegalArgumentException if the dataset has discrete actions or another action size,
     *     or the box is unbounded
     */
    public CqlLearner(CqlConfig config, OfflineDataset dataset, Box actionSpace) {
        this(config, dataset, actionSpace, WorkerTeam.PAIR_SIZE);
    }

    /** {@code criticThreads}: 2 runs the twin critics' passes at once, 1 one after the other; same results. */
    CqlLearner(CqlConfig config, OfflineDataset dataset, Box actionSpace, int criticThreads) {
        this(config, requireBox(dataset, actionSpace), config.normalizeStates()
                ? StateNormalizer.fromDataset(dataset, StateNormalizer.EPSILON)
                : StateNormalizer.identity(dataset.info().observationSize()), criticThreads, new Rng(config.seed()));
    }

    private CqlLearner(CqlConfig config, Box actionSpace, StateNormalizer normalizer, int criticThreads, Rng root) {
        super(normalizer.size(), actionSpace.size(), config.sacConfig(), actionSpace, criticThreads, root.split());
        this.config = config;
        this.actionSpace = actionSpace;
        this.unitActions = new UnitActions(actionSpace);
        this.normalizer = normalizer;
        this.observationSize = normalizer.size();
        this.dims = actionSpace.size();
        this.sampled = 3 * config.numSampledActions();
        this.noise = root.split();
        // CORL: log_alpha starts at 0 and steps with policy_lr; the target entropy is -dim(A)
        this.temperature = new Temperature(1.0, config.autoEntropy(), defaultTargetEntropy(), 1e-8);
        temperature.setLearningRate(config.policyLr());
        // CORL: log_alpha_prime = Scalar(1.0), stepped with qf_lr
        this.alphaPrime = config.lagrange() ? new LogMultiplier(1.0, config.qfLr()) : null;
        setLearningRate(config.qfLr());
        this.unit = new ReplayBuffer.Batch(config.batchSize(), observationSize, dims);
        this.exploring = actor.snapshot();
        this.exploreInput = new float[observationSize];
        this.exploreOutput = new float[2 * dims];
        this.exploreNoise = new float[dims];
        this.exploreAction = new float[dims];
    }

    static Box requireBox(OfflineDataset dataset, Box actionSpace) {
        if (dataset.info().discreteActions() || dataset.info().actionSize() != actionSpace.size()) {
            throw new IllegalArgumentException("continuous learners need a dataset of box actions of the environment's"
                    + " size " + actionSpace.size() + "; dataset " + dataset.info().datasetId() + " has "
                    + (dataset.info().discreteActions() ? dataset.info().actionCount() + " discrete actions"
                            : dataset.info().actionSize() + "-dimensional actions"));
        }
        return actionSpace;
    }

    /** The critics at {@code qfLr}, the actor at {@code policyLr} (CORL's two optimiser rates). */
    @Override
    protected void setLearningRate(double learningRate) {
        super.setLearningRate(learningRate);
        actorOptimizer.setLearningRate(config.policyLr());
    }

    @Override
    public int batchSize() {
        return config.batchSize();
    }

    public CqlConfig config() {
        return config;
    }

    @Override
    public Map<String, Double> update(ReplayBuffer.Batch raw) {
        int n = raw.size();
        if (n != config.batchSize()) {
            throw new IllegalArgumentException("expected a batch of " + config.batchSize() + " transitions, got " + n);
        }
        normalizer.normalize(raw.observations(), n, unit.observations());
        normalizer.normalize(raw.nextObservations(), n, unit.nextObservations());
        unitActions.toUnit(raw.actions(), n, unit.actions());
        System.arraycopy(raw.rewards(), 0, unit.rewards(), 0, n);
        System.arraycopy(raw.terminated(), 0, unit.terminated(), 0, n);
        System.arraycopy(raw.truncated(), 0, unit.truncated(), 0, n);
        double alpha = temperature.alpha();
        StepStats stats = gradientStep(unit, alpha, noise, timings);
        double alphaLoss = temperature.update(-stats.actor().entropy());
        Map<String, Double> metrics = new LinkedHashMap<>();
        if (alphaPrime != null) {
            CqlLoss.LagrangeTerm term = CqlLoss.lagrange(alphaPrime.log(), config.cqlAlpha(), gap1, gap2,
                    config.targetActionGap());
            alphaPrime.step(term.gradient());
            metrics.put("losses/alpha_prime", term.alphaPrime());
            metrics.put("losses/alpha_prime_loss", term.loss());
        }
        updateTargets(config.tau());
        updates++;
        SacLoss.CriticTerm critic = stats.critic();
        metrics.put("losses/qf1_loss", IqlLoss.requireFinite(critic.qf1Loss(), "CQL qf1 loss"));
        metrics.put("losses/qf2_loss", IqlLoss.requireFinite(critic.qf2Loss(), "CQL qf2 loss"));
        metrics.put("losses/qf1_values", critic.qf1Values());
        metrics.put("losses/qf2_values", critic.qf2Values());
        metrics.put("losses/cql_qf1_diff", gap1);
        metrics.put("losses/cql_qf2_diff", gap2);
        metrics.put("losses/actor_loss", IqlLoss.requireFinite(stats.actor().loss(), "CQL actor loss"));
        metrics.put("losses/entropy", stats.actor().entropy());
        metrics.put("losses/alpha", alpha);
        if (temperature.learned()) {
            metrics.put("losses/alpha_loss", alphaLoss);
        }
        return metrics;
    }

    /** The TD target backs up the entropy only with {@code backupEntropy} (CORL: off). */
    @Override
    protected float[] softTargets(ReplayBuffer.Batch b, double alpha, Rng rng) {
        return super.softTargets(b, config.backupEntropy() ? alpha : 0, rng);
    }

    /**
     * The twin regression plus the conservative gap, in one forward and one backward pass of each
     * critic over the batch's {@code n} dataset rows followed by its {@code n x 3N} sampled rows
     * ({@code [uniform, pi(.|s'), pi(.|s)]} per state, CORL's order).
     */
    @Override
    protected SacLoss.CriticTerm criticStep(ReplayBuffer.Batch b, float[] targets) {
        int n = b.size();
        int numSampled = config.numSampledActions();
        int rows = n * (1 + sampled);
        int width = observationSize + dims;
        ensureBatch(n);
        float[] observations = b.observations();
        float[] actions = b.actions();
        for (int i = 0; i < n; i++) {
            System.arraycopy(observations, i * observationSize, input, i * width, observationSize);
            System.arraycopy(actions, i * dims, input, i * width + observationSize, dims);
        }
        double logUniform = dims * Math.log(0.5);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < numSampled; j++) {
                int row = n + i * sampled + j;
                System.arraycopy(observations, i * observationSize, input, row * width, observationSize);
                for (int k = 0; k < dims; k++) {
                    input[row * width + observationSize + k] = (float) noise.nextDouble(-1, 1);
                }
                logDensities[i * sampled + j] = (float) logUniform;
            }
        }
        samplePolicy(b.nextObservations(), observations, n, numSampled);
        samplePolicy(observations, observations, n, 2 * numSampled);
        bothCritics(() -> q1.forward(input, rows), () -> q2.forward(input, rows));
        weight = config.cqlAlpha() * (alphaPrime == null ? 1 : CqlLoss.alphaPrime(alphaPrime.log()));
        SacLoss.Regression[] regressions = new SacLoss.Regression[2];
        double[] gaps = new double[2];
        bothCritics(() -> gaps[0] = fitConservative(q1.output(), targets, n, dQ1, qSampled1, dSampled1, regressions, 0),
                () -> gaps[1] = fitConservative(q2.output(), targets, n, dQ2, qSampled2, dSampled2, regressions, 1));
        gap1 = gaps[0];
        gap2 = gaps[1];
        bothCritics(() -> q1.backward(dQ1, false), () -> q2.backward(dQ2, false));
        return SacLoss.CriticTerm.of(regressions[0], regressions[1]);
    }

    /**
     * Samples {@code numSampled} policy actions at each state of {@code at} and writes them, paired
     * with the states of {@code observations}, into the sampled rows from column {@code column}
     * on, with their log-probabilities as the proposal's log density.
     */
    private void samplePolicy(float[] at, float[] observations, int n, int column) {
        int numSampled = config.numSampledActions();
        int width = observationSize + dims;
        for (int i = 0; i < n; i++) {
            for (int r = 0; r < numSampled; r++) {
                System.arraycopy(at, i * observationSize, repeated, (i * numSampled + r) * observationSize,
                        observationSize);
            }
        }
        float[] outputs = actor.forward(repeated, n * numSampled);
        for (int i = 0; i < n; i++) {
            for (int r = 0; r < numSampled; r++) {
                int k = i * numSampled + r;
                double logProb = TanhGaussian.sample(outputs, k, dims, noise, sampleNoise, sampleActions);
                int row = n + i * sampled + column + r;
                System.arraycopy(observations, i * observationSize, input, row * width, observationSize);
                System.arraycopy(sampleActions, k * dims, input, row * width + observationSize, dims);
                logDensities[i * sampled + column + r] = (float) logProb;
            }
        }
    }

    /** One critic's regression on the dataset rows and its gap over the sampled rows, into {@code dQ}. */
    private double fitConservative(float[] q, float[] targets, int n, float[] dQ, float[] qRows, float[] dRows,
            SacLoss.Regression[] regressions, int critic) {
        regressions[critic] = SacLoss.regression(q, 1, null, targets, n, dQ);
        System.arraycopy(q, n, qRows, 0, n * sampled);
        Arrays.fill(dRows, 0f);
        double gap = CqlLoss.conservativeGap(q, qRows, logDensities, n, sampled, config.cqlTemperature(),
                config.clipDiffMin(), config.clipDiffMax(), 0.5 * weight, dQ, dRows);
        System.arraycopy(dRows, 0, dQ, n, n * sampled);
        return gap;
    }

    private void ensureBatch(int n) {
        if (n == batch) {
            return;
        }
        int rows = n * (1 + sampled);
        input = new float[rows * (observationSize + dims)];
        int policyRows = n * config.numSampledActions();
        repeated = new float[policyRows * observationSize];
        sampleNoise = new float[policyRows * dims];
        sampleActions = new float[policyRows * dims];
        logDensities = new float[n * sampled];
        qSampled1 = new float[n * sampled];
        qSampled2 = new float[n * sampled];
        dSampled1 = new float[n * sampled];
        dSampled2 = new float[n * sampled];
        dQ1 = new float[rows];
        dQ2 = new float[rows];
        batch = n;
    }

    @Override
    public Policy<float[], Object> policy() {
        return OfflinePolicy.of(actor, normalizer, OfflinePolicy.Head.TANH_MEAN, actionSpace);
    }

    /** A tanh-Gaussian sample of the current actor, as SAC explores (CORL's {@code finetune/cql.py}). */
    @Override
    public Object explore(float[] observation, Rng rng) {
        actor.refresh(exploring);
        normalizer.normalize(observation, 1, exploreInput);
        exploring.forward(exploreInput, 0, 1, exploreOutput, 0);
        TanhGaussian.sample(exploreOutput, 0, dims, rng, exploreNoise, exploreAction);
        return unitActions.toEnv(exploreAction, 0);
    }

    /** Gradient updates taken so far. */
    public long updates() {
        return updates;
    }

    @Override
    public void writeState(DataOutputStream out) throws IOException {
        writeTo(out);
        temperature.writeTo(out);
        if (alphaPrime != null) {
            alphaPrime.writeTo(out);
        }
        StateCodec.writeRng(out, noise);
        out.writeLong(updates);
    }

    @Override
    public Restore readState(DataInputStream in) throws IOException {
        State networks = readNetworks(in);
        Temperature.State alpha = temperature.readState(in);
        Runnable lagrange = alphaPrime == null ? () -> { } : alphaPrime.readState(in, "the CQL Lagrange multiplier");
        Rng savedNoise = StateCodec.readRng(in, "the CQL sampling generator");
        long savedUpdates = in.readLong();
        return () -> {
            restore(networks);
            temperature.restore(alpha);
            lagrange.run();
            noise = savedNoise;
            updates = savedUpdates;
        };
    }

    @Override
    public String toString() {
        return "CQL" + config;
    }
}

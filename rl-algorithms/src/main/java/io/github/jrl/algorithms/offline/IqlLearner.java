package io.github.jrl.algorithms.offline;

import io.github.jrl.algorithms.sac.SacLoss;
import io.github.jrl.core.buffer.ReplayBuffer;
import io.github.jrl.core.dataset.DatasetInfo;
import io.github.jrl.core.dataset.OfflineDataset;
import io.github.jrl.core.parallel.WorkerTeam;
import io.github.jrl.core.policy.Policy;
import io.github.jrl.core.random.Rng;
import io.github.jrl.core.space.Box;
import io.github.jrl.core.space.Discrete;
import io.github.jrl.core.space.Space;
import io.github.jrl.nd4j.dist.Categorical;
import io.github.jrl.nd4j.dist.TanhGaussian;
import io.github.jrl.nd4j.nn.Mlp;
import io.github.jrl.nd4j.nn.MlpSnapshot;
import io.github.jrl.nd4j.nn.MlpSpec;
import io.github.jrl.nd4j.nn.ParameterSet;
import io.github.jrl.nd4j.optim.Adam;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Implicit Q-Learning (Kostrikov, Nair & Levine 2021, "Offline Reinforcement Learning with
 * Implicit Q-Learning"): Q-learning that never queries an action outside the dataset. One update,
 * in the order of CORL's {@code ImplicitQLearning.train}:
 * <ol>
 *   <li>the value function regresses toward the {@code expectile} of the target critics'
 *       {@code min(Q1', Q2')(s, a)} at the dataset action ({@link IqlLoss#expectileLoss}, eq. 5);
 *   <li>the twin critics regress toward {@code r + gamma (1 - terminated) V(s')}, {@code V(s')}
 *       taken before step 1 (eq. 6), then the target critics move by Polyak averaging;
 *   <li>the actor maximises the advantage-weighted log-likelihood of the dataset action with
 *       weights {@code min(exp(beta (min Q'(s, a) - V(s))), maxWeight)}, {@code V} before step 1
 *       (AWR extraction, eq. 7; {@link IqlLoss#advantageWeights}).
 * </ol>
 *
 * <p>Box actions get a Gaussian actor with mean {@code tanh(mu(s))} in the (-1, 1) scale
 * ({@link UnitActions}) and a log-std output clamped to [-20, 2] (CORL's {@code GaussianPolicy}
 * learns one state-independent log-std vector instead; here it is a second head of the network, as
 * in the SAC actor the deployable {@link OfflinePolicy} reads); the critics take {@code [s, a]}.
 * Discrete actions (the same algorithm with a finite action set) get a categorical actor and
 * critics with one output per action. Observations are standardised with the dataset's statistics.
 * Networks start from PyTorch's default initialisation, as CORL's.
 */
public final class IqlLearner implements FineTunable {

    private final IqlConfig config;
    private final Space<?> actionSpace;
    private final UnitActions unitActions;
    private final StateNormalizer normalizer;
    private final boolean discrete;
    private final int observationSize;
    /** Floats per action row: box dimensions, or 1 (the index). */
    private final int actionSize;
    /** Outputs of a critic: 1, or one per discrete action. */
    private final int criticWidth;
    private final int[] columns;

    private final ParameterSet actorParams = new ParameterSet();
    private final ParameterSet criticParams = new ParameterSet();
    private final ParameterSet targetParams = new ParameterSet();
    private final ParameterSet valueParams = new ParameterSet();
    private final Mlp actor;
    private final Mlp q1;
    private final Mlp q2;
    private final Mlp q1Target;
    private final Mlp q2Target;
    private final WorkerTeam critics;
    private final Mlp value;
    private final Adam actorOptimizer;
    private final Adam criticOptimizer;
    private final Adam valueOptimizer;
    private long updates;

    private final float[] observations;
    private final float[] nextObservations;
    private final float[] actions;
    private final float[] criticInput;
    private final float[] targetQ;
    private final float[] values;
    private final float[] nextValues;
    private final float[] dValues;
    private final float[] targets;
    private final float[] dQ1;
    private final float[] dQ2;
    private final float[] weights;
    private final float[] dActor;

    private final MlpSnapshot exploring;
    private final float[] exploreInput;
    private final float[] exploreOutput;
    private final double[] exploreLogProbs;

    /**
     * @param actionSpace the environment's action space: a bounded box of the dataset's action
     *     size, or as many discrete actions as the dataset has
     * @throws IllegalArgumentException if the action space does not match the dataset
     */
    public IqlLearner(IqlConfig config, OfflineDataset dataset, Space<?> actionSpace) {
        this(config, dataset, actionSpace, WorkerTeam.PAIR_SIZE);
    }

    /** {@code criticThreads}: 2 runs the twin critics' passes at once, 1 one after the other; same results. */
    IqlLearner(IqlConfig config, OfflineDataset dataset, Space<?> actionSpace, int criticThreads) {
        this.critics = new WorkerTeam(criticThreads, "jrl-iql-critic");
        this.config = config;
        this.actionSpace = actionSpace;
        DatasetInfo info = dataset.info();
        this.discrete = info.discreteActions();
        if (discrete ? !(actionSpace instanceof Discrete d && d.n() == info.actionCount())
                : !(actionSpace instanceof Box box && box.size() == info.actionSize())) {
            throw new IllegalArgumentException("IQL needs the environment's action space of dataset "
                    + info.datasetId() + " (" + (discrete ? info.actionCount() + " discrete actions" : "a box of "
                    + info.actionSize() + " dimensions") + "), got " + actionSpace);
        }
        this.unitActions = discrete ? null : new UnitActions((Box) actionSpace);
        this.normalizer = config.normalizeStates() ? StateNormalizer.fromDataset(dataset, StateNormalizer.EPSILON)
                : StateNormalizer.identity(info.observationSize());
        this.observationSize = info.observationSize();
        this.actionSize = info.actionSize();
        int n = config.batchSize();
        int[] hidden = config.hiddenLayers();
        int actorOutputs = discrete ? info.actionCount() : 2 * actionSize;
        this.criticWidth = discrete ? info.actionCount() : 1;
        int criticInputSize = discrete ? observationSize : observationSize + actionSize;
        Rng rng = new Rng(config.seed());
        actor = new Mlp(new MlpSpec(observationSize, hidden, actorOutputs, config.activation(), 1, 1), actorParams);
        actorParams.allocate();
        actor.initializeUniform(rng.split());
        MlpSpec criticSpec = new MlpSpec(criticInputSize, hidden, criticWidth, config.activation(), 1, 1);
        q1 = new Mlp(criticSpec, criticParams);
        q2 = new Mlp(criticSpec, criticParams);
        criticParams.allocate();
        q1.initializeUniform(rng.split());
        q2.initializeUniform(rng.split());
        q1Target = new Mlp(criticSpec, targetParams);
        q2Target = new Mlp(criticSpec, targetParams);
        targetParams.allocate();
        targetParams.copyFrom(criticParams);
        value = new Mlp(new MlpSpec(observationSize, hidden, 1, config.activation(), 1, 1), valueParams);
        valueParams.allocate();
        value.initializeUniform(rng.split());
        actorOptimizer = Adam.of(actorParams, config.actorLr(), 1e-8);
        criticOptimizer = Adam.of(criticParams, config.qfLr(), 1e-8);
        valueOptimizer = Adam.of(valueParams, config.vfLr(), 1e-8);
        observations = new float[n * observationSize];
        nextObservations = new float[n * observationSize];
        actions = new float[n * actionSize];
        columns = discrete ? new int[n] : null;
        criticInput = discrete ? observations : new float[n * criticInputSize];
        targetQ = new float[n];
        values = new float[n];
        nextValues = new float[n];
        dValues = new float[n];
        targets = new float[n];
        dQ1 = new float[n * criticWidth];
        dQ2 = new float[n * criticWidth];
        weights = new float[n];
        dActor = new float[n * actorOutputs];
        exploring = actor.snapshot();
        exploreInput = new float[observationSize];
        exploreOutput = new float[actorOutputs];
        exploreLogProbs = new double[actorOutputs];
    }

    public IqlConfig config() {
        return config;
    }

    @Override
    public int batchSize() {
        return config.batchSize();
    }

    /** Gradient updates taken so far. */
    public long updates() {
        return updates;
    }

    @Override
    public Map<String, Double> update(ReplayBuffer.Batch batch) {
        int n = batch.size();
        if (n != config.batchSize()) {
            throw new IllegalArgumentException("expected a batch of " + config.batchSize() + " transitions, got " + n);
        }
        normalizer.normalize(batch.observations(), n, observations);
        normalizer.normalize(batch.nextObservations(), n, nextObservations);
        if (discrete) {
            System.arraycopy(batch.actions(), 0, actions, 0, n);
            for (int i = 0; i < n; i++) {
                columns[i] = (int) actions[i];
            }
        } else {
            unitActions.toUnit(batch.actions(), n, actions);
            for (int i = 0; i < n; i++) {
                System.arraycopy(observations, i * observationSize, criticInput, i * (observationSize + actionSize),
                        observationSize);
                System.arraycopy(actions, i * actionSize, criticInput,
                        i * (observationSize + actionSize) + observationSize, actionSize);
            }
        }
        System.arraycopy(value.forward(nextObservations, n), 0, nextValues, 0, n);
        critics.runPair(() -> q1Target.forward(criticInput, n), () -> q2Target.forward(criticInput, n));
        float[] target1 = q1Target.output();
        float[] target2 = q2Target.output();
        for (int i = 0; i < n; i++) {
            int j = i * criticWidth + (discrete ? columns[i] : 0);
            targetQ[i] = Math.min(target1[j], target2[j]);
        }

        System.arraycopy(value.forward(observations, n), 0, values, 0, n);
        double valueLoss = IqlLoss.expectileLoss(targetQ, values, n, config.expectile(), dValues);
        value.backward(dValues, false);
        valueOptimizer.step();

        float[] rewards = batch.rewards();
        boolean[] terminated = batch.terminated();
        for (int i = 0; i < n; i++) {
            targets[i] = (float) (rewards[i] + (terminated[i] ? 0 : config.gamma() * nextValues[i]));
        }
        SacLoss.Regression[] fits = new SacLoss.Regression[2];
        critics.runPair(() -> fits[0] = fit(q1, n, dQ1), () -> fits[1] = fit(q2, n, dQ2));
        SacLoss.Regression fit1 = fits[0];
        SacLoss.Regression fit2 = fits[1];
        criticOptimizer.step();
        targetParams.polyakUpdate(criticParams, config.tau());

        double clipped = IqlLoss.advantageWeights(targetQ, values, n, config.beta(), config.maxWeight(), weights);
        float[] outputs = actor.forward(observations, n);
        double actorLoss = discrete
                ? IqlLoss.weightedCategoricalNll(outputs, actions, weights, n, criticWidth, dActor)
                : IqlLoss.weightedGaussianNll(outputs, actions, weights, n, actionSize, dActor);
        actor.backward(dActor, false);
        double actorLr = config.actorLearningRate(updates);
        actorOptimizer.setLearningRate(actorLr);
        actorOptimizer.step();
        updates++;

        double qLoss = IqlLoss.requireFinite(0.5 * (fit1.loss() + fit2.loss()), "IQL critic loss");
        double meanAdvantage = 0;
        for (int i = 0; i < n; i++) {
            meanAdvantage += targetQ[i] - values[i];
        }
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("losses/value_loss", valueLoss);
        metrics.put("losses/q_loss", qLoss);
        metrics.put("losses/qf1_values", fit1.meanValue());
        metrics.put("losses/qf2_values", fit2.meanValue());
        metrics.put("losses/actor_loss", actorLoss);
        metrics.put("losses/advantage", meanAdvantage / n);
        metrics.put("losses/clipped_weight_fraction", clipped);
        metrics.put("charts/actor_learning_rate", actorLr);
        return metrics;
    }

    /** One critic's forward pass, its regression toward the TD targets into {@code dQ}, and its backward pass. */
    private SacLoss.Regression fit(Mlp critic, int n, float[] dQ) {
        SacLoss.Regression regression = SacLoss.regression(critic.forward(criticInput, n), criticWidth, columns,
                targets, n, dQ);
        critic.backward(dQ, false);
        return regression;
    }

    @Override
    public Policy<float[], Object> policy() {
        return OfflinePolicy.of(actor, normalizer, discrete ? OfflinePolicy.Head.ARGMAX : OfflinePolicy.Head.TANH_MEAN,
                actionSpace);
    }

    /**
     * A sample of the current policy: {@code N(tanh(mu), std)} clamped to the box (CORL's
     * {@code GaussianPolicy.act} in training mode, {@code finetune/iql.py}), or a categorical
     * sample of the logits.
     */
    @Override
    public Object explore(float[] observation, Rng rng) {
        actor.refresh(exploring);
        normalizer.normalize(observation, 1, exploreInput);
        exploring.forward(exploreInput, 0, 1, exploreOutput, 0);
        if (discrete) {
            Categorical.logSoftmax(exploreOutput, 0, criticWidth, null, exploreLogProbs);
            return Categorical.sample(exploreLogProbs, criticWidth, rng);
        }
        float[] unit = new float[actionSize];
        for (int k = 0; k < actionSize; k++) {
            double std = Math.exp(TanhGaussian.logStd(exploreOutput[actionSize + k]));
            double a = Math.tanh(exploreOutput[k]) + std * rng.nextGaussian();
            unit[k] = (float) Math.max(-1, Math.min(1, a));
        }
        return unitActions.toEnv(unit, 0);
    }

    @Override
    public void writeState(DataOutputStream out) throws IOException {
        actorParams.writeTo(out);
        criticParams.writeTo(out);
        targetParams.writeTo(out);
        valueParams.writeTo(out);
        actorOptimizer.writeTo(out);
        criticOptimizer.writeTo(out);
        valueOptimizer.writeTo(out);
        out.writeLong(updates);
    }

    @Override
    public Restore readState(DataInputStream in) throws IOException {
        float[] savedActor = actorParams.readValues(in, "the IQL actor");
        float[] savedCritics = criticParams.readValues(in, "the IQL critics");
        float[] savedTargets = targetParams.readValues(in, "the IQL target critics");
        float[] savedValue = valueParams.readValues(in, "the IQL value function");
        Adam.State actorState = actorOptimizer.readState(in, "the IQL actor's optimiser");
        Adam.State criticState = criticOptimizer.readState(in, "the IQL critics' optimiser");
        Adam.State valueState = valueOptimizer.readState(in, "the IQL value function's optimiser");
        long savedUpdates = in.readLong();
        return () -> {
            actorParams.load(savedActor);
            criticParams.load(savedCritics);
            targetParams.load(savedTargets);
            valueParams.load(savedValue);
            actorOptimizer.restore(actorState);
            criticOptimizer.restore(criticState);
            valueOptimizer.restore(valueState);
            updates = savedUpdates;
        };
    }

    @Override
    public String toString() {
        return "IQL" + config;
    }
}

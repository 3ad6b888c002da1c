package io.github.jrl.algorithms.offline;

import io.github.jrl.algorithms.sac.SacLoss;
import io.github.jrl.core.buffer.ReplayBuffer;
import io.github.jrl.core.checkpoint.StateCodec;
import io.github.jrl.core.dataset.DatasetInfo;
import io.github.jrl.core.dataset.OfflineDataset;
import io.github.jrl.core.parallel.WorkerTeam;
import io.github.jrl.core.random.Rng;
import io.github.jrl.core.space.Box;
import io.github.jrl.core.space.Space;
import io.github.jrl.nd4j.nn.Mlp;
import io.github.jrl.nd4j.nn.ParameterSet;
import io.github.jrl.nd4j.optim.Adam;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * TD3+BC (Fujimoto and Gu 2021, "A Minimalist Approach to Offline Reinforcement Learning"): TD3
 * on the dataset with a behaviour-cloning term in the actor's loss and the states standardised,
 * step for step as github.com/sfujim/TD3_BC {@code TD3_BC.train}:
 *
 * <pre>
 * a' = clip(pi'(s') + clip(N(0, sigma), -c, c), low, high)          (target smoothing)
 * y  = r + gamma (1 - terminated) min(Q1', Q2')(s', a')
 * critics: mse(Q1(s, a), y) + mse(Q2(s, a), y), one Adam step
 * every policyFreq-th step:
 *   actor: -lambda mean Q1(s, pi(s)) + mean((pi(s) - a)^2), lambda = alpha / mean|Q1(s, pi(s))|
 *   Polyak updates of the target critics and the target actor
 * </pre>
 *
 * Only {@code terminated} stops the bootstrap (D4RL's {@code timeouts} are not terminals). The
 * regulariser's target {@code a} is the batch's action; PRDC ({@link Prdc}) swaps in the nearest
 * dataset action through {@link BehaviorTarget}. Metrics, as CleanRL's {@code td3_continuous_action.py}
 * names them: {@code losses/qf1_values}, {@code losses/qf2_values}, {@code losses/qf1_loss},
 * {@code losses/qf2_loss}, {@code losses/qf_loss} (their mean), and on actor steps
 * {@code losses/actor_loss}, {@code losses/lambda} and the regulariser ({@code losses/bc_loss},
 * PRDC's {@code losses/dc_loss}).
 */
public final class Td3Bc implements OfflineLearner {

    /** What the actor is pulled toward, for each row of a batch. */
    interface BehaviorTarget {

        /**
         * Writes the regulariser's targets ({@code n x d}) for the batch rows with standardised
         * states {@code states}, the actor's actions {@code policyActions} and the dataset's
         * actions {@code batchActions}.
         */
        void targets(float[] states, float[] policyActions, float[] batchActions, int n, float[] out);

        /** The metric name of the regulariser term. */
        String metricName();
    }

    /** TD3+BC's own target: the batch's actions. */
    static final BehaviorTarget BATCH_ACTIONS = new BehaviorTarget() {
        @Override
        public void targets(float[] states, float[] policyActions, float[] batchActions, int n, float[] out) {
            System.arraycopy(batchActions, 0, out, 0, out.length);
        }

        @Override
        public String metricName() {
            return "losses/bc_loss";
        }
    };

    private final Td3BcConfig config;
    private final String description;
    private final Space<?> actionSpace;
    private final StateNormalizer normalizer;
    private final BehaviorTarget behaviorTarget;
    private final ActionBounds bounds;
    private final int observationSize;
    private final int actionSize;
    private final ParameterSet actorParams = new ParameterSet();
    private final ParameterSet actorTargetParams = new ParameterSet();
    private final ParameterSet criticParams = new ParameterSet();
    private final ParameterSet criticTargetParams = new ParameterSet();
    private final SquashedActor actor;
    private final SquashedActor actorTarget;
    private final Mlp q1;
    private final Mlp q2;
    private final Mlp q1Target;
    private final Mlp q2Target;
    private final WorkerTeam critics;
    private final Adam actorOptimizer;
    private final Adam criticOptimizer;
    private Rng noiseRng;
    private long updates;
    private int rows = -1;
    private float[] states;
    private float[] nextStates;
    private float[] criticInput;
    private float[] noise;
    private float[] nextActions;
    private float[] zeros;
    private float[] targets;
    private float[] dQ1;
    private float[] dQ2;
    private float[] regularizerTargets;
    private float[] dPi;

    /**
     * TD3+BC on {@code dataset}.
     *
     * @param actionSpace the dataset environment's action space, a bounded box
     * @throws IllegalArgumentException if it does not fit the dataset, or the dataset's actions are discrete
     */
    public Td3Bc(Td3BcConfig config, OfflineDataset dataset, Space<?> actionSpace) {
        this(config, dataset, actionSpace, (data, normalizer) -> BATCH_ACTIONS, "Td3Bc[" + config + "]",
                WorkerTeam.PAIR_SIZE);
    }

    /**
     * A TD3+BC learner whose regulariser pulls toward {@code target}'s actions (PRDC);
     * {@code criticThreads} 2 runs the twin critics' passes at once, 1 one after the other, with
     * the same results.
     */
    Td3Bc(Td3BcConfig config, OfflineDataset dataset, Space<?> actionSpace, TargetFactory target, String description,
            int criticThreads) {
        DatasetInfo info = dataset.info();
        LearnerParts.requireActionSpace(info, actionSpace, true);
        this.config = config;
        this.description = description;
        this.actionSpace = actionSpace;
        this.normalizer = config.normalizeStates() ? StateNormalizer.fromDataset(dataset, StateNormalizer.EPSILON)
                : StateNormalizer.identity(info.observationSize());
        this.behaviorTarget = target.create(dataset, normalizer);
        this.bounds = new ActionBounds((Box) actionSpace);
        this.observationSize = info.observationSize();
        this.actionSize = info.actionSize();
        Rng rng = new Rng(config.seed());
        actor = new SquashedActor(LearnerParts.mlp(observationSize, config.hiddenSizes(), config.activation(), actionSize,
                actorParams), bounds);
        actorTarget = new SquashedActor(LearnerParts.mlp(observationSize, config.hiddenSizes(), config.activation(),
                actionSize, actorTargetParams), bounds);
        q1 = critic(criticParams);
        q2 = critic(criticParams);
        q1Target = critic(criticTargetParams);
        q2Target = critic(criticTargetParams);
        LearnerParts.initialize(actorParams, rng, actor.network());
        LearnerParts.initialize(criticParams, rng, q1, q2);
        // copy.deepcopy in the reference: the targets start equal to the trained networks
        actorTargetParams.allocate();
        actorTargetParams.copyFrom(actorParams);
        criticTargetParams.allocate();
        criticTargetParams.copyFrom(criticParams);
        actorOptimizer = Adam.of(actorParams, config.learningRate(), 1e-8);
        criticOptimizer = Adam.of(criticParams, config.learningRate(), 1e-8);
        noiseRng = rng.split();
        critics = new WorkerTeam(criticThreads, "jrl-td3bc-critic");
    }

    /** Builds the regulariser's target from the dataset and the state standardisation. */
    @FunctionalInterface
    interface TargetFactory {
        BehaviorTarget create(OfflineDataset dataset, StateNormalizer normalizer);
    }

    private Mlp critic(ParameterSet parameters) {
        return LearnerParts.mlp(observationSize + actionSize, config.hiddenSizes(), config.activation(), 1, parameters);
    }

    @Override
    public int batchSize() {
        return config.batchSize();
    }

    private void ensureRows(int n) {
        if (n == rows) {
            return;
        }
        states = new float[n * observationSize];
        nextStates = new float[n * observationSize];
        criticInput = new float[n * (observationSize + actionSize)];
        noise = new float[n * actionSize];
        nextActions = new float[n * actionSize];
        zeros = new float[n];
        targets = new float[n];
        dQ1 = new float[n];
        dQ2 = new float[n];
        regularizerTargets = new float[n * actionSize];
        dPi = new float[n * actionSize];
        rows = n;
    }

    @Override
    public Map<String, Double> update(ReplayBuffer.Batch batch) {
        int n = batch.size();
        ensureRows(n);
        normalizer.normalize(batch.observations(), n, states);
        normalizer.normalize(batch.nextObservations(), n, nextStates);
        updates++;
        Map<String, Double> metrics = new LinkedHashMap<>();
        criticStep(batch, n, metrics);
        if (updates % config.policyFreq() == 0) {
            actorStep(batch.actions(), n, metrics);
            criticTargetParams.polyakUpdate(criticParams, config.tau());
            actorTargetParams.polyakUpdate(actorParams, config.tau());
        }
        return metrics;
    }

    private void criticStep(ReplayBuffer.Batch batch, int n, Map<String, Double> metrics) {
        for (int j = 0; j < n * actionSize; j++) {
            noise[j] = (float) noiseRng.nextGaussian();
        }
        Td3BcLoss.smoothTargetActions(actorTarget.act(nextStates, n), noise, bounds, config.policyNoise(),
                config.noiseClip(), n, nextActions);
        fillCriticInput(nextStates, nextActions, n);
        critics.runPair(() -> q1Target.forward(criticInput, n), () -> q2Target.forward(criticInput, n));
        // TD3's clipped double-Q target is SAC's soft target at temperature 0
        SacLoss.softTargets(batch.rewards(), batch.terminated(), q1Target.output(), q2Target.output(), zeros, n, 0,
                config.gamma(), targets);
        fillCriticInput(states, batch.actions(), n);
        SacLoss.Regression[] fits = new SacLoss.Regression[2];
        critics.runPair(() -> fits[0] = fit(q1, n, dQ1), () -> fits[1] = fit(q2, n, dQ2));
        SacLoss.Regression first = fits[0];
        SacLoss.Regression second = fits[1];
        criticOptimizer.step();
        metrics.put("losses/qf1_values", first.meanValue());
        metrics.put("losses/qf2_values", second.meanValue());
        metrics.put("losses/qf1_loss", LearnerParts.requireFinite("losses/qf1_loss", first.loss()));
        metrics.put("losses/qf2_loss", LearnerParts.requireFinite("losses/qf2_loss", second.loss()));
        metrics.put("losses/qf_loss", 0.5 * (first.loss() + second.loss()));
    }

    /**
     * One critic's forward, regression toward the targets and backward pass. The reference
     * minimises {@code mse1 + mse2}, whose gradient is twice that of SAC's {@code 0.5 mse} per critic.
     */
    private SacLoss.Regression fit(Mlp critic, int n, float[] dQ) {
        SacLoss.Regression regression = SacLoss.regression(critic.forward(criticInput, n), 1, null, targets, n, dQ);
        for (int i = 0; i < n; i++) {
            dQ[i] *= 2;
        }
        critic.backward(dQ, false);
        return regression;
    }

    private void actorStep(float[] batchActions, int n, Map<String, Double> metrics) {
        Td3BcLoss.ActorTerm term = actorGradient(batchActions, n);
        actorOptimizer.step();
        metrics.put("losses/actor_loss", term.loss());
        metrics.put("losses/lambda", term.lambda());
        metrics.put(behaviorTarget.metricName(), term.regularizer());
    }

    /**
     * Writes the actor's parameter gradients of its loss on the standardised states of the
     * current batch: through {@code Q1}'s input gradient w.r.t. {@code pi(s)}, the regulariser
     * and the squashing.
     */
    Td3BcLoss.ActorTerm actorGradient(float[] batchActions, int n) {
        float[] pi = actor.act(states, n);
        fillCriticInput(states, pi, n);
        float[] q = q1.forward(criticInput, n);
        behaviorTarget.targets(states, pi, batchActions, n, regularizerTargets);
        Td3BcLoss.ActorTerm term = Td3BcLoss.actorLoss(q, pi, regularizerTargets, n, actionSize, config.alpha(), dQ1,
                dPi);
        float[] dInput = q1.backwardToInput(dQ1);
        int width = observationSize + actionSize;
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < actionSize; k++) {
                dPi[i * actionSize + k] += dInput[i * width + observationSize + k];
            }
        }
        actor.backward(dPi);
        return term;
    }

    /** Standardises {@code observations} as the next {@link #actorGradient}'s states (for tests). */
    void loadStates(float[] observations, int n) {
        ensureRows(n);
        normalizer.normalize(observations, n, states);
    }

    private void fillCriticInput(float[] observations, float[] actions, int n) {
        int width = observationSize + actionSize;
        for (int i = 0; i < n; i++) {
            System.arraycopy(observations, i * observationSize, criticInput, i * width, observationSize);
            System.arraycopy(actions, i * actionSize, criticInput, i * width + observationSize, actionSize);
        }
    }

    ParameterSet actorParameters() {
        return actorParams;
    }

    @Override
    public OfflinePolicy policy() {
        return OfflinePolicy.of(actor.network(), normalizer, OfflinePolicy.Head.TANH, actionSpace);
    }

    /**
     * Writes the actor, target actor, critics and target critics, the two Adam states, the
     * smoothing-noise generator and the update count.
     */
    @Override
    public void writeState(DataOutputStream out) throws IOException {
        actorParams.writeTo(out);
        actorTargetParams.writeTo(out);
        criticParams.writeTo(out);
        criticTargetParams.writeTo(out);
        actorOptimizer.writeTo(out);
        criticOptimizer.writeTo(out);
        StateCodec.writeRng(out, noiseRng);
        out.writeLong(updates);
    }

    @Override
    public Restore readState(DataInputStream in) throws IOException {
        float[] actorValues = actorParams.readValues(in, "the actor");
        float[] actorTargetValues = actorTargetParams.readValues(in, "the target actor");
        float[] criticValues = criticParams.readValues(in, "the critics");
        float[] criticTargetValues = criticTargetParams.readValues(in, "the target critics");
        Adam.State actorAdam = actorOptimizer.readState(in, "the actor's optimiser");
        Adam.State criticAdam = criticOptimizer.readState(in, "the critics' optimiser");
        Rng rng = StateCodec.readRng(in, "the smoothing-noise generator");
        long updateCount = in.readLong();
        if (updateCount < 0) {
            throw new IOException("negative update count " + updateCount);
        }
        return () -> {
            actorParams.load(actorValues);
            actorTargetParams.load(actorTargetValues);
            criticParams.load(criticValues);
            criticTargetParams.load(criticTargetValues);
            actorOptimizer.restore(actorAdam);
            criticOptimizer.restore(criticAdam);
            noiseRng = rng;
            updates = updateCount;
        };
    }

    @Override
    public String toString() {
        return description;
    }
}

package io.github.jrl.algorithms.appo;

import io.github.jrl.algorithms.onpolicy.RolloutCollector.FinishedEpisode;
import io.github.jrl.algorithms.onpolicy.RolloutShard;
import io.github.jrl.algorithms.ppo.PpoLoss;
import io.github.jrl.core.buffer.RolloutBuffer;
import io.github.jrl.core.env.Environment;
import io.github.jrl.core.metrics.MetricNames;
import io.github.jrl.core.random.Rng;
import io.github.jrl.core.space.Box;
import io.github.jrl.core.train.Callback;
import io.github.jrl.core.train.Trainer;
import io.github.jrl.core.train.TrainingLoop;
import io.github.jrl.core.wrappers.RecentEpisodes;
import io.github.jrl.core.wrappers.RecordEpisodeStatistics;
import io.github.jrl.nd4j.optim.Adam;
import io.github.jrl.nd4j.policy.ActionHead;
import io.github.jrl.nd4j.policy.ActorCritic;
import io.github.jrl.nd4j.policy.ActorCriticPolicy;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Asynchronous PPO (APPO; RLlib's {@code APPO}, after IMPALA: Espeholt et al. 2018, "IMPALA:
 * Scalable Distributed Deep-RL with Importance Weighted Actor-Learner Architectures"): rollout
 * workers keep collecting with the policy version they were last given ({@link AsyncRollouts});
 * the learner takes each rollout as it arrives, drops it if it is more than
 * {@code maxPolicyLag} versions old, and otherwise corrects for the gap between the behaviour
 * policy {@code mu} that collected it and the current policy {@code pi} with {@link VTrace}:
 *
 * <pre>
 * v_t, A_t = V-trace(log pi - log mu, r, V_current, gamma, lambda)   (once per batch, before the update)
 * loss     = PPO clipped surrogate of r_t = pi / mu with advantages A_t
 *            - entCoef * entropy + vfCoef * mean (v_t - V(x_t))^2
 * </pre>
 *
 * The surrogate and the value loss are {@link PpoLoss}'s, the networks {@link ActorCritic}'s and
 * the optimiser {@link Adam}, as in PPO. V-trace bootstraps from the current critic's value of
 * the observations after the rollout; a truncated step's bootstrap is folded into its reward by
 * the collector, with the behaviour policy's critic. RLlib's APPO multiplies the ratio by a
 * clipped behaviour-over-target-network weight and updates a target network; jrl's ratio is taken
 * against the behaviour policy directly and has no target network.
 *
 * <p>Every update makes a new policy version, which is published to the workers at once. The
 * version lag of every batch is recorded ({@code async/version_lag}, {@code async/max_version_lag})
 * and every batch dropped for staleness is counted ({@code async/batches_dropped_stale}); its
 * steps still count as sampled (RLlib's {@code num_env_steps_sampled}) but not as trained.
 */
public final class Appo implements Trainer<float[], Object> {

    private final AppoConfig config;
    private final AsyncRollouts rollouts;
    private final ActorCritic model;
    private final ActionHead head;
    private final Adam optimizer;
    private final int observationSize;
    private final int actionSize;
    private final Rng minibatchRng;
    private final long envSeed;
    private final long actionSeed;
    private final RecentEpisodes episodes = new RecentEpisodes();
    private final TrainingLoop loop = new TrainingLoop();
    private boolean started;
    private long version;
    private long stepsDone;
    private long stepsTrained;
    private long batchesTrained;
    private long batchesDropped;
    private long lagSum;
    private long maxLag;
    private long startNanos;
    private Map<String, Double> latestMetrics = Map.of();

    /**
     * @param envFactory makes one copy of the workers' environment, here only for its spaces:
     *     {@code float[]} observations in a {@link Box}
     * @param rollouts the workers, started on the first call of {@link #learn}
     */
    public Appo(AppoConfig config, Supplier<? extends Environment<float[], ?>> envFactory, AsyncRollouts rollouts) {
        this.config = config;
        this.rollouts = rollouts;
        Environment<float[], ?> env = envFactory.get();
        if (!(env.observationSpace() instanceof Box box)) {
            throw new IllegalArgumentException("APPO needs Box (float[]) observations, got " + env.observationSpace());
        }
        if (env.rewardDim() != 1) {
            throw new IllegalArgumentException("APPO needs scalar rewards, got " + env.rewardDim() + " components");
        }
        Rng root = new Rng(config.seed());
        observationSize = box.size();
        model = new ActorCritic(observationSize, env.actionSpace(), config.hiddenSizes(), config.activation(), 0.0,
                root.split());
        head = model.head();
        actionSize = head.actionSize();
        optimizer = Adam.of(model.parameters(), config.learningRate(), config.adamEpsilon());
        minibatchRng = root.split();
        envSeed = root.nextSeed();
        actionSeed = root.nextSeed();
    }

    public AppoConfig config() {
        return config;
    }

    /** Trains until {@code totalSteps} environment steps have been sampled in all (trained or dropped). */
    public void learn(long totalSteps, Callback... callbacks) {
        learn(totalSteps, List.of(callbacks));
    }

    public void learn(long totalSteps, List<Callback> callbacks) {
        if (!started) {
            startNanos = System.nanoTime();
            rollouts.start(envSeed, actionSeed, model.snapshot());
            started = true;
        }
        loop.run(this, totalSteps, callbacks, total -> round());
    }

    /** One batch: taken, then trained on and published as the next version, or dropped as too stale. */
    private void round() {
        AppoBatch batch = rollouts.take();
        RolloutShard rollout = batch.rollout();
        long rows = (long) rollout.numSteps() * rollout.numCopies();
        stepsDone += rows;
        for (FinishedEpisode episode : rollout.episodes()) {
            episodes.record(Map.of(RecordEpisodeStatistics.INFO_KEY, episode.statistics()));
        }
        long lag = version - batch.policyVersion();
        if (lag < 0) {
            throw new IllegalStateException("a batch of policy version " + batch.policyVersion()
                    + " arrived at learner version " + version + ": versions come from this learner only");
        }
        Map<String, Double> metrics = new LinkedHashMap<>();
        if (lag > config.maxPolicyLag()) {
            batchesDropped++;
        } else {
            metrics.putAll(update(rollout, batch.lastObservations()));
            version++;
            rollouts.publish(version, model.snapshot());
            stepsTrained += rows;
            batchesTrained++;
            lagSum += lag;
        }
        maxLag = Math.max(maxLag, lag);
        metrics.put("async/version_lag", (double) lag);
        metrics.put("async/mean_version_lag", batchesTrained == 0 ? 0.0 : (double) lagSum / batchesTrained);
        metrics.put("async/max_version_lag", (double) maxLag);
        metrics.put("async/batches_trained", (double) batchesTrained);
        metrics.put("async/batches_dropped_stale", (double) batchesDropped);
        metrics.put("async/env_steps_trained", (double) stepsTrained);
        metrics.put("async/policy_version", (double) version);
        metrics.put(MetricNames.SPS, stepsDone / Math.max(1e-9, (System.nanoTime() - startNanos) / 1e9));
        if (episodes.hasEpisodes()) {
            metrics.put(MetricNames.EPISODIC_RETURN, episodes.meanReturn());
            metrics.put(MetricNames.EPISODIC_LENGTH, episodes.meanLength());
        }
        latestMetrics = Collections.unmodifiableMap(metrics);
    }

    /** V-trace targets with the current networks, then {@code numEpochs} passes of minibatch Adam steps. */
    private Map<String, Double> update(RolloutShard rollout, float[] lastObservations) {
        int numSteps = rollout.numSteps();
        int numEnvs = rollout.numCopies();
        int rows = numSteps * numEnvs;
        if (rows % config.numMinibatches() != 0) {
            throw new IllegalArgumentException("numMinibatches " + config.numMinibatches() + " must divide the "
                    + rows + " rows of a batch (" + numSteps + " steps x " + numEnvs + " copies)");
        }
        if (rollout.observations().length != rows * observationSize || rollout.actions().length != rows * actionSize) {
            throw new IllegalArgumentException("a batch of " + rows + " rows with " + rollout.observations().length
                    + " observation and " + rollout.actions().length + " action floats does not fit observations of "
                    + observationSize + " and actions of " + actionSize);
        }
        RolloutBuffer buffer = fill(rollout);
        float[] targetLogProbs = new float[rows];
        head.logProbs(model.actorForward(buffer.observations(), rows), buffer.actions(), rows, model.headParams(),
                targetLogProbs);
        float[] values = model.criticForward(buffer.observations(), rows).clone();
        float[] bootstrap = model.criticForward(lastObservations, numEnvs).clone();
        float[] logRhos = new float[rows];
        for (int r = 0; r < rows; r++) {
            logRhos[r] = targetLogProbs[r] - buffer.logProbs()[r];
        }
        // the buffer's GAE slots take V-trace's policy-gradient advantages and value targets
        VTrace.Statistics rhos = VTrace.compute(numSteps, numEnvs, logRhos, buffer.rewards(), buffer.dones(), values,
                bootstrap, config.gamma(), config.lambda(), config.vtrace(), buffer.returns(),
                buffer.advantages());
        int size = rows / config.numMinibatches();
        Minibatch mb = new Minibatch(size, observationSize, actionSize, head.outputSize());
        double policyLoss = 0;
        double valueLoss = 0;
        double entropy = 0;
        double approxKl = 0;
        double clipFraction = 0;
        int steps = 0;
        for (int epoch = 0; epoch < config.numEpochs(); epoch++) {
            int[] order = buffer.shuffledRows(minibatchRng);
            for (int from = 0; from < rows; from += size) {
                mb.gather(buffer, order, from);
                if (config.normalizeAdvantage()) {
                    PpoLoss.normalizeAdvantages(mb.advantages, size);
                }
                float[] outputs = model.actorForward(mb.observations, size);
                double batchEntropy = head.logProbs(outputs, mb.actions, size, model.headParams(), mb.logProbs);
                float[] predicted = model.criticForward(mb.observations, size);
                PpoLoss.PolicyTerm policy = PpoLoss.clippedSurrogate(mb.logProbs, mb.behaviourLogProbs, mb.advantages,
                        size, config.clipRange(), mb.dLogProbs);
                double vLoss = PpoLoss.valueLoss(predicted, predicted, mb.targets, size, Double.NaN, mb.dValues);
                for (int i = 0; i < size; i++) {
                    mb.dValues[i] *= (float) config.vfCoef();
                }
                head.backward(outputs, mb.actions, size, model.headParams(), mb.dLogProbs, config.entCoef(), mb.dOutputs,
                        model.headGradients());
                model.backward(mb.dOutputs, mb.dValues);
                optimizer.clipGradientNorm(config.maxGradNorm());
                optimizer.step();
                model.syncHeadParams();
                policyLoss += policy.loss();
                valueLoss += vLoss;
                entropy += batchEntropy;
                approxKl += policy.approxKl();
                clipFraction += policy.clipFraction();
                steps++;
            }
        }
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("losses/policy_loss", policyLoss / steps);
        metrics.put("losses/value_loss", valueLoss / steps);
        metrics.put("losses/entropy", entropy / steps);
        metrics.put("losses/approx_kl", approxKl / steps);
        metrics.put("losses/clipfrac", clipFraction / steps);
        metrics.put("losses/gradient_steps", (double) steps);
        metrics.put("vtrace/mean_rho", rhos.meanRho());
        metrics.put("vtrace/clipped_rho_fraction", rhos.clippedRhoFraction());
        return metrics;
    }

    /** The rollout in a buffer of its own shape, step by step. */
    private RolloutBuffer fill(RolloutShard rollout) {
        int numSteps = rollout.numSteps();
        int n = rollout.numCopies();
        RolloutBuffer buffer = new RolloutBuffer(numSteps, n, observationSize, actionSize);
        float[] observations = new float[n * observationSize];
        float[] actions = new float[n * actionSize];
        float[] rewards = new float[n];
        boolean[] dones = new boolean[n];
        float[] values = new float[n];
        float[] logProbs = new float[n];
        for (int t = 0; t < numSteps; t++) {
            System.arraycopy(rollout.observations(), t * n * observationSize, observations, 0, observations.length);
            System.arraycopy(rollout.actions(), t * n * actionSize, actions, 0, actions.length);
            System.arraycopy(rollout.rewards(), t * n, rewards, 0, n);
            System.arraycopy(rollout.dones(), t * n, dones, 0, n);
            System.arraycopy(rollout.values(), t * n, values, 0, n);
            System.arraycopy(rollout.logProbs(), t * n, logProbs, 0, n);
            buffer.add(observations, actions, rewards, dones, values, logProbs);
        }
        return buffer;
    }

    @Override
    public long stepsDone() {
        return stepsDone;
    }

    /** The learner's policy version: updates done so far. */
    public long policyVersion() {
        return version;
    }

    /** Batches trained on so far. */
    public long batchesTrained() {
        return batchesTrained;
    }

    /** Batches dropped so far for being more than {@code maxPolicyLag} versions old. */
    public long batchesDropped() {
        return batchesDropped;
    }

    @Override
    public Map<String, Double> latestMetrics() {
        return latestMetrics;
    }

    @Override
    public ActorCriticPolicy policy() {
        return model.snapshot();
    }

    /**
     * Not supported yet: an asynchronous run's state includes the rollouts in flight on its
     * workers.
     */
    @Override
    public void saveCheckpoint(Path file) {
        throw new UnsupportedOperationException("APPO runs cannot be checkpointed: their rollouts in flight live in"
                + " the workers");
    }

    @Override
    public String toString() {
        return "Appo[" + stepsDone + " steps, version " + version + ", " + batchesDropped + " dropped, " + config + "]";
    }

    /** Minibatch arrays of one batch shape. */
    private static final class Minibatch {
        final float[] observations;
        final float[] actions;
        final float[] behaviourLogProbs;
        final float[] advantages;
        final float[] targets;
        final float[] logProbs;
        final float[] dLogProbs;
        final float[] dValues;
        final float[] dOutputs;
        private final int size;

        Minibatch(int size, int observationSize, int actionSize, int outputSize) {
            this.size = size;
            observations = new float[size * observationSize];
            actions = new float[size * actionSize];
            behaviourLogProbs = new float[size];
            advantages = new float[size];
            targets = new float[size];
            logProbs = new float[size];
            dLogProbs = new float[size];
            dValues = new float[size];
            dOutputs = new float[size * outputSize];
        }

        void gather(RolloutBuffer buffer, int[] rows, int from) {
            buffer.gatherObservations(rows, from, size, observations);
            buffer.gatherActions(rows, from, size, actions);
            RolloutBuffer.gather(buffer.logProbs(), rows, from, size, behaviourLogProbs);
            RolloutBuffer.gather(buffer.advantages(), rows, from, size, advantages);
            RolloutBuffer.gather(buffer.returns(), rows, from, size, targets);
        }
    }
}

package io.github.jrl.algorithms.ppo;

import io.github.jrl.algorithms.onpolicy.RemoteRollouts;
import io.github.jrl.algorithms.onpolicy.RolloutCollector;
import io.github.jrl.core.buffer.RolloutBuffer;
import io.github.jrl.core.checkpoint.Checkpoint;
import io.github.jrl.core.checkpoint.CheckpointWriter;
import io.github.jrl.core.checkpoint.Stateful;
import io.github.jrl.core.env.Environment;
import io.github.jrl.core.metrics.MetricNames;
import io.github.jrl.core.random.Rng;
import io.github.jrl.core.space.Box;
import io.github.jrl.core.train.Callback;
import io.github.jrl.core.train.Trainer;
import io.github.jrl.core.train.TrainingLoop;
import io.github.jrl.core.vector.SyncVectorEnv;
import io.github.jrl.core.vector.VecNormalize;
import io.github.jrl.core.vector.VectorEnv;
import io.github.jrl.core.wrappers.RecordEpisodeStatistics;
import io.github.jrl.nd4j.optim.Adam;
import io.github.jrl.nd4j.policy.ActionHead;
import io.github.jrl.nd4j.policy.ActorCritic;
import io.github.jrl.nd4j.policy.ActorCriticPolicy;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Proximal Policy Optimization (Schulman et al. 2017, "Proximal Policy Optimization
 * Algorithms"), clipped-surrogate variant, in the form of Stable-Baselines3's {@code PPO}:
 * collect {@code numSteps} steps of {@code numEnvs} copies with the current policy, compute GAE
 * advantages, then run {@code numEpochs} passes of minibatch Adam steps on
 * {@link PpoLoss}. Collection is {@link RolloutCollector}'s, which bootstraps truncated episodes.
 *
 * <p>Acting runs on a plain-Java snapshot of the networks ({@link ActorCriticPolicy}), refreshed
 * after every update; training runs the networks on ND4J. Same seed and same thread count give
 * bit-identical runs, and a run resumed from a checkpoint ({@link #resume}) continues
 * bit-identically to the uninterrupted one.
 */
public final class Ppo implements Trainer<float[], Object> {

    private static final Logger LOG = LoggerFactory.getLogger(Ppo.class);
    private final PpoConfig config;
    private final VectorEnv envs;
    private final VecNormalize normalization;
    private final ActorCritic model;
    private final ActorCriticPolicy actingPolicy;
    private final Adam optimizer;
    private final RolloutBuffer buffer;
    private final RolloutCollector collector;
    /** Where rollouts come from when not from {@link #collector}; null when they do. */
    private final RemoteRollouts remote;
    private final ActionHead head;
    private final AdvantageCombiner combiner;
    private Rng actionRng;
    private Rng minibatchRng;
    private final Timings timings = new Timings();

    private final Minibatch minibatch;

    private long stepsDone;
    private int updates;
    private final TrainingLoop loop = new TrainingLoop();
    private Map<String, Double> latestMetrics = Map.of();

    /**
     * @param envFactory makes one environment copy; observations must be {@code float[]} in a
     *     {@link Box} (wrap discrete observations with {@code OneHotObservation})
     */
    public Ppo(PpoConfig config, Supplier<? extends Environment<float[], ?>> envFactory) {
        this(config, envFactory, null, AdvantageCombiner.SCALAR);
    }

    /**
     * A run whose critic estimates {@code combiner.rewardDim()} values per observation (one per
     * objective of a vector-reward environment, each with its own GAE) and whose policy is
     * trained on the advantages {@code combiner} makes of them: the seam of the multi-objective
     * and constrained variants.
     *
     * @throws IllegalArgumentException if the environment's {@code rewardDim} is not the
     *         combiner's, or if vector rewards meet reward normalisation (its running statistics
     *         are scalar)
     */
    public Ppo(PpoConfig config, Supplier<? extends Environment<float[], ?>> envFactory, AdvantageCombiner combiner) {
        this(config, envFactory, null, combiner);
    }

    /**
     * A run whose rollouts are collected by {@code rollouts} (rollout workers) over
     * {@code config.numEnvs()} copies made by {@code envFactory}; the copies made here only give
     * the spaces. Bit-identical to the run collecting locally when {@code rollouts} keeps its
     * contract.
     *
     * @param rollouts the workers, or null to collect in this process (as the two-argument
     *     constructor does)
     * @throws IllegalArgumentException if the config normalises observations or rewards, whose
     *         running statistics span all copies and cannot be kept by separate workers
     */
    public Ppo(PpoConfig config, Supplier<? extends Environment<float[], ?>> envFactory, RemoteRollouts rollouts) {
        this(config, envFactory, rollouts, AdvantageCombiner.SCALAR);
    }

    private Ppo(PpoConfig config, Supplier<? extends Environment<float[], ?>> envFactory, RemoteRollouts rollouts,
            AdvantageCombiner combiner) {
        this.config = config;
        this.combiner = combiner;
        if (rollouts != null && combiner != AdvantageCombiner.SCALAR) {
            throw new IllegalArgumentException("remote rollouts take scalar rewards only, got " + combiner);
        }
        this.remote = rollouts;
        if (rollouts != null && (config.normalizeObservations() || config.normalizeRewards())) {
            throw new IllegalArgumentException("remote rollouts need normalizeObservations and normalizeRewards off:"
                    + " their running statistics span all copies");
        }
        Rng root = new Rng(config.seed());
        VectorEnv raw = vectorEnv(envFactory, config.numEnvs());
        if (!(raw.singleObservationSpace() instanceof Box)) {
            throw new IllegalArgumentException("PPO needs Box (float[]) observations, got " + raw.singleObservationSpace()
                    + "; wrap discrete observations with OneHotObservation");
        }
        if (config.normalizeObservations() || config.normalizeRewards()) {
            normalization = new VecNormalize(raw, config.normalizeObservations(), config.normalizeRewards(), config.gamma());
            envs = normalization;
        } else {
            normalization = null;
            envs = raw;
        }
        int rewardDim = combiner.rewardDim();
        if (envs.rewardDim() != rewardDim) {
            throw new IllegalArgumentException("the environment has rewardDim " + envs.rewardDim()
                    + " but the advantage combiner takes " + rewardDim + " rewards per step; scalarise vector rewards"
                    + " (LinearScalarization) or train with a multi-objective combiner");
        }
        if (rewardDim > 1 && config.normalizeRewards()) {
            throw new IllegalArgumentException("normalizeRewards keeps scalar statistics; turn it off for "
                    + rewardDim + " rewards per step");
        }
        int observationSize = envs.observationSize();
        model = new ActorCritic(observationSize, envs.singleActionSpace(), config.hiddenSizes(), config.activation(),
                config.logStdInit(), rewardDim, root.split());
        head = model.head();
        int actionSize = head.actionSize();
        actingPolicy = model.snapshot();
        optimizer = Adam.of(model.parameters(), config.learningRate().value(1.0), config.adamEpsilon());
        buffer = new RolloutBuffer(config.numSteps(), envs.numEnvs(), observationSize, actionSize, rewardDim);
        collector = new RolloutCollector(envs, buffer, config.gamma());
        actionRng = root.split();
        minibatchRng = root.split();
        long envSeed = root.nextSeed();
        if (remote == null) {
            envs.reset(envSeed);
        } else {
            remote.reset(envSeed);
        }
        minibatch = new Minibatch(config.batchSize(), observationSize, actionSize, rewardDim, head.outputSize());
    }

    @SuppressWarnings("unchecked")
    private static VectorEnv vectorEnv(Supplier<? extends Environment<float[], ?>> factory, int n) {
        // the action type is whatever the env takes; the vector env decodes it from its space
        Supplier<Environment<float[], Object>> typed = (Supplier<Environment<float[], Object>>) factory;
        return new SyncVectorEnv<>(() -> new RecordEpisodeStatistics<>(typed.get()), n);
    }

    public PpoConfig config() {
        return config;
    }

    /** Trains until {@code totalSteps} environment steps have been taken in all (schedules run over this total). */
    public void learn(long totalSteps, Callback... callbacks) {
        learn(totalSteps, List.of(callbacks));
    }

    public void learn(long totalSteps, List<Callback> callbacks) {
        loop.run(this, totalSteps, callbacks, this::round);
    }

    /** One rollout (local or on remote workers) and one update. */
    private void round(long totalSteps) {
        long start = System.nanoTime();
        stepsDone += remote == null
                ? collector.collect(actingPolicy, actionRng, config.gaeLambda())
                : remote.collect(actingPolicy, actionRng, config.gaeLambda(), buffer, collector::recordEpisode);
        if (remote == null) {
            combiner.afterRollout(collector.episodesOfLastRollout().stream()
                    .map(RolloutCollector.FinishedEpisode::statistics).toList());
        }
        long collected = System.nanoTime();
        // SB3 lets this go below 0 when the last rollout overshoots the total (a tiny negative
        // learning rate); it stops at 0 here
        Map<String, Double> metrics = update(Math.max(0.0, 1.0 - (double) stepsDone / totalSteps));
        long updated = System.nanoTime();
        timings.add(collected - start, updated - collected);
        metrics.put(MetricNames.SPS, stepsDone / timings.totalSeconds());
        latestMetrics = java.util.Collections.unmodifiableMap(metrics);
    }

    private Map<String, Double> update(double progressRemaining) {
        double learningRate = config.learningRate().value(progressRemaining);
        double clipRange = config.clipRange().value(progressRemaining);
        optimizer.setLearningRate(learningRate);
        int batch = config.batchSize();
        Minibatch mb = minibatch;
        double policyLoss = 0;
        double valueLoss = 0;
        double entropy = 0;
        double approxKl = 0;
        double clipFraction = 0;
        int steps = 0;
        boolean continueTraining = true;
        for (int epoch = 0; epoch < config.numEpochs() && continueTraining; epoch++) {
            int[] rows = buffer.shuffledRows(minibatchRng);
            for (int from = 0; from < rows.length; from += batch) {
                mb.gather(buffer, rows, from);
                combiner.combine(mb.vectorAdvantages, mb.observations, batch, mb.advantages);
                if (config.normalizeAdvantage()) {
                    PpoLoss.normalizeAdvantages(mb.advantages, batch);
                }
                long t0 = System.nanoTime();
                float[] outputs = model.actorForward(mb.observations, batch);
                double batchEntropy = head.logProbs(outputs, mb.actions, batch, model.headParams(), mb.logProbs);
                float[] values = model.criticForward(mb.observations, batch);
                PpoLoss.PolicyTerm policy = PpoLoss.clippedSurrogate(mb.logProbs, mb.oldLogProbs, mb.advantages, batch,
                        clipRange, mb.dLogProbs);
                int valueRows = batch * mb.rewardDim;
                double vLoss = PpoLoss.valueLoss(values, mb.oldValues, mb.returns, valueRows, config.clipRangeVf(),
                        mb.dValues);
                if (!Double.isNaN(config.targetKl()) && policy.approxKl() > 1.5 * config.targetKl()) {
                    // SB3: stop this update's epochs before applying a step that moved too far
                    continueTraining = false;
                    LOG.debug("early stop at epoch {} (approx_kl {} > 1.5 x {})", epoch, policy.approxKl(), config.targetKl());
                    break;
                }
                for (int i = 0; i < valueRows; i++) {
                    mb.dValues[i] *= (float) config.vfCoef();
                }
                long t1 = System.nanoTime();
                head.backward(outputs, mb.actions, batch, model.headParams(), mb.dLogProbs, config.entCoef(), mb.dOutputs,
                        model.headGradients());
                model.backward(mb.dOutputs, mb.dValues);
                long t2 = System.nanoTime();
                optimizer.clipGradientNorm(config.maxGradNorm());
                optimizer.step();
                model.syncHeadParams();
                timings.addGradientStep(t1 - t0, t2 - t1, System.nanoTime() - t2);
                policyLoss += policy.loss();
                valueLoss += vLoss;
                entropy += batchEntropy;
                approxKl += policy.approxKl();
                clipFraction += policy.clipFraction();
                steps++;
            }
        }
        model.refresh(actingPolicy);
        updates++;
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("charts/learning_rate", learningRate);
        metrics.put("charts/clip_range", clipRange);
        if (steps > 0) {
            metrics.put("losses/policy_loss", policyLoss / steps);
            metrics.put("losses/value_loss", valueLoss / steps);
            metrics.put("losses/entropy", entropy / steps);
            metrics.put("losses/approx_kl", approxKl / steps);
            metrics.put("losses/clipfrac", clipFraction / steps);
        }
        metrics.put("losses/explained_variance", buffer.explainedVariance());
        metrics.put("losses/gradient_steps", (double) steps);
        if (head.parameterCount() > 0) {
            double std = 0;
            for (float logStd : model.headParams()) {
                std += Math.exp(logStd) / model.headParams().length;
            }
            metrics.put("losses/std", std);
        }
        metrics.putAll(combiner.metrics());
        if (collector.hasEpisodes()) {
            if (combiner.rewardDim() == 1) {
                metrics.put(MetricNames.EPISODIC_RETURN, collector.meanEpisodeReturn());
            } else {
                double[] returns = collector.meanEpisodeReturns();
                for (int j = 0; j < returns.length; j++) {
                    metrics.put(MetricNames.EPISODIC_RETURN + "_" + j, returns[j]);
                }
            }
            metrics.put(MetricNames.EPISODIC_LENGTH, collector.meanEpisodeLength());
        }
        return metrics;
    }

    @Override
    public long stepsDone() {
        return stepsDone;
    }

    /** Updates done so far. */
    public int updates() {
        return updates;
    }

    @Override
    public Map<String, Double> latestMetrics() {
        return latestMetrics;
    }

    /**
     * A deployable copy of the current policy, acting on raw observations (it carries the
     * observation normalisation when the run uses it).
     */
    @Override
    public ActorCriticPolicy policy() {
        ActorCriticPolicy copy = model.snapshot();
        return normalization != null && normalization.normalizesObservations()
                ? copy.withNormalizer(normalization.frozenNormalizer())
                : copy;
    }

    /** Wall time spent collecting rollouts and updating, so far. */
    public Timings timings() {
        return timings;
    }

    /**
     * Writes everything the run's next update depends on (see {@link PpoCheckpoint}) to
     * {@code file}, atomically. The environments must be able to save their state
     * ({@link Stateful}); jrl's all can.
     *
     * @throws UnsupportedOperationException naming the environment or wrapper whose state cannot
     *         be saved; the previous file of that name is left as it was
     */
    @Override
    public void saveCheckpoint(Path file) throws IOException {
        try (CheckpointWriter writer = CheckpointWriter.create(file)) {
            writeCheckpoint(writer);
            writer.commit();
        }
    }

    /**
     * Writes the run's sections into {@code writer}, for a caller that adds sections of its own
     * before committing; {@link #resume} ignores sections it does not know.
     */
    public void writeCheckpoint(CheckpointWriter writer) throws IOException {
        if (combiner != AdvantageCombiner.SCALAR) {
            throw new UnsupportedOperationException("checkpoints hold scalar-reward runs only; " + combiner
                    + " keeps state of its own that they do not save");
        }
        if (remote != null) {
            throw new UnsupportedOperationException("a run with remote rollouts cannot be checkpointed:"
                    + " its environments live in the workers");
        }
        PpoCheckpoint.write(writer, this);
    }

    /**
     * The run saved in {@code checkpoint} by {@link #saveCheckpoint}, continued: made with
     * {@code config} and {@code envFactory}, which must be the ones the saved run was made with,
     * then given the saved parameters, optimiser, generators, counters, environments (mid-episode)
     * and episode window. Training it on to the same total reaches bit-identical parameters and
     * metrics to the uninterrupted run (on CPU, with the same thread count).
     *
     * @throws io.github.jrl.core.checkpoint.CorruptCheckpointException if the file is damaged or
     *         holds the state of other environments or another network; nothing is restored then
     * @throws IllegalArgumentException if the checkpoint was written with another config
     */
    public static Ppo resume(PpoConfig config, Supplier<? extends Environment<float[], ?>> envFactory, Path checkpoint)
            throws IOException {
        return resume(config, envFactory, Checkpoint.read(checkpoint));
    }

    /**
     * The config of the run that wrote {@code checkpoint}, to resume it with.
     *
     * @throws io.github.jrl.core.checkpoint.CorruptCheckpointException if its config section does
     *         not hold a valid config
     */
    public static PpoConfig configOf(Checkpoint checkpoint) throws IOException {
        return PpoCheckpoint.savedConfig(checkpoint);
    }

    /** As {@link #resume(PpoConfig, Supplier, Path)}, from a checkpoint already read and verified. */
    public static Ppo resume(PpoConfig config, Supplier<? extends Environment<float[], ?>> envFactory,
            Checkpoint checkpoint) throws IOException {
        Ppo ppo = new Ppo(config, envFactory);
        PpoCheckpoint.restore(ppo, checkpoint);
        return ppo;
    }

    /**
     * Continues from the networks of {@code policy}, a {@link #policy()} of a run with the same
     * observation, action and reward sizes and network shape (C-MORL's constrained stage starts
     * from a policy of the front). The optimiser's moments, the generators and the environments
     * stay this run's own.
     *
     * @throws IllegalArgumentException if the networks' layouts differ
     */
    public void loadParameters(ActorCriticPolicy policy) {
        model.load(policy);
        model.refresh(actingPolicy);
    }

    void restoreProgress(long steps, int updateCount, Rng actions, Rng minibatches) {
        stepsDone = steps;
        updates = updateCount;
        actionRng = actions;
        minibatchRng = minibatches;
        model.syncHeadParams();
        model.refresh(actingPolicy);
    }

    ActorCritic model() {
        return model;
    }

    Adam optimizer() {
        return optimizer;
    }

    Stateful envs() {
        return Stateful.of(envs);
    }

    RolloutCollector collector() {
        return collector;
    }

    Rng actionRng() {
        return actionRng;
    }

    Rng minibatchRng() {
        return minibatchRng;
    }

    @Override
    public String toString() {
        return "Ppo[" + stepsDone + " steps, " + updates + " updates, " + config + "]";
    }

    /**
     * Cumulative wall time of the two phases of PPO, and within updates of the forward passes
     * with the losses, the backward passes, and the optimiser (clipping and Adam).
     */
    public static final class Timings {
        private long rolloutNanos;
        private long updateNanos;
        private long forwardNanos;
        private long backwardNanos;
        private long optimizerNanos;

        void addGradientStep(long forward, long backward, long optimizer) {
            forwardNanos += forward;
            backwardNanos += backward;
            optimizerNanos += optimizer;
        }

        public double forwardSeconds() {
            return forwardNanos / 1e9;
        }

        public double backwardSeconds() {
            return backwardNanos / 1e9;
        }

        public double optimizerSeconds() {
            return optimizerNanos / 1e9;
        }

        void add(long rollout, long update) {
            rolloutNanos += rollout;
            updateNanos += update;
        }

        public double rolloutSeconds() {
            return rolloutNanos / 1e9;
        }

        public double updateSeconds() {
            return updateNanos / 1e9;
        }

        public double totalSeconds() {
            return (rolloutNanos + updateNanos) / 1e9;
        }
    }

    /** Preallocated minibatch arrays; advantages, returns and values per objective. */
    private static final class Minibatch {
        final float[] observations;
        final float[] actions;
        final float[] oldLogProbs;
        final float[] vectorAdvantages;
        final float[] advantages;
        final float[] returns;
        final float[] oldValues;
        final float[] logProbs;
        final float[] dLogProbs;
        final float[] dValues;
        final float[] dOutputs;
        final int rewardDim;
        private final int size;

        Minibatch(int size, int observationSize, int actionSize, int rewardDim, int outputSize) {
            this.size = size;
            this.rewardDim = rewardDim;
            observations = new float[size * observationSize];
            actions = new float[size * actionSize];
            oldLogProbs = new float[size];
            vectorAdvantages = new float[size * rewardDim];
            advantages = new float[size];
            returns = new float[size * rewardDim];
            oldValues = new float[size * rewardDim];
            logProbs = new float[size];
            dLogProbs = new float[size];
            dValues = new float[size * rewardDim];
            dOutputs = new float[size * outputSize];
        }

        void gather(RolloutBuffer buffer, int[] rows, int from) {
            buffer.gatherObservations(rows, from, size, observations);
            buffer.gatherActions(rows, from, size, actions);
            RolloutBuffer.gather(buffer.logProbs(), rows, from, size, oldLogProbs);
            RolloutBuffer.gather(buffer.advantages(), rewardDim, rows, from, size, vectorAdvantages);
            RolloutBuffer.gather(buffer.returns(), rewardDim, rows, from, size, returns);
            RolloutBuffer.gather(buffer.values(), rewardDim, rows, from, size, oldValues);
        }
    }
}

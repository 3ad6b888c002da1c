package io.github.jrl.algorithms.sac;

import io.github.jrl.algorithms.common.TrainingEnvs;
import io.github.jrl.core.buffer.ReplayBuffer;
import io.github.jrl.core.checkpoint.Checkpoint;
import io.github.jrl.core.checkpoint.Stateful;
import io.github.jrl.core.env.Environment;
import io.github.jrl.core.metrics.MetricNames;
import io.github.jrl.core.parallel.WorkerTeam;
import io.github.jrl.core.random.ColoredNoise;
import io.github.jrl.core.random.Rng;
import io.github.jrl.core.space.Box;
import io.github.jrl.core.train.Callback;
import io.github.jrl.core.train.Trainer;
import io.github.jrl.core.train.TrainingLoop;
import io.github.jrl.core.vector.VectorEnv;
import io.github.jrl.core.wrappers.RecentEpisodes;
import io.github.jrl.core.wrappers.RecordEpisodeStatistics;
import io.github.jrl.nd4j.policy.ActorPolicy;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Soft Actor-Critic (Haarnoja et al. 2018, "Soft Actor-Critic Algorithms and Applications"), in
 * the form of Stable-Baselines3's {@code SAC}: act in {@code numEnvs} environment copies (uniformly
 * random actions for the first {@code learningStarts} steps), store transitions in a
 * {@link ReplayBuffer}, and every {@code trainFreq} steps run {@code gradientSteps} gradient steps
 * of the twin critics, the actor and the temperature on uniformly sampled batches, with Polyak
 * updates of the target critics. Bounded {@link Box} action spaces get continuous SAC (a
 * tanh-squashed Gaussian rescaled to the box), discrete ones discrete SAC (Christodoulou 2019);
 * see {@link ContinuousSacLearner} and {@link DiscreteSacLearner}.
 *
 * <p>Acting runs on a plain-Java copy of the actor ({@link ActorPolicy}) refreshed after every
 * training round; training runs the networks on ND4J. Same seed and same thread count give
 * bit-identical runs.
 */
public final class Sac implements Trainer<float[], Object> {

    private final SacConfig config;
    private final VectorEnv envs;
    private final SacLearner learner;
    private final Temperature temperature;
    private final ReplayBuffer buffer;
    private final ReplayBuffer.Batch batch;
    private final ColoredNoise[] coloredNoise;
    private final RecentEpisodes episodes = new RecentEpisodes();
    private final Timings timings = new Timings();
    private final RoundStatistics roundStatistics = new RoundStatistics();
    private Rng explorationRng;
    private Rng replayRng;
    private Rng trainingNoiseRng;

    private final int numEnvs;
    private final int observationSize;
    private final int actionSize;
    private final boolean continuous;
    private final float[] observations;
    private final float[] nextObservations;
    private final float[] policyActions;
    private final float[] envActions;
    private final float[] rewards;
    private final float[] noise;

    private long stepsDone;
    private long gradientSteps;
    private final TrainingLoop loop = new TrainingLoop();
    private Map<String, Double> latestMetrics = Map.of();
    /** Where transitions come from when not from {@link #envs}; null when they do. */
    private final RemoteTransitions remote;
    private final long remoteEnvSeed;
    private boolean remoteStarted;
    /** Remote transitions not yet matched by a training round (one per {@code numEnvs * trainFreq}). */
    private long remoteBacklog;

    /**
     * @param envFactory makes one environment copy with {@code float[]} observations in a
     *     {@link Box}, scalar rewards, and a bounded {@code Box} or a {@code Discrete} action space
     */
    public Sac(SacConfig config, Supplier<? extends Environment<float[], ?>> envFactory) {
        this(config, envFactory, null);
    }

    /**
     * A run whose transitions are collected by {@code transitions} (remote workers stepping
     * {@code config.numEnvs()} copies made by {@code envFactory}, acting with the actor snapshots
     * they are sent) and added to the replay buffer between training rounds; the copies made here
     * only give the spaces. A round adds whatever has arrived (at least one chunk), then runs one
     * training round of {@code gradientSteps} gradient steps per {@code numEnvs * trainFreq}
     * transitions added, the ratio of the local loop.
     *
     * @param transitions the workers, or null to collect in this process
     * @throws IllegalArgumentException if the config asks for coloured exploration noise, whose
     *         sequences the workers do not keep
     */
    public Sac(SacConfig config, Supplier<? extends Environment<float[], ?>> envFactory, RemoteTransitions transitions) {
        this.config = config;
        this.remote = transitions;
        if (transitions != null && config.explorationNoise() != ExplorationNoise.WHITE) {
            throw new IllegalArgumentException("remote transitions are collected with white exploration noise; got "
                    + config.explorationNoise());
        }
        Rng root = new Rng(config.seed());
        envs = TrainingEnvs.vector(envFactory, config.numEnvs());
        if (!(envs.singleObservationSpace() instanceof Box)) {
            throw new IllegalArgumentException("SAC needs Box (float[]) observations, got " + envs.singleObservationSpace()
                    + "; wrap discrete observations with OneHotObservation");
        }
        if (envs.rewardDim() != 1) {
            throw new IllegalArgumentException("SAC needs scalar rewards, got " + envs.rewardDim()
                    + " components; wrap the env in LinearScalarization");
        }
        numEnvs = envs.numEnvs();
        observationSize = envs.observationSize();
        learner = SacLearner.create(observationSize, envs.singleActionSpace(), config, WorkerTeam.PAIR_SIZE,
                root.split());
        continuous = learner instanceof ContinuousSacLearner;
        actionSize = learner.actionSize();
        double targetEntropy = Double.isNaN(config.targetEntropy()) ? learner.defaultTargetEntropy()
                : config.targetEntropy();
        temperature = new Temperature(config.entCoef(), config.autoEntCoef(), targetEntropy, config.adamEpsilon());
        buffer = new ReplayBuffer(config.bufferSize(), observationSize, actionSize);
        batch = buffer.newBatch(config.batchSize());
        coloredNoise = new ColoredNoise[continuous && config.explorationNoise() != ExplorationNoise.WHITE ? numEnvs : 0];
        for (int i = 0; i < coloredNoise.length; i++) {
            coloredNoise[i] = new ColoredNoise(config.explorationNoise().beta(), config.noiseSequenceLength(), actionSize);
        }
        explorationRng = root.split();
        replayRng = root.split();
        trainingNoiseRng = root.split();
        observations = new float[numEnvs * observationSize];
        nextObservations = new float[numEnvs * observationSize];
        policyActions = new float[numEnvs * actionSize];
        envActions = new float[numEnvs * actionSize];
        rewards = new float[numEnvs];
        noise = new float[numEnvs * actionSize];
        long envSeed = root.nextSeed();
        if (remote == null) {
            envs.reset(envSeed);
        }
        remoteEnvSeed = envSeed;
    }

    public SacConfig config() {
        return config;
    }

    /** Trains until {@code totalSteps} environment steps have been taken in all (schedules run over this total). */
    public void learn(long totalSteps, Callback... callbacks) {
        learn(totalSteps, List.of(callbacks));
    }

    public void learn(long totalSteps, List<Callback> callbacks) {
        loop.run(this, totalSteps, callbacks, this::round);
    }

    /**
     * {@code trainFreq} steps of every copy (or the transitions remote workers sent), then training
     * once learning has started.
     */
    private void round(long totalSteps) {
        long start = System.nanoTime();
        if (remote != null) {
            if (!remoteStarted) {
                remote.start(remoteEnvSeed, explorationRng.nextSeed(), learner::policy);
                remoteStarted = true;
            }
            long added = remote.drainInto(buffer,
                    stats -> episodes.record(Map.of(RecordEpisodeStatistics.INFO_KEY, stats)));
            stepsDone += added;
            remoteBacklog += added;
        } else {
            for (int t = 0; t < config.trainFreq(); t++) {
                collectStep();
            }
        }
        timings.add(Phase.COLLECT, System.nanoTime() - start);
        roundStatistics.clear();
        // SB3 trains once more steps than learning_starts have been taken
        if (stepsDone > config.learningStarts()) {
            if (remote == null) {
                train(Math.max(0.0, 1.0 - (double) stepsDone / totalSteps));
            } else {
                // as many training rounds as the local loop would run for these steps: SB3's replay ratio
                long perRound = (long) numEnvs * config.trainFreq();
                for (; remoteBacklog >= perRound; remoteBacklog -= perRound) {
                    train(Math.max(0.0, 1.0 - (double) stepsDone / totalSteps));
                }
                remote.trained(gradientSteps, learner::policy);
            }
        } else {
            remoteBacklog = 0;
        }
        latestMetrics = metrics();
    }

    private void collectStep() {
        System.arraycopy(envs.observations(), 0, observations, 0, observations.length);
        ActorPolicy acting = learner.acting();
        if (stepsDone < config.learningStarts()) {
            randomActions();
        } else {
            if (continuous) {
                fillNoise();
            }
            acting.sampleBatch(observations, numEnvs, noise, explorationRng, policyActions);
        }
        acting.toEnvActions(policyActions, numEnvs, envActions);
        envs.step(envActions);
        double[] stepRewards = envs.rewards();
        boolean[] terminated = envs.terminated();
        boolean[] truncated = envs.truncated();
        float[] next = envs.observations();
        for (int i = 0; i < numEnvs; i++) {
            rewards[i] = (float) stepRewards[i];
            boolean done = terminated[i] || truncated[i];
            // after an autoreset the env shows the next episode's first observation; s' is the final one
            System.arraycopy(done ? envs.finalObservations() : next, i * observationSize, nextObservations,
                    i * observationSize, observationSize);
            if (done) {
                episodes.record(envs.finalInfo(i));
                if (coloredNoise.length > 0) {
                    coloredNoise[i].reset();
                }
            }
        }
        buffer.add(numEnvs, observations, policyActions, rewards, nextObservations, terminated, truncated);
        stepsDone += numEnvs;
    }

    /** SB3 samples the action space uniformly before learning starts; in the squashed encoding that is U(-1, 1). */
    private void randomActions() {
        TransitionCollector.uniformActions(envs.singleActionSpace(), explorationRng, policyActions, numEnvs);
    }

    private void fillNoise() {
        if (coloredNoise.length == 0) {
            TransitionCollector.whiteNoise(explorationRng, noise);
        } else {
            for (int i = 0; i < numEnvs; i++) {
                coloredNoise[i].next(explorationRng, noise, i * actionSize);
            }
        }
    }

    private void train(double progressRemaining) {
        double learningRate = config.learningRate().value(progressRemaining);
        learner.setLearningRate(learningRate);
        temperature.setLearningRate(learningRate);
        for (int g = 0; g < config.gradientSteps(); g++) {
            long t0 = System.nanoTime();
            buffer.sample(replayRng, batch);
            long t1 = System.nanoTime();
            double alpha = temperature.alpha();
            SacLearner.StepStats stats = learner.gradientStep(batch, alpha, trainingNoiseRng, timings);
            long t2 = System.nanoTime();
            // the temperature step uses the pre-update policy's log-probs, as SB3 and CleanRL do
            double alphaLoss = temperature.update(-stats.actor().entropy());
            gradientSteps++;
            if (gradientSteps % config.targetUpdateInterval() == 0) {
                learner.updateTargets(config.tau());
            }
            roundStatistics.add(stats, alpha, alphaLoss);
            timings.add(Phase.SAMPLE, t1 - t0);
            timings.add(Phase.OTHER, System.nanoTime() - t2);
        }
        long t3 = System.nanoTime();
        learner.refreshActing();
        timings.add(Phase.OTHER, System.nanoTime() - t3);
    }

    private Map<String, Double> metrics() {
        Map<String, Double> metrics = new LinkedHashMap<>();
        roundStatistics.putInto(metrics, temperature.learned());
        metrics.put(MetricNames.SPS, stepsDone / timings.totalSeconds());
        if (episodes.hasEpisodes()) {
            metrics.put(MetricNames.EPISODIC_RETURN, episodes.meanReturn());
            metrics.put(MetricNames.EPISODIC_LENGTH, episodes.meanLength());
        }
        return Collections.unmodifiableMap(metrics);
    }

    @Override
    public long stepsDone() {
        return stepsDone;
    }

    /** Gradient steps taken so far. */
    public long gradientSteps() {
        return gradientSteps;
    }

    /** Floating-point operations of the matrix products of one gradient step, for throughput reports. */
    public double flopsPerGradientStep() {
        return learner.flopsPerGradientStep(config.batchSize());
    }

    /** Transitions in the replay buffer. */
    public int bufferSize() {
        return buffer.size();
    }

    /** The entropy target of the temperature (the configured one, or the reference's default). */
    public double targetEntropy() {
        return temperature.targetEntropy();
    }

    @Override
    public Map<String, Double> latestMetrics() {
        return latestMetrics;
    }

    /** A deployable copy of the current actor. */
    @Override
    public ActorPolicy policy() {
        return learner.policy();
    }

    /** Wall time spent so far, by phase. */
    public Timings timings() {
        return timings;
    }

    @Override
    public void saveCheckpoint(Path file) throws IOException {
        if (remote != null) {
            throw new UnsupportedOperationException("a run with remote transitions cannot be checkpointed:"
                    + " its environments live in the workers");
        }
        SacCheckpoint.write(file, this);
    }

    /**
     * A run continued from a checkpoint written by {@link #saveCheckpoint} with the same config:
     * networks, optimisers, temperature, replay buffer, generators, environment copies
     * (mid-episode), exploration noise and counters are restored, so training on continues
     * exactly as the saved run would have.
     */
    public static Sac resume(SacConfig config, Supplier<? extends Environment<float[], ?>> envFactory, Path checkpoint)
            throws IOException {
        return resume(config, envFactory, Checkpoint.read(checkpoint));
    }

    /** As {@link #resume(SacConfig, Supplier, Path)}, from a checkpoint already read and verified. */
    public static Sac resume(SacConfig config, Supplier<? extends Environment<float[], ?>> envFactory,
            Checkpoint checkpoint) throws IOException {
        Sac sac = new Sac(config, envFactory);
        SacCheckpoint.restore(sac, checkpoint);
        return sac;
    }

    /** The config of the run that wrote {@code checkpoint}, to {@link #resume} it with. */
    public static SacConfig configOf(Checkpoint checkpoint) throws IOException {
        return SacCheckpoint.savedConfig(checkpoint);
    }

    SacLearner learner() {
        return learner;
    }

    Temperature temperature() {
        return temperature;
    }

    ReplayBuffer buffer() {
        return buffer;
    }

    Stateful envs() {
        return Stateful.of(envs);
    }

    RecentEpisodes episodes() {
        return episodes;
    }

    ColoredNoise[] coloredNoise() {
        return coloredNoise;
    }

    Rng[] generators() {
        return new Rng[] {explorationRng, replayRng, trainingNoiseRng};
    }

    void restoreProgress(long steps, long gradientStepCount, Rng[] rngs) {
        stepsDone = steps;
        gradientSteps = gradientStepCount;
        explorationRng = rngs[0];
        replayRng = rngs[1];
        trainingNoiseRng = rngs[2];
    }

    @Override
    public String toString() {
        return "Sac[" + stepsDone + " steps, " + gradientSteps + " gradient steps, " + config + "]";
    }

    /** The parts of a SAC run whose wall time {@link Timings} keeps apart. */
    public enum Phase {
        /** Acting, stepping the environments, storing transitions. */
        COLLECT,
        /** Drawing batches from the replay buffer. */
        SAMPLE,
        /** The actor at s' and the target critics: the soft TD targets. */
        TARGETS,
        /** Critic forward, backward and Adam step. */
        CRITIC,
        /** Actor forward, critics at the policy's actions, backward through them, Adam step. */
        ACTOR,
        /** Temperature step, target updates, refreshing the acting copy of the actor. */
        OTHER
    }

    /** Cumulative wall time per {@link Phase}. */
    public static final class Timings {
        private final long[] nanos = new long[Phase.values().length];

        void add(Phase phase, long elapsed) {
            nanos[phase.ordinal()] += elapsed;
        }

        public double seconds(Phase phase) {
            return nanos[phase.ordinal()] / 1e9;
        }

        /** Time of all phases: the whole training loop. */
        public double totalSeconds() {
            long total = 0;
            for (long n : nanos) {
                total += n;
            }
            return total / 1e9;
        }
    }

    /** Means of a training round's gradient-step statistics, named as CleanRL's {@code sac_continuous_action.py}. */
    private static final class RoundStatistics {
        private int steps;
        private double qf1Loss;
        private double qf2Loss;
        private double qf1Values;
        private double qf2Values;
        private double actorLoss;
        private double entropy;
        private double alpha;
        private double alphaLoss;

        void clear() {
            steps = 0;
            qf1Loss = 0;
            qf2Loss = 0;
            qf1Values = 0;
            qf2Values = 0;
            actorLoss = 0;
            entropy = 0;
            alpha = 0;
            alphaLoss = 0;
        }

        void add(SacLearner.StepStats stats, double stepAlpha, double stepAlphaLoss) {
            steps++;
            qf1Loss += stats.critic().qf1Loss();
            qf2Loss += stats.critic().qf2Loss();
            qf1Values += stats.critic().qf1Values();
            qf2Values += stats.critic().qf2Values();
            actorLoss += stats.actor().loss();
            entropy += stats.actor().entropy();
            alpha += stepAlpha;
            alphaLoss += stepAlphaLoss;
        }

        void putInto(Map<String, Double> metrics, boolean learnedAlpha) {
            if (steps == 0) {
                return;
            }
            metrics.put("losses/qf1_values", qf1Values / steps);
            metrics.put("losses/qf2_values", qf2Values / steps);
            metrics.put("losses/qf1_loss", qf1Loss / steps);
            metrics.put("losses/qf2_loss", qf2Loss / steps);
            // CleanRL logs qf_loss / 2, which is SB3's critic loss 0.5 * (mse1 + mse2)
            metrics.put("losses/qf_loss", 0.5 * (qf1Loss + qf2Loss) / steps);
            metrics.put("losses/actor_loss", actorLoss / steps);
            metrics.put("losses/alpha", alpha / steps);
            if (learnedAlpha) {
                metrics.put("losses/alpha_loss", alphaLoss / steps);
            }
            metrics.put("losses/entropy", entropy / steps);
        }
    }
}

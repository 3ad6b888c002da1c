package io.github.jrl.algorithms.offline;

import io.github.jrl.core.buffer.ReplayBuffer;
import io.github.jrl.core.callbacks.Evaluation;
import io.github.jrl.core.callbacks.EvaluationResult;
import io.github.jrl.core.checkpoint.Checkpoint;
import io.github.jrl.core.checkpoint.CheckpointWriter;
import io.github.jrl.core.checkpoint.StateCodec;
import io.github.jrl.core.checkpoint.Stateful;
import io.github.jrl.core.dataset.DatasetInfo;
import io.github.jrl.core.dataset.OfflineDataset;
import io.github.jrl.core.env.Environment;
import io.github.jrl.core.metrics.MetricNames;
import io.github.jrl.core.policy.Policy;
import io.github.jrl.core.random.Rng;
import io.github.jrl.core.space.Box;
import io.github.jrl.core.space.Discrete;
import io.github.jrl.core.space.Space;
import io.github.jrl.core.train.Callback;
import io.github.jrl.core.train.Trainer;
import io.github.jrl.core.train.TrainingLoop;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The loop every offline algorithm shares, as the reference implementations run it (TD3+BC's
 * {@code main.py}, d3rlpy's {@code fit}): draw a batch uniformly with replacement from the
 * dataset's transitions, take one gradient step of the {@link OfflineLearner}, and every
 * {@code evalEvery} steps (and after the last) run {@code evalEpisodes} deterministic episodes,
 * reporting their mean return and its D4RL normalised score.
 *
 * <p>Progress is counted in gradient steps: {@link #stepsDone()} is what callbacks and metric
 * sinks see as the step. Each round of {@code logEvery} steps ends with
 * {@link Callback#onUpdate}; its metrics ({@link #latestMetrics()}) are the means of the
 * learner's metrics over the round, {@code charts/SPS} (gradient steps per second), and after an
 * evaluation {@code eval/mean_reward}, {@code eval/std_reward}, {@code eval/mean_ep_length}
 * (Stable-Baselines3's names) and {@code eval/normalized_score}. Write them to a sink with
 * {@link io.github.jrl.core.callbacks.MetricsCallback}.
 *
 * <p>Same learner seed and same {@link OfflineTrainerConfig#seed()} give the same run. A
 * non-finite metric raises. Not thread-safe.
 */
public final class OfflineTrainer implements Trainer<float[], Object> {

    private static final String HEAD = "offline";

    /** {@code eval/normalized_score}: the D4RL normalised score of the latest evaluation's mean return. */
    public static final String EVAL_NORMALIZED_SCORE = "eval/normalized_score";

    private final OfflineLearner learner;
    private final DatasetInfo info;
    private final OfflineTrainerConfig config;
    private final Environment<float[], Object> evalEnv;
    private final ReplayBuffer transitions;
    private final ReplayBuffer.Batch batch;
    private final TrainingLoop loop = new TrainingLoop();
    private final List<OfflineEvaluation> evaluations = new ArrayList<>();
    private final RoundMeans roundMeans = new RoundMeans();
    private Rng samplingRng;
    private long steps;
    private long nanos;
    private Map<String, Double> latestMetrics = Map.of();

    /**
     * @param evalEnv an environment of the dataset's kind (same observation size, its action
     *     space), used for evaluation only
     * @throws IllegalArgumentException if the dataset has vector rewards, or the environment does
     *     not match the dataset
     */
    @SuppressWarnings("unchecked")
    public OfflineTrainer(OfflineLearner learner, OfflineDataset dataset, Environment<float[], ?> evalEnv,
            OfflineTrainerConfig config) {
        this.learner = learner;
        this.info = dataset.info();
        this.config = config;
        if (info.rewardDim() != 1) {
            throw new IllegalArgumentException("offline training needs scalar rewards; dataset " + info.datasetId()
                    + " has " + info.rewardDim() + " reward components");
        }
        requireMatchingEnv(info, evalEnv);
        this.evalEnv = (Environment<float[], Object>) evalEnv;
        this.transitions = dataset.toReplayBuffer(dataset.transitionCount(), 0);
        this.batch = transitions.newBatch(learner.batchSize());
        this.samplingRng = new Rng(config.seed());
    }

    /**
     * Checks that {@code env} is the kind of environment {@code info}'s dataset was recorded in:
     * its observation size and its action space (a box of the action size, or as many discrete
     * actions).
     *
     * @throws IllegalArgumentException naming the mismatch
     */
    public static void requireMatchingEnv(DatasetInfo info, Environment<float[], ?> env) {
        Space<?> observations = env.observationSpace();
        Space<?> actions = env.actionSpace();
        boolean observationsFit = observations instanceof Box box && box.size() == info.observationSize();
        boolean actionsFit = info.discreteActions()
                ? actions instanceof Discrete discrete && discrete.n() == info.actionCount()
                : actions instanceof Box box && box.size() == info.actionSize();
        if (!observationsFit || !actionsFit) {
            throw new IllegalArgumentException("environment " + env.id() + " (observations " + observations
                    + ", actions " + actions + ") does not match dataset " + info.datasetId() + " of " + info.envId()
                    + " (" + info.observationSize() + " observation floats, "
                    + (info.discreteActions() ? info.actionCount() + " discrete actions" : info.actionSize()
                            + "-dimensional box actions") + ")");
        }
    }

    public OfflineTrainerConfig config() {
        return config;
    }

    public OfflineLearner learner() {
        return learner;
    }

    /** Trains until {@code totalSteps} gradient steps have been taken in all, or a callback stops it. */
    public void learn(long totalSteps, Callback... callbacks) {
        learn(totalSteps, List.of(callbacks));
    }

    public void learn(long totalSteps, List<Callback> callbacks) {
        loop.run(this, totalSteps, callbacks, this::round);
    }

    private void round(long totalSteps) {
        long start = System.nanoTime();
        int count = (int) Math.min(config.logEvery(), totalSteps - steps);
        roundMeans.clear();
        for (int k = 0; k < count; k++) {
            transitions.sample(samplingRng, batch);
            Map<String, Double> stepMetrics = learner.update(batch);
            steps++;
            roundMeans.add(stepMetrics, steps);
        }
        nanos += System.nanoTime() - start;
        Map<String, Double> metrics = new LinkedHashMap<>(roundMeans.means());
        metrics.put(MetricNames.SPS, steps / (nanos / 1e9));
        if (steps % config.evalEvery() == 0 || steps == totalSteps) {
            OfflineEvaluation evaluation = evaluate();
            metrics.put(MetricNames.EVAL_MEAN_REWARD, evaluation.result().mean());
            metrics.put(MetricNames.EVAL_STD_REWARD, evaluation.result().std());
            metrics.put(MetricNames.EVAL_MEAN_EP_LENGTH, evaluation.result().meanLength());
            if (!Double.isNaN(evaluation.normalizedScore())) {
                metrics.put(EVAL_NORMALIZED_SCORE, evaluation.normalizedScore());
            }
        }
        latestMetrics = Collections.unmodifiableMap(metrics);
    }

    /**
     * Runs {@code evalEpisodes} deterministic episodes of the current policy now (on the
     * evaluation seed, so the same episodes every time) and records the result in
     * {@link #evaluations()}.
     */
    public OfflineEvaluation evaluate() {
        EvaluationResult result = Evaluation.evaluate(learner.policy(), evalEnv, config.evalEpisodes(), true,
                config.evalSeed());
        double score = Double.isNaN(info.randomReturn()) || Double.isNaN(info.expertReturn())
                ? Double.NaN : info.normalizedScore(result.mean());
        OfflineEvaluation evaluation = new OfflineEvaluation(steps, result, score);
        evaluations.add(evaluation);
        return evaluation;
    }

    /** The evaluations of this trainer so far, in order (not restored by {@link #restore}). */
    public List<OfflineEvaluation> evaluations() {
        return List.copyOf(evaluations);
    }

    public Optional<OfflineEvaluation> lastEvaluation() {
        return evaluations.isEmpty() ? Optional.empty() : Optional.of(evaluations.get(evaluations.size() - 1));
    }

    /** Gradient steps taken so far. */
    @Override
    public long stepsDone() {
        return steps;
    }

    @Override
    public Map<String, Double> latestMetrics() {
        return latestMetrics;
    }

    @Override
    public Policy<float[], Object> policy() {
        return learner.policy();
    }

    /**
     * Writes the run's state: the loop's config and the dataset's id and size ({@code config}),
     * the learner's {@link Stateful} state ({@code params}), the batch-sampling generator
     * ({@code rng}) and the gradient-step count ({@code counters}). The dataset itself is not
     * stored: {@link #restore} needs the same one.
     */
    @Override
    public void saveCheckpoint(Path file) throws IOException {
        try (CheckpointWriter writer = CheckpointWriter.create(file)) {
            writer.section(Checkpoint.CONFIG, describe().getBytes(StandardCharsets.UTF_8));
            writer.section(Checkpoint.PARAMS, learner::writeState);
            writer.section(Checkpoint.RNG, out -> StateCodec.writeRng(out, samplingRng));
            writer.section(Checkpoint.COUNTERS, out -> {
                StateCodec.writeTag(out, HEAD);
                out.writeLong(steps);
            });
            writer.commit();
        }
    }

    /**
     * Continues the run saved in {@code file} by a trainer built the same way (same learner
     * config, dataset and loop config): all sections are decoded and checked before anything
     * changes, so a corrupt or foreign checkpoint leaves this trainer as it was.
     *
     * @throws IllegalArgumentException if the checkpoint was written by a run of another config,
     *     dataset or learner (the message shows both)
     * @throws IOException if the file is not an intact checkpoint of an offline run
     */
    public void restore(Path file) throws IOException {
        Checkpoint checkpoint = Checkpoint.read(file);
        checkpoint.requireConfig(describe());
        Stateful.Restore learnerState = checkpoint.read(Checkpoint.PARAMS, learner::readState);
        Rng rng = checkpoint.read(Checkpoint.RNG, in -> StateCodec.readRng(in, "the batch-sampling generator"));
        long savedSteps = checkpoint.read(Checkpoint.COUNTERS, in -> {
            StateCodec.readTag(in, HEAD);
            return in.readLong();
        });
        learnerState.apply();
        samplingRng = rng;
        steps = savedSteps;
    }

    private String describe() {
        return config + " on " + info.datasetId() + " (" + transitions.size() + " transitions) with " + learner;
    }

    /** Means of the learner's metrics over a round; a non-finite value raises. */
    private static final class RoundMeans {
        private final Map<String, double[]> sums = new LinkedHashMap<>();

        void clear() {
            sums.clear();
        }

        void add(Map<String, Double> metrics, long step) {
            metrics.forEach((name, value) -> {
                if (!Double.isFinite(value)) {
                    throw new ArithmeticException(name + " is " + value + " at gradient step " + step
                            + "; training diverged (check the learning rate and the dataset's rewards)");
                }
                double[] sum = sums.computeIfAbsent(name, k -> new double[2]);
                sum[0] += value;
                sum[1]++;
            });
        }

        Map<String, Double> means() {
            Map<String, Double> means = new LinkedHashMap<>();
            sums.forEach((name, sum) -> means.put(name, sum[0] / sum[1]));
            return means;
        }
    }
}

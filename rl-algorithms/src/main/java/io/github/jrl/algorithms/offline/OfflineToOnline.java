package io.github.jrl.algorithms.offline;

import io.github.jrl.core.buffer.ReplayBuffer;
import io.github.jrl.core.callbacks.Evaluation;
import io.github.jrl.core.callbacks.EvaluationResult;
import io.github.jrl.core.dataset.DatasetInfo;
import io.github.jrl.core.dataset.OfflineDataset;
import io.github.jrl.core.env.Environment;
import io.github.jrl.core.env.Step;
import io.github.jrl.core.random.Rng;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Offline-to-online fine-tuning: a learner trained offline (IQL, CQL) keeps learning from its own
 * experience, as CORL's {@code algorithms/finetune/iql.py} and {@code finetune/cql.py} do it. The
 * replay buffer starts with the whole dataset and every online transition is appended to it, so
 * batches are drawn uniformly from dataset and fresh transitions together (the fresh share grows
 * as they accumulate); each environment step is followed by one gradient update. The learner
 * explores with a sample of its current policy ({@link FineTunable#explore}); a time-limit
 * truncation still bootstraps ({@code terminated} and {@code truncated} are stored apart, as
 * CORL's {@code real_done}).
 *
 * <p>The learner continues from whatever state it is in: train it offline first (with
 * {@link OfflineTrainer}, or restore its checkpoint). Same learner state, dataset and config give
 * the same run. Not thread-safe.
 */
public final class OfflineToOnline {

    private final FineTunable learner;
    private final DatasetInfo info;
    private final Environment<float[], Object> env;
    private final Environment<float[], Object> evalEnv;
    private final OfflineToOnlineConfig config;
    private final ReplayBuffer buffer;
    private final ReplayBuffer.Batch batch;
    private final int actionSize;
    private final List<OfflineEvaluation> evaluations = new ArrayList<>();
    private final List<Double> episodeReturns = new ArrayList<>();
    private Map<String, Double> latestMetrics = Map.of();

    /**
     * @param env the environment to keep learning in, of the dataset's kind
     * @param evalEnv an environment of the same kind, used for evaluation only
     * @throws IllegalArgumentException if the dataset has vector rewards or an environment does
     *     not match it
     */
    @SuppressWarnings("unchecked")
    public OfflineToOnline(FineTunable learner, OfflineDataset dataset, Environment<float[], ?> env,
            Environment<float[], ?> evalEnv, OfflineToOnlineConfig config) {
        this.learner = learner;
        this.info = dataset.info();
        if (info.rewardDim() != 1) {
            throw new IllegalArgumentException("fine-tuning needs scalar rewards; dataset " + info.datasetId()
                    + " has " + info.rewardDim() + " reward components");
        }
        OfflineTrainer.requireMatchingEnv(info, env);
        OfflineTrainer.requireMatchingEnv(info, evalEnv);
        this.env = (Environment<float[], Object>) env;
        this.evalEnv = (Environment<float[], Object>) evalEnv;
        this.config = config;
        this.buffer = dataset.toReplayBuffer(dataset.transitionCount() + config.onlineSteps(), 0);
        this.batch = buffer.newBatch(learner.batchSize());
        this.actionSize = info.actionSize();
    }

    /**
     * Runs the online phase: an evaluation first, then {@code onlineSteps} steps of acting,
     * storing and one update, evaluating every {@code evalEvery} steps and after the last.
     * Returns the evaluations, the first being the offline learner's.
     */
    public List<OfflineEvaluation> learn() {
        Rng root = new Rng(config.seed());
        Rng acting = root.split();
        Rng sampling = root.split();
        float[] observation = env.reset(root.nextSeed()).observation();
        evaluate(0);
        double episodeReturn = 0;
        float[] reward = new float[1];
        boolean[] terminated = new boolean[1];
        boolean[] truncated = new boolean[1];
        for (int t = 1; t <= config.onlineSteps(); t++) {
            Object action = learner.explore(observation, acting);
            Step<float[]> step = env.step(action);
            reward[0] = (float) step.reward();
            terminated[0] = step.terminated();
            truncated[0] = step.truncated();
            float[] actionRow = action instanceof Integer index ? new float[] {index} : (float[]) action;
            if (actionRow.length != actionSize) {
                throw new IllegalStateException("the learner explored with an action of " + actionRow.length
                        + " floats; the dataset stores " + actionSize);
            }
            buffer.add(1, observation, actionRow, reward, step.observation(), terminated, truncated);
            episodeReturn += step.reward();
            if (step.done()) {
                episodeReturns.add(episodeReturn);
                episodeReturn = 0;
                observation = env.reset().observation();
            } else {
                observation = step.observation();
            }
            buffer.sample(sampling, batch);
            latestMetrics = learner.update(batch);
            if (t % config.evalEvery() == 0 || t == config.onlineSteps()) {
                evaluate(t);
            }
        }
        return List.copyOf(evaluations);
    }

    private void evaluate(long step) {
        EvaluationResult result = Evaluation.evaluate(learner.policy(), evalEnv, config.evalEpisodes(), true,
                config.evalSeed());
        double score = Double.isNaN(info.randomReturn()) || Double.isNaN(info.expertReturn())
                ? Double.NaN : info.normalizedScore(result.mean());
        evaluations.add(new OfflineEvaluation(step, result, score));
    }

    /** The evaluations so far; step 0 is the learner as it came from offline training. */
    public List<OfflineEvaluation> evaluations() {
        return List.copyOf(evaluations);
    }

    /** Undiscounted returns of the online (exploring) episodes finished so far, in order. */
    public List<Double> episodeReturns() {
        return List.copyOf(episodeReturns);
    }

    /** The last update's metrics. */
    public Map<String, Double> latestMetrics() {
        return latestMetrics;
    }

    /** Transitions in the replay buffer: the dataset's plus the online ones. */
    public int bufferSize() {
        return buffer.size();
    }
}

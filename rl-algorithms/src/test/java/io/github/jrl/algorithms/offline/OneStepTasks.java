package io.github.jrl.algorithms.offline;

import io.github.jrl.core.buffer.ReplayBuffer;
import io.github.jrl.core.dataset.DatasetInfo;
import io.github.jrl.core.dataset.Episode;
import io.github.jrl.core.dataset.OfflineDataset;
import io.github.jrl.core.policy.Policy;
import io.github.jrl.core.random.Rng;
import io.github.jrl.core.space.Box;
import io.github.jrl.core.space.Discrete;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * One-step offline tasks for seeded learning tests: a state {@code s ~ U(-1, 1)}, one action, a
 * reward, the end. The datasets mix a good behaviour with a uniformly random one, so behaviour
 * cloning lands between the two while a value-based offline learner should pick the good actions
 * out of the data.
 */
final class OneStepTasks {

    /** The continuous task's actions: a box of [-2, 2], so the learners' (-1, 1) scaling is exercised. */
    static final Box BOX = Box.uniform(-2, 2, 1);
    static final Discrete THREE = new Discrete(3);
    private static final String ONE_STEP = "OneStep";

    private OneStepTasks() {
    }

    /** Reward {@code -(a - 2s)^2}: the best action is {@code 2s}. */
    static double continuousReward(float s, float a) {
        double error = a - 2 * s;
        return -error * error;
    }

    /** Reward 1 for the action of {@code s}'s third of [-1, 1] (0, 1 or 2), else 0. */
    static double discreteReward(float s, int a) {
        return a == bestDiscrete(s) ? 1 : 0;
    }

    static int bestDiscrete(float s) {
        return s < -1f / 3 ? 0 : s < 1f / 3 ? 1 : 2;
    }

    /** {@code episodes} steps: with probability {@code goodFraction} {@code 2s + N(0, 0.1^2)}, else uniform. */
    static OfflineDataset continuous(int episodes, double goodFraction, long seed) {
        return continuous(episodes, goodFraction, seed, ONE_STEP);
    }

    /** {@link #continuous(int, double, long)} recorded under another environment id. */
    static OfflineDataset continuous(int episodes, double goodFraction, long seed, String envId) {
        Rng rng = new Rng(seed);
        return dataset(episodes, rng, 0, envId, s -> {
            double a = rng.nextDouble() < goodFraction ? 2 * s + 0.1 * rng.nextGaussian() : rng.nextDouble(-2, 2);
            float action = (float) Math.max(-2, Math.min(2, a));
            return new float[] {action, (float) continuousReward(s, action)};
        });
    }

    /** {@code episodes} steps: with probability {@code goodFraction} the best action, else a uniform one. */
    static OfflineDataset discrete(int episodes, double goodFraction, long seed) {
        Rng rng = new Rng(seed);
        return dataset(episodes, rng, 3, ONE_STEP, s -> {
            int a = rng.nextDouble() < goodFraction ? bestDiscrete(s) : rng.nextInt(3);
            return new float[] {a, (float) discreteReward(s, a)};
        });
    }

    private static OfflineDataset dataset(int episodes, Rng rng, int actionCount, String envId,
            Function<Float, float[]> behaviour) {
        List<Episode> list = new ArrayList<>();
        for (int e = 0; e < episodes; e++) {
            float s = (float) rng.nextDouble(-1, 1);
            float[] step = behaviour.apply(s);
            list.add(new Episode(e, 1, 1, 1, new float[] {s, 0}, new float[] {step[0]}, new float[] {step[1]},
                    new boolean[] {true}, new boolean[] {false}));
        }
        DatasetInfo info = new DatasetInfo("test/one-step-v0", envId, 1, 1, actionCount, 1, "mixed", "", 0,
                Double.NaN, Double.NaN);
        return new OfflineDataset(info, list);
    }

    /** {@code steps} updates on batches drawn uniformly from the dataset with {@code seed}; the last metrics. */
    static Map<String, Double> train(OfflineLearner learner, OfflineDataset dataset, int steps, long seed) {
        ReplayBuffer buffer = dataset.toReplayBuffer(dataset.transitionCount(), 0);
        ReplayBuffer.Batch batch = buffer.newBatch(learner.batchSize());
        Rng rng = new Rng(seed);
        Map<String, Double> metrics = Map.of();
        for (int t = 0; t < steps; t++) {
            buffer.sample(rng, batch);
            metrics = learner.update(batch);
        }
        return metrics;
    }

    /** Everything {@code learner} writes as its state (parameters, optimiser moments, generators). */
    static byte[] stateBytes(OfflineLearner learner) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        learner.writeState(new DataOutputStream(bytes));
        return bytes.toByteArray();
    }

    /** Mean reward of the deterministic policy on 200 evenly spaced states. */
    static double continuousScore(Policy<float[], Object> policy) {
        double total = 0;
        for (int i = 0; i < 200; i++) {
            float s = -1 + (i + 0.5f) / 100;
            total += continuousReward(s, ((float[]) policy.actDeterministic(new float[] {s}))[0]);
        }
        return total / 200;
    }

    /** Fraction of 200 evenly spaced states where the deterministic policy picks the best action. */
    static double discreteScore(Policy<float[], Object> policy) {
        double total = 0;
        for (int i = 0; i < 200; i++) {
            float s = -1 + (i + 0.5f) / 100;
            total += discreteReward(s, (Integer) policy.actDeterministic(new float[] {s}));
        }
        return total / 200;
    }
}

package io.github.jrl.algorithms.offline;

import io.github.jrl.core.buffer.ReplayBuffer;
import io.github.jrl.core.dataset.DatasetInfo;
import io.github.jrl.core.dataset.OfflineDataset;
import io.github.jrl.core.policy.Policy;
import io.github.jrl.core.random.Rng;
import io.github.jrl.core.space.Discrete;
import io.github.jrl.nd4j.nn.Mlp;
import io.github.jrl.nd4j.nn.MlpSpec;
import io.github.jrl.nd4j.nn.ParameterSet;
import io.github.jrl.nd4j.optim.Adam;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Discrete CQL (Kumar et al. 2020, "Conservative Q-Learning for Offline Reinforcement Learning",
 * CQL(H) for a finite action set), as d3rlpy's {@code DiscreteCQL}: a double-DQN critic whose
 * loss is the Huber TD error toward {@code r + gamma Q'(s', argmax_a Q(s', a))}
 * ({@link CqlLoss#doubleDqnTargets}, {@link CqlLoss#huberTd}) plus {@code alpha} times
 * {@code logsumexp_a Q(s, a) - Q(s, a_data)} ({@link CqlLoss#discreteGap}); the target network
 * is a hard copy every {@code targetUpdateInterval} updates. The policy is the critic's argmax
 * ({@link OfflinePolicy.Head#ARGMAX}). Networks start from PyTorch's default initialisation.
 */
public final class DiscreteCqlLearner implements OfflineLearner {

    private final DiscreteCqlConfig config;
    private final Discrete actionSpace;
    private final StateNormalizer normalizer;
    private final int numActions;
    private final ParameterSet params = new ParameterSet();
    private final ParameterSet targetParams = new ParameterSet();
    private final Mlp q;
    private final Mlp qTarget;
    private final Adam optimizer;
    private final float[] observations;
    private final float[] nextObservations;
    private final float[] nextQ;
    private final float[] targets;
    private final float[] dQ;
    private long updates;

    /**
     * @throws IllegalArgumentException if the dataset's actions are not discrete or their count
     *     differs from the action space's
     */
    public DiscreteCqlLearner(DiscreteCqlConfig config, OfflineDataset dataset, Discrete actionSpace) {
        DatasetInfo info = dataset.info();
        if (info.actionCount() != actionSpace.n()) {
            throw new IllegalArgumentException("discrete CQL needs a dataset of " + actionSpace.n()
                    + " discrete actions; dataset " + info.datasetId() + " has "
                    + (info.discreteActions() ? info.actionCount() + " discrete actions" : "box actions"));
        }
        this.config = config;
        this.actionSpace = actionSpace;
        this.numActions = actionSpace.n();
        this.normalizer = config.normalizeStates() ? StateNormalizer.fromDataset(dataset, StateNormalizer.EPSILON)
                : StateNormalizer.identity(info.observationSize());
        MlpSpec spec = new MlpSpec(info.observationSize(), config.hiddenLayers(), numActions, config.activation(), 1, 1);
        q = new Mlp(spec, params);
        params.allocate();
        q.initializeUniform(new Rng(config.seed()).split());
        qTarget = new Mlp(spec, targetParams);
        targetParams.allocate();
        targetParams.copyFrom(params);
        optimizer = Adam.of(params, config.learningRate(), 1e-8);
        int n = config.batchSize();
        observations = new float[n * info.observationSize()];
        nextObservations = new float[n * info.observationSize()];
        nextQ = new float[n * numActions];
        targets = new float[n];
        dQ = new float[n * numActions];
    }

    public DiscreteCqlConfig config() {
        return config;
    }

    @Override
    public int batchSize() {
        return config.batchSize();
    }

    @Override
    public Map<String, Double> update(ReplayBuffer.Batch batch) {
        int n = batch.size();
        if (n != config.batchSize()) {
            throw new IllegalArgumentException("expected a batch of " + config.batchSize() + " transitions, got " + n);
        }
        normalizer.normalize(batch.observations(), n, observations);
        normalizer.normalize(batch.nextObservations(), n, nextObservations);
        System.arraycopy(q.forward(nextObservations, n), 0, nextQ, 0, n * numActions);
        CqlLoss.doubleDqnTargets(batch.rewards(), batch.terminated(), nextQ, qTarget.forward(nextObservations, n), n,
                numActions, config.gamma(), targets);
        float[] values = q.forward(observations, n);
        double tdLoss = CqlLoss.huberTd(values, batch.actions(), targets, n, numActions, dQ);
        double gap = CqlLoss.discreteGap(values, batch.actions(), n, numActions, config.alpha(), dQ);
        double meanValue = 0;
        for (int i = 0; i < n; i++) {
            meanValue += values[i * numActions + (int) batch.actions()[i]];
        }
        q.backward(dQ, false);
        optimizer.step();
        updates++;
        if (updates % config.targetUpdateInterval() == 0) {
            targetParams.copyFrom(params);
        }
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("losses/td_loss", tdLoss);
        metrics.put("losses/conservative_loss", gap);
        metrics.put("losses/loss", tdLoss + config.alpha() * gap);
        metrics.put("losses/q_values", meanValue / n);
        return metrics;
    }

    @Override
    public Policy<float[], Object> policy() {
        return OfflinePolicy.of(q, normalizer, OfflinePolicy.Head.ARGMAX, actionSpace);
    }

    @Override
    public void writeState(DataOutputStream out) throws IOException {
        params.writeTo(out);
        targetParams.writeTo(out);
        optimizer.writeTo(out);
        out.writeLong(updates);
    }

    @Override
    public Restore readState(DataInputStream in) throws IOException {
        float[] saved = params.readValues(in, "the discrete CQL critic");
        float[] savedTarget = targetParams.readValues(in, "the discrete CQL target critic");
        Adam.State state = optimizer.readState(in, "the discrete CQL optimiser");
        long savedUpdates = in.readLong();
        return () -> {
            params.load(saved);
            targetParams.load(savedTarget);
            optimizer.restore(state);
            updates = savedUpdates;
        };
    }

    @Override
    public String toString() {
        return "DiscreteCQL" + config;
    }
}

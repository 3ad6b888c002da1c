package io.github.jrl.algorithms.offline;

import io.github.jrl.core.buffer.ReplayBuffer;
import io.github.jrl.core.dataset.DatasetInfo;
import io.github.jrl.core.dataset.OfflineDataset;
import io.github.jrl.core.random.Rng;
import io.github.jrl.core.space.Box;
import io.github.jrl.core.space.Space;
import io.github.jrl.nd4j.nn.Mlp;
import io.github.jrl.nd4j.nn.ParameterSet;
import io.github.jrl.nd4j.optim.Adam;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Map;

/**
 * Behaviour cloning: supervised learning of the dataset's actions from its states. Continuous
 * actions: a deterministic actor {@code pi(s) = offset + scale * tanh(mlp(s))} minimising
 * {@code mean((pi(s) - a)^2)}, the BC baseline of Fujimoto and Gu 2021 ("A Minimalist Approach
 * to Offline Reinforcement Learning", the TD3+BC regulariser alone) in the form of CORL's
 * {@code any_percent_bc.py}. Discrete actions: logits minimising the cross-entropy of the taken
 * action (d3rlpy's {@code DiscreteBC}); the policy acts with the argmax. Defaults in
 * {@link BcConfig}. Metrics: {@code losses/bc_loss}, and {@code losses/accuracy} for discrete
 * actions.
 */
public final class BehaviorCloning implements OfflineLearner {

    private final BcConfig config;
    private final Space<?> actionSpace;
    private final StateNormalizer normalizer;
    private final ParameterSet parameters = new ParameterSet();
    private final Mlp network;
    private final SquashedActor actor;
    private final int actionCount;
    private final int actionSize;
    private final Adam optimizer;
    private float[] states = new float[0];
    private float[] gradient = new float[0];

    /**
     * @param actionSpace the dataset environment's action space: a bounded box, or discrete
     * @throws IllegalArgumentException if it does not fit the dataset
     */
    public BehaviorCloning(BcConfig config, OfflineDataset dataset, Space<?> actionSpace) {
        DatasetInfo info = dataset.info();
        LearnerParts.requireActionSpace(info, actionSpace, false);
        this.config = config;
        this.actionSpace = actionSpace;
        this.normalizer = config.normalizeStates() ? StateNormalizer.fromDataset(dataset, StateNormalizer.EPSILON)
                : StateNormalizer.identity(info.observationSize());
        this.actionCount = info.actionCount();
        this.actionSize = info.actionSize();
        network = LearnerParts.mlp(info.observationSize(), config.hiddenSizes(), config.activation(),
                info.discreteActions() ? actionCount : actionSize, parameters);
        LearnerParts.initialize(parameters, new Rng(config.seed()), network);
        actor = info.discreteActions() ? null : new SquashedActor(network, new ActionBounds((Box) actionSpace));
        optimizer = Adam.of(parameters, config.learningRate(), 1e-8);
    }

    @Override
    public int batchSize() {
        return config.batchSize();
    }

    @Override
    public Map<String, Double> update(ReplayBuffer.Batch batch) {
        int n = batch.size();
        int width = actionCount > 0 ? actionCount : actionSize;
        if (states.length != batch.observations().length) {
            states = new float[batch.observations().length];
            gradient = new float[n * width];
        }
        normalizer.normalize(batch.observations(), n, states);
        Map<String, Double> metrics;
        if (actionCount > 0) {
            BcLoss.CrossEntropy loss = BcLoss.crossEntropy(network.forward(states, n), batch.actions(), n, actionCount,
                    gradient);
            network.backward(gradient, false);
            metrics = Map.of("losses/bc_loss", LearnerParts.requireFinite("losses/bc_loss", loss.loss()),
                    "losses/accuracy", loss.accuracy());
        } else {
            double loss = BcLoss.mse(actor.act(states, n), batch.actions(), n, actionSize, gradient);
            actor.backward(gradient);
            metrics = Map.of("losses/bc_loss", LearnerParts.requireFinite("losses/bc_loss", loss));
        }
        optimizer.step();
        return metrics;
    }

    @Override
    public OfflinePolicy policy() {
        return OfflinePolicy.of(network, normalizer,
                actionCount > 0 ? OfflinePolicy.Head.ARGMAX : OfflinePolicy.Head.TANH, actionSpace);
    }

    /** Writes the actor's parameters, then its Adam state. */
    @Override
    public void writeState(DataOutputStream out) throws IOException {
        parameters.writeTo(out);
        optimizer.writeTo(out);
    }

    @Override
    public Restore readState(DataInputStream in) throws IOException {
        float[] values = parameters.readValues(in, "the behaviour-cloning actor");
        Adam.State adam = optimizer.readState(in, "the actor's optimiser");
        return () -> {
            parameters.load(values);
            optimizer.restore(adam);
        };
    }

    @Override
    public String toString() {
        return "BehaviorCloning[" + config + "]";
    }
}

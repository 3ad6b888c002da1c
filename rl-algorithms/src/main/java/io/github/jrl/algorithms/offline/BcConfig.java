package io.github.jrl.algorithms.offline;

import static io.github.jrl.algorithms.common.ConfigChecks.positive;

import io.github.jrl.nd4j.nn.Activation;
import java.util.List;
import java.util.Objects;

/**
 * Behaviour-cloning hyperparameters, immutable and validated. Defaults are CORL's
 * {@code any_percent_bc.py} (Tarasov et al. 2022, "CORL: Research-oriented Deep Offline
 * Reinforcement Learning Library"), the BC baseline run beside its TD3+BC: a deterministic
 * 256-256 ReLU actor squashed into the action box, Adam 3e-4, batch 256, states standardised by
 * the dataset's mean and std. Discrete action spaces get the same network with logits and a
 * cross-entropy loss.
 *
 * @param learningRate Adam step size ({@code actor_lr}; 3e-4)
 * @param batchSize transitions per gradient step ({@code batch_size}; 256)
 * @param hiddenSizes hidden layers of the actor (256, 256)
 * @param activation hidden activation (ReLU)
 * @param normalizeStates standardise observations by the dataset's statistics ({@code normalize}; true)
 * @param seed seed of the network initialisation
 */
public record BcConfig(double learningRate, int batchSize, List<Integer> hiddenSizes, Activation activation,
        boolean normalizeStates, long seed) {

    public BcConfig {
        LearnerParts.requireLearningRate("learningRate", learningRate);
        positive("batchSize", batchSize);
        hiddenSizes = LearnerParts.requireHiddenSizes(hiddenSizes);
        Objects.requireNonNull(activation, "activation");
    }

    /** CORL's {@code any_percent_bc.py} defaults. */
    public static BcConfig defaults() {
        return new BcConfig(3e-4, 256, List.of(256, 256), Activation.RELU, true, 0);
    }

    public BcConfig withSeed(long value) {
        return new BcConfig(learningRate, batchSize, hiddenSizes, activation, normalizeStates, value);
    }

    public BcConfig withHiddenSizes(List<Integer> value) {
        return new BcConfig(learningRate, batchSize, value, activation, normalizeStates, seed);
    }

    public BcConfig withActivation(Activation value) {
        return new BcConfig(learningRate, batchSize, hiddenSizes, value, normalizeStates, seed);
    }

    public BcConfig withBatchSize(int value) {
        return new BcConfig(learningRate, value, hiddenSizes, activation, normalizeStates, seed);
    }

    public BcConfig withLearningRate(double value) {
        return new BcConfig(value, batchSize, hiddenSizes, activation, normalizeStates, seed);
    }
}

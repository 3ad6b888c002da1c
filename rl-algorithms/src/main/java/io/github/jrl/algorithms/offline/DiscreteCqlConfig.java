package io.github.jrl.algorithms.offline;

import static io.github.jrl.algorithms.common.ConfigChecks.nonNegative;
import static io.github.jrl.algorithms.common.ConfigChecks.positive;
import static io.github.jrl.algorithms.common.ConfigChecks.unit;

import io.github.jrl.nd4j.nn.Activation;
import java.util.List;
import java.util.Objects;

/**
 * Discrete CQL hyperparameters, immutable and validated. Defaults are d3rlpy 2.x's
 * {@code DiscreteCQLConfig} (its Atari setting after Kumar et al. 2020, "Conservative Q-Learning
 * for Offline Reinforcement Learning", appendix F.3: a double-DQN critic with the CQL(H) term):
 * Adam 6.25e-5, batch 32, gamma 0.99, one critic, hard target copies every 8000 updates,
 * alpha 1.0, and d3rlpy's {@code VectorEncoder} of two 256-unit ReLU layers for vector
 * observations.
 *
 * @param batchSize transitions per gradient step ({@code batch_size}; 32)
 * @param gamma discount ({@code gamma}; 0.99)
 * @param learningRate Adam step size ({@code learning_rate}; 6.25e-5)
 * @param targetUpdateInterval updates between copies of the critic into its target
 *     ({@code target_update_interval}; 8000)
 * @param alpha weight of the conservative term ({@code alpha}; 1.0)
 * @param hiddenSizes hidden layers of the Q-network ({@code VectorEncoderFactory}; [256, 256])
 * @param activation hidden activation (ReLU)
 * @param normalizeStates standardise observations with the dataset's statistics (d3rlpy has no
 *     observation scaler by default; false)
 * @param seed seed of the network's initialisation
 */
public record DiscreteCqlConfig(int batchSize, double gamma, double learningRate, int targetUpdateInterval,
        double alpha, List<Integer> hiddenSizes, Activation activation, boolean normalizeStates, long seed) {

    public DiscreteCqlConfig {
        positive("batchSize", batchSize);
        unit("gamma", gamma);
        if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
            throw new IllegalArgumentException("learningRate must be positive and finite, got " + learningRate);
        }
        positive("targetUpdateInterval", targetUpdateInterval);
        nonNegative("alpha", alpha);
        hiddenSizes = List.copyOf(hiddenSizes);
        if (hiddenSizes.isEmpty() || hiddenSizes.stream().anyMatch(h -> h <= 0)) {
            throw new IllegalArgumentException("hiddenSizes must be non-empty and positive, got " + hiddenSizes);
        }
        Objects.requireNonNull(activation, "activation");
    }

    /** d3rlpy's defaults. */
    public static DiscreteCqlConfig defaults(long seed) {
        return new DiscreteCqlConfig(32, 0.99, 6.25e-5, 8000, 1.0, List.of(256, 256), Activation.RELU, false, seed);
    }

    public DiscreteCqlConfig withBatchSize(int v) {
        return new DiscreteCqlConfig(v, gamma, learningRate, targetUpdateInterval, alpha, hiddenSizes, activation,
                normalizeStates, seed);
    }

    public DiscreteCqlConfig withLearningRate(double v) {
        return new DiscreteCqlConfig(batchSize, gamma, v, targetUpdateInterval, alpha, hiddenSizes, activation,
                normalizeStates, seed);
    }

    public DiscreteCqlConfig withTargetUpdateInterval(int v) {
        return new DiscreteCqlConfig(batchSize, gamma, learningRate, v, alpha, hiddenSizes, activation,
                normalizeStates, seed);
    }

    public DiscreteCqlConfig withAlpha(double v) {
        return new DiscreteCqlConfig(batchSize, gamma, learningRate, targetUpdateInterval, v, hiddenSizes, activation,
                normalizeStates, seed);
    }

    public DiscreteCqlConfig withHiddenSizes(Integer... v) {
        return new DiscreteCqlConfig(batchSize, gamma, learningRate, targetUpdateInterval, alpha, List.of(v),
                activation, normalizeStates, seed);
    }

    public DiscreteCqlConfig withNormalizeStates(boolean v) {
        return new DiscreteCqlConfig(batchSize, gamma, learningRate, targetUpdateInterval, alpha, hiddenSizes,
                activation, v, seed);
    }

    /** Hidden sizes as an array, for building networks. */
    public int[] hiddenLayers() {
        return hiddenSizes.stream().mapToInt(Integer::intValue).toArray();
    }
}

package io.github.jrl.algorithms.offline;

import static io.github.jrl.algorithms.common.ConfigChecks.nonNegative;
import static io.github.jrl.algorithms.common.ConfigChecks.positive;
import static io.github.jrl.algorithms.common.ConfigChecks.unit;

import io.github.jrl.nd4j.nn.Activation;
import java.util.List;
import java.util.Objects;

/**
 * TD3+BC hyperparameters, immutable and validated. Defaults are those of Fujimoto and Gu 2021,
 * "A Minimalist Approach to Offline Reinforcement Learning" (section 5 and appendix C), as the
 * author's code sets them (github.com/sfujim/TD3_BC, {@code main.py} and {@code TD3_BC.py}),
 * which are TD3's (Fujimoto et al. 2018) plus {@code alpha} and the state normalisation.
 *
 * @param alpha weight of the Q term against behaviour cloning, {@code lambda = alpha / mean|Q|}
 *     ({@code --alpha}; 2.5)
 * @param policyNoise std of the target-policy smoothing noise, in units of the half-width of the
 *     action box ({@code --policy_noise}, multiplied by {@code max_action}; 0.2)
 * @param noiseClip clip of that noise, same units ({@code --noise_clip}; 0.5)
 * @param policyFreq critic updates per actor and target update ({@code --policy_freq}; 2)
 * @param tau Polyak coefficient of the target actor and critics ({@code --tau}; 0.005)
 * @param gamma discount ({@code --discount}; 0.99)
 * @param learningRate Adam step size of actor and critics (3e-4 in {@code TD3_BC.py})
 * @param batchSize transitions per gradient step ({@code --batch_size}; 256)
 * @param hiddenSizes hidden layers of the actor and of each critic (256, 256 in {@code TD3_BC.py})
 * @param activation hidden activation (ReLU)
 * @param normalizeStates standardise states by the dataset's mean and std ({@code --normalize}; true)
 * @param seed seed of the initialisation and of the smoothing noise
 */
public record Td3BcConfig(double alpha, double policyNoise, double noiseClip, int policyFreq, double tau, double gamma,
        double learningRate, int batchSize, List<Integer> hiddenSizes, Activation activation, boolean normalizeStates,
        long seed) {

    public Td3BcConfig {
        if (!(alpha > 0) || Double.isInfinite(alpha)) {
            throw new IllegalArgumentException("alpha must be positive and finite, got " + alpha);
        }
        nonNegative("policyNoise", policyNoise);
        nonNegative("noiseClip", noiseClip);
        positive("policyFreq", policyFreq);
        unit("tau", tau);
        unit("gamma", gamma);
        LearnerParts.requireLearningRate("learningRate", learningRate);
        positive("batchSize", batchSize);
        hiddenSizes = LearnerParts.requireHiddenSizes(hiddenSizes);
        Objects.requireNonNull(activation, "activation");
    }

    /** The defaults of github.com/sfujim/TD3_BC. */
    public static Td3BcConfig defaults() {
        return new Td3BcConfig(2.5, 0.2, 0.5, 2, 0.005, 0.99, 3e-4, 256, List.of(256, 256), Activation.RELU, true, 0);
    }

    public Td3BcConfig withSeed(long value) {
        return new Td3BcConfig(alpha, policyNoise, noiseClip, policyFreq, tau, gamma, learningRate, batchSize,
                hiddenSizes, activation, normalizeStates, value);
    }

    public Td3BcConfig withAlpha(double value) {
        return new Td3BcConfig(value, policyNoise, noiseClip, policyFreq, tau, gamma, learningRate, batchSize,
                hiddenSizes, activation, normalizeStates, seed);
    }

    public Td3BcConfig withNetworks(List<Integer> sizes, Activation function) {
        return new Td3BcConfig(alpha, policyNoise, noiseClip, policyFreq, tau, gamma, learningRate, batchSize, sizes,
                function, normalizeStates, seed);
    }

    public Td3BcConfig withBatchSize(int value) {
        return new Td3BcConfig(alpha, policyNoise, noiseClip, policyFreq, tau, gamma, learningRate, value, hiddenSizes,
                activation, normalizeStates, seed);
    }
}

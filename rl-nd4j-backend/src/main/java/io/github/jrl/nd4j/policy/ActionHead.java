package io.github.jrl.nd4j.policy;

import io.github.jrl.core.random.Rng;
import io.github.jrl.core.space.Box;
import io.github.jrl.core.space.Discrete;
import io.github.jrl.core.space.Space;

/**
 * Turns an actor network's output rows into an action distribution: sampling and the mode for
 * acting, log-probabilities, entropy and their gradients for training. {@link CategoricalHead}
 * serves {@link Discrete} action spaces, {@link GaussianHead} {@link Box} ones.
 */
public sealed interface ActionHead permits CategoricalHead, GaussianHead {

    /** The head for an action space. */
    static ActionHead of(Space<?> actionSpace, double logStdInit) {
        if (actionSpace instanceof Discrete d) {
            return new CategoricalHead(d.n());
        }
        if (actionSpace instanceof Box box) {
            return new GaussianHead(box.size(), logStdInit);
        }
        throw new IllegalArgumentException("no action distribution for " + actionSpace
                + "; supported: Discrete (categorical) and Box (diagonal Gaussian)");
    }

    /** Width of the actor network's output. */
    int outputSize();

    /** Floats per action in the flat encoding. */
    int actionSize();

    /** Parameters the head owns besides the network (the Gaussian's log-std), possibly 0. */
    int parameterCount();

    /**
     * Samples an action for row {@code row} of {@code outputs} into {@code actions[row * actionSize..]}
     * and returns its log-probability.
     */
    double sample(float[] outputs, int row, float[] headParams, Rng rng, float[] actions);

    /** The deterministic action of row {@code row} (argmax or mean). */
    void mode(float[] outputs, int row, float[] headParams, float[] actions);

    /**
     * Log-probabilities of {@code n} given actions into {@code logProbs}; returns the mean
     * entropy of the {@code n} distributions.
     */
    double logProbs(float[] outputs, float[] actions, int n, float[] headParams, float[] logProbs);

    /**
     * Gradients of {@code sum_i dLogProbs[i] * logp_i - entCoef * mean_i(entropy_i)} w.r.t. the
     * network outputs (into {@code dOutputs}) and the head's own parameters (into
     * {@code dHeadParams}), for the rows of the last {@link #logProbs} call.
     */
    void backward(float[] outputs, float[] actions, int n, float[] headParams, float[] dLogProbs, double entCoef,
            float[] dOutputs, float[] dHeadParams);
}

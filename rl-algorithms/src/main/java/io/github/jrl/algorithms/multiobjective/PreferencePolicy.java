package io.github.jrl.algorithms.multiobjective;

import io.github.jrl.core.policy.Policy;
import io.github.jrl.core.random.Rng;
import io.github.jrl.nd4j.policy.ActorCriticPolicy;
import java.util.Arrays;

/**
 * A preference-conditioned policy with its preference fixed: it appends {@code weights} to each
 * observation of the base environment and acts with the conditioned network. One trained network
 * gives a policy per weight vector; {@link FrontEvaluation} evaluates a set of them into a front.
 */
public final class PreferencePolicy implements Policy<float[], Object> {

    private final ActorCriticPolicy network;
    private final double[] weights;
    private final float[] input;
    private final int observationSize;

    /**
     * @throws IllegalArgumentException if the network's input is not an observation followed by
     *         {@code weights.length} weights, or the weights are not on the simplex
     */
    public PreferencePolicy(ActorCriticPolicy network, double[] weights) {
        Preferences.requireSimplex(weights, "weights");
        if (network.observationSize() <= weights.length) {
            throw new IllegalArgumentException("a network of " + network.observationSize() + " inputs cannot take an"
                    + " observation and " + weights.length + " weights");
        }
        this.network = network;
        this.weights = weights.clone();
        this.input = new float[network.observationSize()];
        this.observationSize = network.observationSize() - weights.length;
        for (int j = 0; j < weights.length; j++) {
            input[observationSize + j] = (float) weights[j];
        }
    }

    public double[] weights() {
        return weights.clone();
    }

    private float[] condition(float[] observation) {
        if (observation.length != observationSize) {
            throw new IllegalArgumentException("expected an observation of " + observationSize + " floats, got "
                    + observation.length);
        }
        System.arraycopy(observation, 0, input, 0, observationSize);
        return input;
    }

    @Override
    public Object act(float[] observation, Rng rng) {
        return network.act(condition(observation), rng);
    }

    @Override
    public Object actDeterministic(float[] observation) {
        return network.actDeterministic(condition(observation));
    }

    @Override
    public String toString() {
        return "PreferencePolicy" + Arrays.toString(weights);
    }
}

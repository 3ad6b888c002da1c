package io.github.jrl.algorithms.multiobjective;

import io.github.jrl.algorithms.ppo.AdvantageCombiner;
import java.util.Arrays;

/**
 * PPO on a fixed linear scalarisation of a vector reward, with a vector-valued critic: the
 * advantage is {@code sum_j w_j A_j} of the per-objective GAE advantages. This is how C-MORL's
 * stage 1 (and PGMORL before it) trains one policy per preference vector; unlike scalarising the
 * reward in the environment ({@code LinearScalarization}), the critic keeps every objective, so
 * the same networks can later be trained under constraints on any of them.
 */
public final class LinearAdvantages implements AdvantageCombiner {

    private final float[] weights;
    private final AdvantageNormalization normalization;

    /**
     * @throws IllegalArgumentException if the weights are not finite, non-negative and summing
     *         to 1 (within 1e-6)
     */
    public LinearAdvantages(double[] weights, AdvantageNormalization normalization) {
        Preferences.requireSimplex(weights, "weights");
        this.weights = new float[weights.length];
        for (int j = 0; j < weights.length; j++) {
            this.weights[j] = (float) weights[j];
        }
        this.normalization = normalization;
    }

    @Override
    public int rewardDim() {
        return weights.length;
    }

    @Override
    public void combine(float[] advantages, float[] observations, int n, float[] out) {
        normalization.combine(advantages, n, weights.length, weights, 0, 0, out);
    }

    @Override
    public String toString() {
        return "LinearAdvantages" + Arrays.toString(weights) + " " + normalization;
    }
}

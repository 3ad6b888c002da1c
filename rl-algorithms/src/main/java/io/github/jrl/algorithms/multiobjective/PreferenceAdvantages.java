package io.github.jrl.algorithms.multiobjective;

import io.github.jrl.algorithms.ppo.AdvantageCombiner;

/**
 * The advantage of preference-conditioned PPO: {@code sum_j w_j A_j} with the weights {@code w}
 * that the row was collected under, read from the last {@code objectives} floats of its
 * observation (where {@link PreferenceObservation} put them), and the per-objective GAE
 * advantages {@code A_j} of the vector-valued critic.
 */
final class PreferenceAdvantages implements AdvantageCombiner {

    private final int objectives;
    private final int observationSize;
    private final AdvantageNormalization normalization;

    PreferenceAdvantages(int objectives, int observationSize, AdvantageNormalization normalization) {
        this.objectives = objectives;
        this.observationSize = observationSize;
        this.normalization = normalization;
    }

    @Override
    public int rewardDim() {
        return objectives;
    }

    @Override
    public void combine(float[] advantages, float[] observations, int n, float[] out) {
        normalization.combine(advantages, n, objectives, observations, observationSize - objectives, observationSize,
                out);
    }

    @Override
    public String toString() {
        return "PreferenceAdvantages[" + objectives + " objectives, " + normalization + "]";
    }
}

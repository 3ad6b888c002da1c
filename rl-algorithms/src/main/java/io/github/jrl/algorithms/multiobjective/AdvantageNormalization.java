package io.github.jrl.algorithms.multiobjective;

import io.github.jrl.algorithms.ppo.PpoLoss;

/**
 * Where the multi-objective PPO variants normalise advantages, given one advantage per objective
 * (a vector-valued critic with GAE per objective). Either way PPO then normalises the combined
 * advantage per minibatch when its {@code normalizeAdvantage} is on.
 */
public enum AdvantageNormalization {

    /**
     * Combine the raw per-objective advantages ({@code sum_j w_j A_j}); only the sum is
     * normalised, as PPO does with a scalar reward (morl-baselines' {@code PGMORL} and C-MORL's
     * PPO scalarise the advantages this way). Objectives on large scales dominate the sum.
     */
    SCALARISED,

    /**
     * Normalise each objective's advantages over the minibatch first (zero mean, unit standard
     * deviation), then combine: the idea of GDPO ("Group reward-Decoupled Normalization Policy
     * Optimization") applied to PPO's critic advantages, so that the weights, not the reward
     * scales, set each objective's share.
     */
    PER_OBJECTIVE;

    /**
     * Writes {@code out[i] = sum_j w_ij A_ij} for {@code n} rows of {@code k} advantages
     * (objective-minor), normalising each objective's column first under {@link #PER_OBJECTIVE}
     * ({@code advantages} is then overwritten). The weights of row {@code i} are
     * {@code weights[weightOffset + i * weightStride + j]}: a stride of 0 gives every row the
     * same weights.
     */
    public void combine(float[] advantages, int n, int k, float[] weights, int weightOffset, int weightStride,
            float[] out) {
        if (this == PER_OBJECTIVE) {
            float[] column = new float[n];
            for (int j = 0; j < k; j++) {
                for (int i = 0; i < n; i++) {
                    column[i] = advantages[i * k + j];
                }
                PpoLoss.normalizeAdvantages(column, n);
                for (int i = 0; i < n; i++) {
                    advantages[i * k + j] = column[i];
                }
            }
        }
        for (int i = 0; i < n; i++) {
            double sum = 0;
            int w = weightOffset + i * weightStride;
            for (int j = 0; j < k; j++) {
                sum += (double) weights[w + j] * advantages[i * k + j];
            }
            out[i] = (float) sum;
        }
    }
}

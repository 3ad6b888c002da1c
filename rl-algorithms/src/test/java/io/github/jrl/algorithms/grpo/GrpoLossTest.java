package io.github.jrl.algorithms.grpo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.jrl.core.random.Rng;
import org.junit.jupiter.api.Test;

class GrpoLossTest {

    private static final double EPS = 1e-4;

    @Test
    void groupAdvantagesCentreOnTheGroupAndScaleAsAsked() {
        double[] rewards = {1, 2, 3, 5};
        // groups {1, 2}: mean 1.5, unbiased std sqrt(0.5); {3, 5}: mean 4, std sqrt(2)
        assertArrayEquals(new double[] {-0.5 / (Math.sqrt(0.5) + EPS), 0.5 / (Math.sqrt(0.5) + EPS),
            -1 / (Math.sqrt(2) + EPS), 1 / (Math.sqrt(2) + EPS)},
                GrpoLoss.groupAdvantages(rewards, 2, RewardScaling.GROUP), 1e-12);
        assertArrayEquals(new double[] {-0.5, 0.5, -1, 1}, GrpoLoss.groupAdvantages(rewards, 2, RewardScaling.NONE), 1e-12);
        // batch: mean 2.75, squared deviations sum 8.75, unbiased std sqrt(8.75 / 3)
        double batchStd = Math.sqrt(8.75 / 3) + EPS;
        assertArrayEquals(new double[] {-0.5 / batchStd, 0.5 / batchStd, -1 / batchStd, 1 / batchStd},
                GrpoLoss.groupAdvantages(rewards, 2, RewardScaling.BATCH), 1e-12);
        assertArrayEquals(new double[] {0, 0, 0}, GrpoLoss.groupAdvantages(new double[] {7, 7, 7}, 3, RewardScaling.GROUP));
        assertThrows(IllegalArgumentException.class, () -> GrpoLoss.groupAdvantages(rewards, 3, RewardScaling.GROUP));
        assertThrows(IllegalArgumentException.class, () -> GrpoLoss.groupAdvantages(rewards, 1, RewardScaling.GROUP));
    }

    /**
     * GDPO's motivating case: in one group a completion gains one reward over its sibling, in
     * another a completion gains both. GRPO normalises the sums (1 vs 0, 2 vs 0) to the same
     * advantages; GDPO keeps the second completion's advantage twice the first's.
     */
    @Test
    void grpoMapsDifferentRewardCombinationsToOneAdvantageAndGdpoDoesNot() {
        double[][] rewards = {{1, 0}, {0, 0}, {1, 1}, {0, 0}};
        double[] weights = {1, 1};
        double[] grpo = GrpoLoss.combinedAdvantages(rewards, weights, 2, RewardCombination.GRPO, RewardScaling.GROUP);
        assertEquals(grpo[0], grpo[2], 1e-4); // equal up to the std epsilon
        assertEquals(grpo[1], grpo[3], 1e-4);
        double[] gdpo = GrpoLoss.combinedAdvantages(rewards, weights, 2, RewardCombination.GDPO, RewardScaling.GROUP);
        assertNotEquals(gdpo[0], gdpo[2], 0.1);
        assertEquals(2 * gdpo[0], gdpo[2], 1e-9);
        // per-reward advantages a = 0.5 / (sqrt(0.5) + 1e-4): sums [a, -a, 2a, -2a], then batch-standardised
        double a = 0.5 / (Math.sqrt(0.5) + EPS);
        double std = Math.sqrt((a * a + a * a + 4 * a * a + 4 * a * a) / 3) + EPS;
        assertArrayEquals(new double[] {a / std, -a / std, 2 * a / std, -2 * a / std}, gdpo, 1e-12);
    }

    @Test
    void weightsEnterBothCombinations() {
        double[][] rewards = {{1, 0}, {0, 1}};
        double[] grpo = GrpoLoss.combinedAdvantages(rewards, new double[] {2, 1}, 2, RewardCombination.GRPO,
                RewardScaling.NONE);
        assertArrayEquals(new double[] {0.5, -0.5}, grpo, 1e-12);
        assertArrayEquals(new double[] {3, 0}, GrpoLoss.weightedSums(new double[][] {{1, 1}, {0, 0}}, new double[] {2, 1}));
        assertThrows(IllegalArgumentException.class, () -> GrpoLoss.combinedAdvantages(rewards, new double[] {1}, 2,
                RewardCombination.GDPO, RewardScaling.GROUP));
    }

    @Test
    void zeroSpreadGroupsAreThoseWithEqualRewards() {
        assertArrayEquals(new boolean[] {true, false, true},
                GrpoLoss.zeroSpreadGroups(new double[] {1, 1, 0, 1, 0, 0}, 2));
    }

    /** Two completions of 2 and 1 tokens, stride 2; advantages +1 and -1; only token (0, 0) moved. */
    @Test
    void policyLossMatchesHandValuesForEachAggregation() {
        float[] logProbs = {-1f, -2f, -0.5f, 0f};
        float[] old = {-1.1f, -2f, -0.5f, 0f};
        double[] advantages = {1, -1};
        int[] lengths = {2, 1};
        double r = Math.exp((double) -1f - (double) -1.1f); // 1.105..., inside the clip range
        float[] grad = new float[4];

        GrpoLoss.PolicyTerm dapo = GrpoLoss.policyLoss(logProbs, old, null, advantages, lengths, 2,
                objective(LossType.DAPO, 0), grad);
        assertEquals((-r - 1 + 1) / 3, dapo.loss(), 1e-6);
        assertArrayEquals(new float[] {(float) (-r / 3), -1f / 3, 1f / 3, 0f}, grad, 1e-6f);
        assertEquals(3, dapo.tokens());
        assertEquals(0, dapo.clipRatio());

        GrpoLoss.PolicyTerm grpo = GrpoLoss.policyLoss(logProbs, old, null, advantages, lengths, 2,
                objective(LossType.GRPO, 0), grad);
        assertEquals((-r - 1) / 2 / 2 + 1.0 / 2, grpo.loss(), 1e-6); // per-sequence means, then their mean
        assertArrayEquals(new float[] {(float) (-r / 4), -0.25f, 0.5f, 0f}, grad, 1e-6f);

        GrpoLoss.PolicyTerm drGrpo = GrpoLoss.policyLoss(logProbs, old, null, advantages, lengths, 2,
                objective(LossType.DR_GRPO, 0), grad);
        assertEquals((-r - 1 + 1) / (2 * 4), drGrpo.loss(), 1e-6); // batch x maxCompletionLength = 2 x 4
    }

    @Test
    void clippingStopsTheGradientOnlyWhereTheClippedTermIsTaken() {
        float[] logProbs = {0.5f, 0.5f, -0.5f, -0.5f};
        float[] old = {0f, 0f, 0f, 0f};
        double[] advantages = {1, -1, 1, -1};
        int[] lengths = {1, 1, 1, 1};
        float[] grad = new float[4];
        GrpoLoss.PolicyTerm term = GrpoLoss.policyLoss(logProbs, old, null, advantages, lengths, 1,
                objective(LossType.DAPO, 0), grad);
        double up = Math.exp(0.5);
        double down = Math.exp(-0.5);
        // ratio 1.65 with A > 0: clipped at 1.2, no gradient; with A < 0: unclipped (pessimistic) term
        // ratio 0.61 with A > 0: unclipped; with A < 0: clipped at 0.8, no gradient
        assertEquals((-1.2 + up - down + 0.8) / 4, term.loss(), 1e-6);
        assertArrayEquals(new float[] {0f, (float) (up / 4), (float) (-down / 4), 0f}, grad, 1e-6f);
        assertEquals(0.25, term.clipRatioHigh(), 1e-12);
        assertEquals(0.25, term.clipRatioLow(), 1e-12);
        assertEquals(0.5, term.clipRatio(), 1e-12);
    }

    @Test
    void theKlTermIsK3WithItsGradient() {
        float[] logProbs = {-1f};
        float[] ref = {-1.5f};
        float[] grad = new float[1];
        GrpoLoss.PolicyTerm term = GrpoLoss.policyLoss(logProbs, logProbs, ref, new double[] {0}, new int[] {1}, 1,
                objective(LossType.DAPO, 0.1), grad);
        double k3 = Math.exp(-0.5) + 0.5 - 1;
        assertEquals(k3, term.kl(), 1e-6);
        assertEquals(0.1 * k3, term.loss(), 1e-6);
        assertEquals(0.1 * (1 - Math.exp(-0.5)), grad[0], 1e-6);
        assertThrows(IllegalArgumentException.class, () -> GrpoLoss.policyLoss(logProbs, logProbs, null,
                new double[] {0}, new int[] {1}, 1, objective(LossType.DAPO, 0.1), grad));
    }

    /** Central differences of the loss w.r.t. every log-prob, with clipping and the KL term active. */
    @Test
    void gradientsMatchFiniteDifferences() {
        Rng rng = new Rng(7);
        int batch = 4;
        int stride = 5;
        int[] lengths = {5, 3, 1, 4};
        double[] advantages = {1.2, -0.7, 0.4, -1.5};
        float[] logProbs = new float[batch * stride];
        float[] old = new float[batch * stride];
        float[] ref = new float[batch * stride];
        for (int i = 0; i < logProbs.length; i++) {
            logProbs[i] = (float) rng.nextDouble(-3, -0.1);
            old[i] = logProbs[i] + (float) rng.nextDouble(-0.4, 0.4);
            ref[i] = logProbs[i] + (float) rng.nextDouble(-1, 1);
        }
        for (LossType type : LossType.values()) {
            GrpoLoss.Objective objective = new GrpoLoss.Objective(0.2, 0.28, 0.05, type, 6);
            float[] grad = new float[logProbs.length];
            GrpoLoss.policyLoss(logProbs, old, ref, advantages, lengths, stride, objective, grad);
            for (int i = 0; i < logProbs.length; i++) {
                float up = logProbs[i] + 1e-3f;
                float down = logProbs[i] - 1e-3f;
                double plus = lossWith(logProbs, i, up, old, ref, advantages, lengths, stride, objective);
                double minus = lossWith(logProbs, i, down, old, ref, advantages, lengths, stride, objective);
                assertEquals((plus - minus) / ((double) up - down), grad[i], 1e-4, type + " log-prob " + i);
            }
        }
    }

    private static double lossWith(float[] logProbs, int i, float value, float[] old, float[] ref, double[] advantages,
            int[] lengths, int stride, GrpoLoss.Objective objective) {
        float[] shifted = logProbs.clone();
        shifted[i] = value;
        return GrpoLoss.policyLoss(shifted, old, ref, advantages, lengths, stride, objective, new float[logProbs.length])
                .loss();
    }

    private static GrpoLoss.Objective objective(LossType type, double beta) {
        return new GrpoLoss.Objective(0.2, 0.2, beta, type, 4);
    }
}

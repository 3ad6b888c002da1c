package io.github.jrl.algorithms.sac;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.jrl.core.random.Rng;
import org.junit.jupiter.api.Test;

/** SAC's losses against values worked out by hand, and the discrete actor's gradient against finite differences. */
class SacLossTest {

    /**
     * y = r + gamma (1 - terminated)(min(q1', q2') - alpha logp'), alpha 0.2, gamma 0.9:
     * row 0: 1 + 0.9 (8 + 0.2) = 8.38; row 1 terminated: 2; row 2 (truncated in the env, which
     * does not stop the bootstrap): 3 + 0.9 (-2 - 0.4) = 0.84.
     */
    @Test
    void softTargetsBootstrapUnlessTerminated() {
        float[] targets = new float[3];
        SacLoss.softTargets(new float[] {1, 2, 3}, new boolean[] {false, true, false}, new float[] {10, 5, -2},
                new float[] {8, 7, -1}, new float[] {-1, 0.5f, 2}, 3, 0.2, 0.9, targets);
        assertArrayEquals(new float[] {8.38f, 2f, 0.84f}, targets, 1e-5f);
    }

    /**
     * Logits (0, ln 3): pi = (1/4, 3/4). min(q1', q2') = (0, 2), alpha 0.5:
     * V = 1/4 (0 - 0.5 ln 1/4) + 3/4 (2 - 0.5 ln 3/4) = 0.1732868 + 1.6078808 = 1.7811676;
     * y = 1 + 0.9 V = 2.6030508; the terminated copy of the row gives its reward, 1.
     */
    @Test
    void discreteSoftTargetsTakeTheExpectationOverActions() {
        float ln3 = (float) Math.log(3);
        float[] targets = new float[2];
        SacLoss.discreteSoftTargets(new float[] {1, 1}, new boolean[] {false, true}, new float[] {0, ln3, 0, ln3},
                new float[] {1, 2, 1, 2}, new float[] {0, 3, 0, 3}, 2, 2, 0.5, 0.9, targets);
        assertArrayEquals(new float[] {2.6030508f, 1f}, targets, 1e-5f);
    }

    /**
     * q1 = (1, 2), q2 = (0, 4), y = (1.5, 1): errors (-0.5, 1) and (-1.5, 3); mse 0.625 and 5.625;
     * SB3's loss 0.5 (0.625 + 5.625) = 3.125; d/dq = error / n.
     */
    @Test
    void criticLossIsHalfTheSumOfTheTwoRegressions() {
        float[] dQ1 = new float[2];
        float[] dQ2 = new float[2];
        SacLoss.CriticTerm term = SacLoss.criticLoss(new float[] {1, 2}, new float[] {0, 4}, 1, null,
                new float[] {1.5f, 1}, 2, dQ1, dQ2);
        assertEquals(0.625, term.qf1Loss(), 1e-12);
        assertEquals(5.625, term.qf2Loss(), 1e-12);
        assertEquals(3.125, term.loss(), 1e-12);
        assertEquals(1.5, term.qf1Values(), 1e-12);
        assertEquals(2.0, term.qf2Values(), 1e-12);
        assertArrayEquals(new float[] {-0.25f, 0.5f}, dQ1);
        assertArrayEquals(new float[] {-0.75f, 1.5f}, dQ2);
    }

    /** The same regression on the taken actions' columns of 3-wide discrete critics; other columns get no gradient. */
    @Test
    void discreteCriticLossUsesTheTakenActionsColumn() {
        float[] q1 = {9, 9, 1, 2, 9, 9};
        float[] q2 = {9, 9, 0, 4, 9, 9};
        float[] dQ1 = new float[6];
        float[] dQ2 = new float[6];
        SacLoss.CriticTerm term = SacLoss.criticLoss(q1, q2, 3, new int[] {2, 0}, new float[] {1.5f, 1}, 2, dQ1, dQ2);
        assertEquals(3.125, term.loss(), 1e-12);
        assertArrayEquals(new float[] {0, 0, -0.25f, 0.5f, 0, 0}, dQ1);
        assertArrayEquals(new float[] {0, 0, -0.75f, 1.5f, 0, 0}, dQ2);
    }

    /**
     * logp = (-1, 0.5), q1 = (3, 1), q2 = (2, 1), alpha 0.1: loss = mean(-0.1 - 2, 0.05 - 1) =
     * -1.525; entropy -mean(logp) = 0.25. The gradient goes to the smaller critic, to Q1 on the tie.
     */
    @Test
    void actorLossUsesTheSmallerCritic() {
        float[] dQ1 = new float[2];
        float[] dQ2 = new float[2];
        float[] dLogp = new float[2];
        SacLoss.ActorTerm term = SacLoss.actorLoss(new float[] {-1, 0.5f}, new float[] {3, 1}, new float[] {2, 1}, 2, 0.1,
                dQ1, dQ2, dLogp);
        assertEquals(-1.525, term.loss(), 1e-7);
        assertEquals(0.25, term.entropy(), 1e-12);
        assertArrayEquals(new float[] {0, -0.5f}, dQ1);
        assertArrayEquals(new float[] {-0.5f, 0}, dQ2);
        assertArrayEquals(new float[] {0.05f, 0.05f}, dLogp);
    }

    /**
     * Logits (0, ln 3), min q = (1, 0) (from q1 = (1, 2), q2 = (3, 0)), alpha 0.5:
     * loss = 1/4 (0.5 ln 1/4 - 1) + 3/4 (0.5 ln 3/4 - 0) = -0.4232868 - 0.1078808 = -0.5311676;
     * entropy -(1/4 ln 1/4 + 3/4 ln 3/4) = 0.5623351.
     */
    @Test
    void discreteActorLossIsTheExpectationOverActions() {
        float[] dLogits = new float[2];
        SacLoss.ActorTerm term = SacLoss.discreteActorLoss(new float[] {0, (float) Math.log(3)}, new float[] {1, 2},
                new float[] {3, 0}, 1, 2, 0.5, dLogits);
        assertEquals(-0.5311676, term.loss(), 1e-6);
        assertEquals(0.5623351, term.entropy(), 1e-6);
    }

    @Test
    void discreteActorGradientMatchesFiniteDifferences() {
        Rng rng = new Rng(3);
        int n = 4;
        int actions = 3;
        float[] logits = new float[n * actions];
        float[] q1 = new float[n * actions];
        float[] q2 = new float[n * actions];
        for (int j = 0; j < logits.length; j++) {
            logits[j] = (float) rng.nextGaussian();
            q1[j] = (float) (3 * rng.nextGaussian());
            q2[j] = (float) (3 * rng.nextGaussian());
        }
        float[] dLogits = new float[logits.length];
        SacLoss.discreteActorLoss(logits, q1, q2, n, actions, 0.3, dLogits);
        double eps = 1e-3;
        for (int j = 0; j < logits.length; j++) {
            float saved = logits[j];
            logits[j] = (float) (saved + eps);
            double plus = SacLoss.discreteActorLoss(logits, q1, q2, n, actions, 0.3, new float[logits.length]).loss();
            logits[j] = (float) (saved - eps);
            double minus = SacLoss.discreteActorLoss(logits, q1, q2, n, actions, 0.3, new float[logits.length]).loss();
            logits[j] = saved;
            assertEquals((plus - minus) / (2 * eps), dLogits[j], 1e-3, "d/d logit " + j);
        }
    }

    /**
     * log alpha = ln 0.5, mean log pi = -0.3 (entropy 0.3), target -1: the gradient is
     * -(-0.3 - 1) = 1.3 > 0, so Adam lowers alpha while the entropy exceeds the target; the loss
     * is ln 0.5 * 1.3 = -0.9010913.
     */
    @Test
    void temperatureLossLowersAlphaWhenTheEntropyExceedsTheTarget() {
        SacLoss.TemperatureTerm term = SacLoss.temperatureLoss(Math.log(0.5), -0.3, -1);
        assertEquals(1.3, term.gradient(), 1e-12);
        assertEquals(-0.9010913, term.loss(), 1e-7);
        assertEquals(-0.7, SacLoss.temperatureLoss(0, -0.3, 1).gradient(), 1e-12);
    }
}

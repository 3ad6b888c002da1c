package io.github.jrl.algorithms.ppo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PpoLossTest {

    /**
     * Three rows with clip range 0.2: ratio 1.5 with A = 1 (clipped term active: no gradient),
     * ratio 0.5 with A = 1 (unclipped active), ratio 1.1 with A = -2 (inside the range).
     */
    @Test
    void clippedSurrogateByHand() {
        float[] old = {0f, 0f, 0f};
        float[] logp = {(float) Math.log(1.5), (float) Math.log(0.5), (float) Math.log(1.1)};
        float[] adv = {1f, 1f, -2f};
        float[] grad = new float[3];
        PpoLoss.PolicyTerm term = PpoLoss.clippedSurrogate(logp, old, adv, 3, 0.2, grad);
        // max(-1.5, -1.2) = -1.2; max(-0.5, -0.8) = -0.5; max(2.2, 2.2) = 2.2
        assertEquals((-1.2 - 0.5 + 2.2) / 3, term.loss(), 1e-6);
        assertArrayEquals(new float[] {0f, (float) (-0.5 / 3), (float) (2.2 / 3)}, grad, 1e-6f);
        assertEquals(2.0 / 3, term.clipFraction(), 1e-12);
        double kl = ((0.5 - Math.log(1.5)) + (-0.5 - Math.log(0.5)) + (0.1 - Math.log(1.1))) / 3;
        assertEquals(kl, term.approxKl(), 1e-6);
    }

    @Test
    void valueLossWithAndWithoutClipping() {
        float[] values = {1f, 3f};
        float[] old = {0.5f, 1f};
        float[] returns = {2f, 2f};
        float[] grad = new float[2];
        assertEquals((1 + 1) / 2.0, PpoLoss.valueLoss(values, old, returns, 2, Double.NaN, grad), 1e-12);
        assertArrayEquals(new float[] {-1f, 1f}, grad, 1e-7f);
        // clip 0.5: row 0 moves 0.5 (kept), row 1 moves 2 (clipped to 1.5: no gradient)
        assertEquals((1 + 0.25) / 2.0, PpoLoss.valueLoss(values, old, returns, 2, 0.5, grad), 1e-12);
        assertArrayEquals(new float[] {-1f, 0f}, grad, 1e-7f);
    }

    @Test
    void advantageNormalisationUsesTheUnbiasedStd() {
        float[] adv = {1f, 2f, 3f};
        PpoLoss.normalizeAdvantages(adv, 3);
        assertArrayEquals(new float[] {-1f, 0f, 1f}, adv, 1e-6f);
        float[] single = {5f};
        PpoLoss.normalizeAdvantages(single, 1);
        assertEquals(5f, single[0]);
    }
}

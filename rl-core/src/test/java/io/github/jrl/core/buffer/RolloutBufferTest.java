package io.github.jrl.core.buffer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RolloutBufferTest {

    private static void add(RolloutBuffer buffer, float reward, boolean done, float value) {
        buffer.add(new float[] {reward * 10}, new float[] {1}, new float[] {reward}, new boolean[] {done},
                new float[] {value}, new float[] {-0.5f});
    }

    /** Hand-computed GAE with gamma 0.9, lambda 0.8 and an episode end at step 1. */
    @Test
    void gaeMatchesHandComputedValues() {
        RolloutBuffer buffer = new RolloutBuffer(3, 1, 1, 1);
        add(buffer, 1, false, 0.5f);
        add(buffer, 2, true, 1.0f);
        add(buffer, 3, false, 1.5f);
        buffer.computeReturnsAndAdvantages(new float[] {2}, 0.9, 0.8);
        // t=2: delta = 3 + 0.9*2 - 1.5 = 3.3
        // t=1: episode ended: delta = 2 - 1 = 1, nothing flows back from t=2
        // t=0: delta = 1 + 0.9*1 - 0.5 = 1.4; gae = 1.4 + 0.9*0.8*1 = 2.12
        assertArrayEquals(new float[] {2.12f, 1f, 3.3f}, buffer.advantages(), 1e-6f);
        assertArrayEquals(new float[] {2.62f, 2f, 4.8f}, buffer.returns(), 1e-6f);
    }

    @Test
    void lambdaOneGivesDiscountedMonteCarloReturns() {
        RolloutBuffer buffer = new RolloutBuffer(3, 1, 1, 1);
        add(buffer, 1, false, 0.3f);
        add(buffer, 1, false, -0.2f);
        add(buffer, 1, false, 0.7f);
        buffer.computeReturnsAndAdvantages(new float[] {4}, 0.5, 1.0);
        // R0 = 1 + 0.5 + 0.25 + 0.125 * 4
        assertEquals(2.25f, buffer.returns()[0], 1e-6f);
        assertEquals(2.25f - 0.3f, buffer.advantages()[0], 1e-6f);
    }

    @Test
    void copiesAreIndependentAndTimeMajor() {
        RolloutBuffer buffer = new RolloutBuffer(2, 2, 1, 1);
        buffer.add(new float[] {0, 0}, new float[] {0, 0}, new float[] {1, 5}, new boolean[] {false, false},
                new float[] {0, 0}, new float[] {0, 0});
        buffer.add(new float[] {0, 0}, new float[] {0, 0}, new float[] {1, 5}, new boolean[] {false, true},
                new float[] {0, 0}, new float[] {0, 0});
        buffer.computeReturnsAndAdvantages(new float[] {10, 10}, 1.0, 1.0);
        assertArrayEquals(new float[] {12, 10, 11, 5}, buffer.returns(), 1e-6f);
    }

    @Test
    void misuseRaises() {
        RolloutBuffer buffer = new RolloutBuffer(1, 1, 1, 1);
        assertThrows(IllegalStateException.class, () -> buffer.computeReturnsAndAdvantages(new float[] {0}, 0.9, 0.9));
        add(buffer, 0, false, 0);
        assertThrows(IllegalStateException.class, () -> add(buffer, 0, false, 0));
        assertThrows(IllegalArgumentException.class, () -> buffer.computeReturnsAndAdvantages(new float[] {0}, 1.1, 0.9));
        buffer.clear();
        add(buffer, 0, false, 0);
        assertTrue(buffer.isFull());
    }

    @Test
    void explainedVariance() {
        float[] target = {1, 2, 3, 4};
        assertEquals(1.0, RolloutBuffer.explainedVariance(target.clone(), target, 4), 1e-12);
        assertEquals(0.0, RolloutBuffer.explainedVariance(new float[] {2.5f, 2.5f, 2.5f, 2.5f}, target, 4), 1e-12);
        assertTrue(Double.isNaN(RolloutBuffer.explainedVariance(target, new float[] {1, 1, 1, 1}, 4)));
    }
}

package io.github.jrl.algorithms.grpo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class DynamicRewardWeightsTest {

    @Test
    void weightMovesTowardTheObjectiveThatStalls() {
        DynamicRewardWeights weights = new DynamicRewardWeights(new double[] {1, 1}, 0.5);
        assertArrayEquals(new double[] {1, 1}, weights.update(new double[] {0.2, 0.5}, new double[] {0.5, 0.5}));
        // reward 0 improved by one std, reward 1 did not move: w = (e^-0.5, 1) rescaled to sum 2
        double[] w = weights.update(new double[] {0.7, 0.5}, new double[] {0.5, 0.5});
        double a = Math.exp(-0.5 * (0.5 / (0.5 + GrpoLoss.STD_EPSILON)));
        assertArrayEquals(new double[] {2 * a / (a + 1), 2 / (a + 1)}, w, 1e-12);
        assertTrue(w[1] > w[0]);
        assertEquals(2, Arrays.stream(w).sum(), 1e-12);
    }

    @Test
    void rateZeroKeepsTheWeightsAndBadInputRaises() {
        DynamicRewardWeights fixed = new DynamicRewardWeights(new double[] {2, 1}, 0);
        fixed.update(new double[] {0, 0}, new double[] {1, 1});
        assertArrayEquals(new double[] {2, 1}, fixed.update(new double[] {1, 0}, new double[] {1, 1}));
        assertThrows(IllegalArgumentException.class, () -> new DynamicRewardWeights(new double[] {0, 0}, 1));
        assertThrows(IllegalArgumentException.class, () -> new DynamicRewardWeights(new double[] {1}, -1));
        assertThrows(IllegalArgumentException.class, () -> fixed.update(new double[] {1}, new double[] {1}));
    }
}

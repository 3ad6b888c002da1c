package io.github.jrl.algorithms.grpo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class GrpoConfigTest {

    @Test
    void defaultsAreTrls() {
        GrpoConfig c = GrpoConfig.builder().build();
        assertEquals(8, c.numGenerations());
        assertEquals(1, c.numIterations());
        assertEquals(0.0, c.beta());
        assertEquals(0.2, c.epsilon());
        assertEquals(0.2, c.epsilonHigh()); // follows epsilon unless set
        assertEquals(LossType.DAPO, c.lossType());
        assertEquals(RewardScaling.GROUP, c.scaleRewards());
        assertEquals(1.0, c.temperature());
        assertEquals(256, c.maxCompletionLength());
        assertEquals(1e-6, c.learningRate());
        assertEquals(1.0, c.maxGradNorm());
        assertEquals(42, c.seed());
        assertEquals(1, c.maxGenerationRounds());
        assertNull(c.rewardWeights());
        assertArrayEquals(new double[] {1, 1, 1}, c.weightsFor(3));
        assertEquals(0.28, GrpoConfig.builder().epsilonHigh(0.28).build().epsilonHigh());
    }

    @Test
    void badValuesRaiseNamingTheField() {
        assertMessage("numGenerations", () -> GrpoConfig.builder().numGenerations(1).build());
        assertMessage("minibatches", () -> GrpoConfig.builder().promptsPerBatch(3).minibatches(2).build());
        assertMessage("beta", () -> GrpoConfig.builder().beta(-1).build());
        assertMessage("epsilon", () -> GrpoConfig.builder().epsilon(1.5).build());
        assertMessage("temperature", () -> GrpoConfig.builder().temperature(0).build());
        assertMessage("maxGenerationRounds", () -> GrpoConfig.builder().maxGenerationRounds(0).build());
        assertMessage("filterZeroStdGroups", () -> GrpoConfig.builder().maxGenerationRounds(2).build());
        assertMessage("rewardWeights", () -> GrpoConfig.builder().rewardWeights(1, Double.NaN).build());
        assertMessage("rewardWeights", () -> GrpoConfig.builder().rewardWeights(1, 2).build().weightsFor(3));
    }

    @Test
    void equalConfigsAreEqual() {
        assertEquals(GrpoConfig.builder().rewardWeights(1, 2).build(), GrpoConfig.builder().rewardWeights(1, 2).build());
    }

    private static void assertMessage(String expected, org.junit.jupiter.api.function.Executable executable) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, executable);
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }
}

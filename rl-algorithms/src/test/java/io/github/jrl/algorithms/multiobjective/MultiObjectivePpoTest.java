package io.github.jrl.algorithms.multiobjective;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.jrl.algorithms.ppo.Ppo;
import io.github.jrl.algorithms.ppo.PpoConfig;
import io.github.jrl.core.env.Environment;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** Seeded learning outcomes of the multi-objective PPO variants on {@link VectorBandit}. */
class MultiObjectivePpoTest {

    private static final Supplier<Environment<float[], ?>> BANDIT = VectorBandit::new;

    private static PpoConfig config(long seed) {
        return PpoConfig.builder().numEnvs(4).numSteps(32).batchSize(32).numEpochs(4).hiddenSizes(16, 16)
                .gamma(0.99).seed(seed).build();
    }

    @SuppressWarnings("unchecked")
    private static double[] greedyReturn(io.github.jrl.core.policy.Policy<float[], Object> policy) {
        return FrontEvaluation.meanReturn(policy, (Environment<float[], Object>) (Environment<?, ?>) new VectorBandit(),
                1, 0);
    }

    @Test
    void constrainedPpoMaximisesTheFirstObjectiveWhileKeepingTheSecondAboveItsThreshold() {
        ConstraintConfig constraints = ConstraintConfig.of(0, new double[] {Double.NaN, 0.5},
                AdvantageNormalization.PER_OBJECTIVE).withMultiplierLearningRate(0.5);
        ConstrainedPpo ppo = new ConstrainedPpo(config(0), constraints, BANDIT);
        ppo.learn(12_000);
        assertArrayEquals(VectorBandit.REWARDS[1], greedyReturn(ppo.policy()), 1e-6);
        assertEquals(0.0, ppo.multipliers()[0]);
    }

    @Test
    void withASlackConstraintTheMultiplierStaysZeroAndTheObjectiveIsMaximised() {
        ConstraintConfig constraints = ConstraintConfig.of(0, new double[] {Double.NaN, -1.0},
                AdvantageNormalization.PER_OBJECTIVE).withMultiplierLearningRate(0.5);
        ConstrainedPpo ppo = new ConstrainedPpo(config(0), constraints, BANDIT);
        ppo.learn(6_000);
        assertArrayEquals(VectorBandit.REWARDS[0], greedyReturn(ppo.policy()), 1e-6);
        assertArrayEquals(new double[] {0, 0}, ppo.multipliers());
    }

    @Test
    void preferenceConditionedPpoFindsBothExtremePoints() {
        for (AdvantageNormalization normalization : AdvantageNormalization.values()) {
            PreferenceConditionedPpo pcppo = new PreferenceConditionedPpo(config(1), normalization, BANDIT);
            pcppo.learn(12_000);
            assertArrayEquals(VectorBandit.REWARDS[0], greedyReturn(pcppo.policy(new double[] {1, 0})), 1e-6,
                    normalization.name());
            assertArrayEquals(VectorBandit.REWARDS[2], greedyReturn(pcppo.policy(new double[] {0, 1})), 1e-6,
                    normalization.name());
            assertEquals(11, pcppo.policies(10).size());
        }
    }

    @Test
    void preferenceConditionedPpoOnDeepSeaTreasureFindsTheNearestTreasureForTheTimePreference() {
        // tiny budget: the shallow end of the concave front, the best for the preference (0, 1), is found at once
        PreferenceConditionedPpo pcppo = new PreferenceConditionedPpo(config(0), AdvantageNormalization.SCALARISED,
                DeepSeaTreasureGrid::make);
        pcppo.learn(4_000);
        List<double[]> points = FrontEvaluation.evaluate(pcppo.policies(2), DeepSeaTreasureGrid::make, 1, 0);
        assertEquals(3, points.size());
        assertArrayEquals(new double[] {1, -1}, points.get(0), 1e-6);
    }

    @Test
    void plainPpoRefusesAVectorRewardAndMultiObjectivePpoAScalarOne() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Ppo(config(0), BANDIT));
        assertTrue(e.getMessage().contains("rewardDim 2"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new PreferenceConditionedPpo(
                config(0).toBuilder().normalizeObservations(true).build(), AdvantageNormalization.SCALARISED, BANDIT));
    }
}

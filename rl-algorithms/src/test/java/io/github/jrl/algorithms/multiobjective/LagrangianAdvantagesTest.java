package io.github.jrl.algorithms.multiobjective;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.jrl.core.wrappers.EpisodeStatistics;
import java.util.List;
import org.junit.jupiter.api.Test;

class LagrangianAdvantagesTest {

    private static final double NAN = Double.NaN;

    @Test
    void multipliersRiseWhileAConstraintIsViolatedAndAreProjectedAtZero() {
        double[] lambda = {0, 0.2, 0.05};
        double[] thresholds = {NAN, 5, -3};
        // objective 1 is 2 below its threshold: lambda_1 += 0.1 * 2; objective 2 is 1 above: -0.1, projected to 0
        LagrangianAdvantages.updateMultipliers(lambda, new double[] {7, 3, -2}, thresholds, 0.1);
        assertArrayEquals(new double[] {0, 0.4, 0}, lambda, 1e-12);
        LagrangianAdvantages.updateMultipliers(lambda, new double[] {7, 5.5, -3.5}, thresholds, 0.1);
        assertArrayEquals(new double[] {0, 0.35, 0.05}, lambda, 1e-12);
    }

    @Test
    void advantageWeightsAreTheNormalisedLagrangian() {
        float[] w = new float[3];
        LagrangianAdvantages.advantageWeights(0, new double[] {0, 0.5, 1.5}, w);
        assertArrayEquals(new float[] {1 / 3f, 0.5f / 3, 1.5f / 3}, w, 1e-7f);
        LagrangianAdvantages.advantageWeights(2, new double[] {0, 0, 0}, w);
        assertArrayEquals(new float[] {0, 0, 1}, w);
    }

    @Test
    void combinesWithTheMultipliersOfTheLastRollout() {
        ConstraintConfig config = new ConstraintConfig(0, new double[] {NAN, 1.0}, 0.5, 0.0,
                AdvantageNormalization.SCALARISED);
        LagrangianAdvantages lagrangian = new LagrangianAdvantages(config);
        float[] advantages = {2, 4, -1, 6};
        float[] out = new float[2];
        lagrangian.combine(advantages.clone(), new float[2], 2, out);
        assertArrayEquals(new float[] {2, -1}, out);
        // mean returns [3, 0]: lambda_1 = 0.5 * (1 - 0) = 0.5, weights [1/1.5, 0.5/1.5]
        lagrangian.afterRollout(List.of(new EpisodeStatistics(new double[] {4, 0.5}, 3),
                new EpisodeStatistics(new double[] {2, -0.5}, 5)));
        assertArrayEquals(new double[] {0, 0.5}, lagrangian.multipliers(), 1e-12);
        lagrangian.combine(advantages.clone(), new float[2], 2, out);
        assertArrayEquals(new float[] {(2 + 0.5f * 4) / 1.5f, (-1 + 0.5f * 6) / 1.5f}, out, 1e-6f);
        assertEquals(0.5, lagrangian.metrics().get("constraints/lambda_1"), 1e-12);
        assertEquals(3.0, lagrangian.metrics().get("constraints/return_0"), 1e-12);
        lagrangian.afterRollout(List.of());
        assertArrayEquals(new double[] {0, 0.5}, lagrangian.multipliers(), 1e-12);
    }

    @Test
    void perObjectiveNormalisationStandardisesEachColumnBeforeWeighting() {
        float[] advantages = {1, 10, 3, 30, 5, 50};
        float[] out = new float[3];
        AdvantageNormalization.PER_OBJECTIVE.combine(advantages, 3, 2, new float[] {0.5f, 0.5f}, 0, 0, out);
        // both columns standardise to [-1, 0, 1] (unbiased std 2 and 20)
        assertArrayEquals(new float[] {-1, 0, 1}, out, 1e-6f);
        float[] raw = {1, 10, 3, 30, 5, 50};
        AdvantageNormalization.SCALARISED.combine(raw, 3, 2, new float[] {0.5f, 0.5f}, 0, 0, out);
        assertArrayEquals(new float[] {5.5f, 16.5f, 27.5f}, out, 1e-6f);
    }

    @Test
    void badConstraintsAreRefusedWithTheReason() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ConstraintConfig.of(0, new double[] {1, 2}, AdvantageNormalization.SCALARISED));
        assertTrue(e.getMessage().contains("maximised objective 0 takes no threshold"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> ConstraintConfig.of(2, new double[] {1, NAN}, AdvantageNormalization.SCALARISED));
        assertThrows(IllegalArgumentException.class, () -> new ConstraintConfig(0, new double[] {NAN, 1}, 0, 0,
                AdvantageNormalization.SCALARISED));
        assertThrows(IllegalArgumentException.class, () -> new ConstraintConfig(0, new double[] {NAN, 1}, 0.1, -1,
                AdvantageNormalization.SCALARISED));
    }
}

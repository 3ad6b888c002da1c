package io.github.jrl.algorithms.multiobjective;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.jrl.core.multiobjective.WeightVectors;
import io.github.jrl.envs.mo.DeepSeaTreasure.TreasureMap;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FrontReportTest {

    private static final double[] REFERENCE = {0, -25};

    @Test
    void theKnownConcaveFrontScoresItsKnownValues() {
        List<double[]> known = TreasureMap.CONCAVE.paretoFront();
        List<double[]> points = new ArrayList<>(known);
        points.add(new double[] {1, -5}); // dominated
        FrontReport report = FrontReport.of(points, REFERENCE, WeightVectors.uniform(2, 49), known);
        assertEquals(10, report.front().size());
        assertEquals(11, report.points().size());
        assertEquals(1155.0, report.hypervolume(), 1e-9);
        assertEquals(437.6667, report.sparsity(), 1e-4);
        assertEquals(53.8114, report.expectedUtility(), 1e-4);
        assertEquals(0.0, report.igd(), 0.0);
        assertEquals(10, report.knownPointsFound());
        assertEquals(0, report.outsideReference());
    }

    @Test
    void partialFrontsCountWhatTheyFindAndLeaveOutPointsBelowTheReference() {
        List<double[]> known = TreasureMap.CONCAVE.paretoFront();
        // float32 treasures (as the env pays) still match; (200, -30) is beyond the reference's time
        List<double[]> points = List.of(new double[] {1, -1}, new double[] {(float) 124.0, -19},
                new double[] {200, -30});
        FrontReport report = FrontReport.of(points, REFERENCE, WeightVectors.uniform(2, 49), known);
        assertEquals(2, report.knownPointsFound());
        assertEquals(1, report.outsideReference());
        assertEquals(124 * 6 + 1 * 18, report.hypervolume(), 1e-9);
        FrontReport unknown = FrontReport.of(points, REFERENCE, WeightVectors.uniform(2, 49), List.of());
        assertEquals(Double.NaN, unknown.igd());
        assertArrayEquals(REFERENCE, unknown.reference());
        assertThrows(IllegalArgumentException.class,
                () -> FrontReport.of(points, new double[] {0, 0, 0}, WeightVectors.uniform(2, 4), List.of()));
    }

    @Test
    void preferenceObservationAppendsSeededWeightsPerEpisode() {
        PreferenceObservation<Integer> env = PreferenceObservation.sampled(new VectorBandit());
        float[] first = env.reset(7).observation();
        double[] w1 = env.weights();
        env.step(0);
        env.reset();
        double[] w2 = env.weights();
        PreferenceObservation<Integer> again = PreferenceObservation.sampled(new VectorBandit());
        again.reset(7);
        assertArrayEquals(w1, again.weights());
        assertEquals(3, first.length);
        assertEquals(1f, first[0]);
        assertEquals((float) w1[0], first[1]);
        assertEquals(1.0, w1[0] + w1[1], 1e-12);
        assertEquals(false, w1[0] == w2[0], "a new preference per episode");
        PreferenceObservation<Integer> fixed = PreferenceObservation.fixed(new VectorBandit(), new double[] {0.25, 0.75});
        assertArrayEquals(new float[] {1f, 0.25f, 0.75f}, fixed.reset(0).observation());
        assertThrows(IllegalArgumentException.class,
                () -> PreferenceObservation.fixed(new VectorBandit(), new double[] {0.5, 0.6}));
    }
}

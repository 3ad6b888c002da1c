package io.github.jrl.algorithms.offline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.jrl.core.random.Rng;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;

/** CQL's losses against values worked out by hand. */
class CqlLossTest {

    private static final double INF = Double.POSITIVE_INFINITY;

    @Test
    void conservativeGapIsTheLogSumExpMinusTheDataValue() {
        float[] dData = {0.25f};
        float[] dSampled = {0, 0};
        double gap = CqlLoss.conservativeGap(new float[] {0.5f}, new float[] {1, 2}, new float[] {0, 0}, 1, 2, 1.0,
                -INF, INF, 2.0, dData, dSampled);
        // log(e + e^2) - 0.5
        assertEquals(Math.log(Math.exp(1) + Math.exp(2)) - 0.5, gap, 1e-9);
        // scale * softmax added to the sampled values, -scale added to the TD gradient already there
        assertArrayEquals(new float[] {2 * 0.26894142f, 2 * 0.7310586f}, dSampled, 1e-6f);
        assertArrayEquals(new float[] {0.25f - 2}, dData, 1e-7f);
    }

    @Test
    void importanceSamplingSubtractsTheProposalLogDensity() {
        float[] dData = {0};
        float[] dSampled = {0, 0};
        // uniform on [-1, 1]^2 has log density log 0.25; the policy's sample has log pi = -1
        double gap = CqlLoss.conservativeGap(new float[] {0}, new float[] {1, 2}, new float[] {(float) Math.log(0.25), -1},
                1, 2, 1.0, -INF, INF, 1.0, dData, dSampled);
        assertEquals(Math.log(Math.exp(1 - Math.log(0.25)) + Math.exp(3)), gap, 1e-6);
        double e1 = Math.exp(1 - Math.log(0.25));
        double e2 = Math.exp(3);
        assertArrayEquals(new float[] {(float) (e1 / (e1 + e2)), (float) (e2 / (e1 + e2))}, dSampled, 1e-6f);
    }

    @Test
    void temperatureScalesTheLogSumExp() {
        float[] dData = {0};
        float[] dSampled = {0, 0};
        double gap = CqlLoss.conservativeGap(new float[] {0.5f}, new float[] {1, 2}, new float[] {0, 0}, 1, 2, 2.0,
                -INF, INF, 1.0, dData, dSampled);
        // 2 log(e^0.5 + e^1) - 0.5
        assertEquals(2 * Math.log(Math.exp(0.5) + Math.exp(1)) - 0.5, gap, 1e-6);
        assertArrayEquals(new float[] {0.37754067f, 0.62245933f}, dSampled, 1e-6f);
    }

    @Test
    void aClippedRowCountsAtTheBoundAndSendsNoGradient() {
        float[] dData = {0, 0};
        float[] dSampled = {0, 0, 0, 0};
        // row 0: raw gap 1.81 clipped to 1; row 1: log(2 e^0) - 0 = 0.69 inside
        double gap = CqlLoss.conservativeGap(new float[] {0.5f, 0}, new float[] {1, 2, 0, 0}, new float[4], 2, 2, 1.0,
                -INF, 1.0, 1.0, dData, dSampled);
        assertEquals((1 + Math.log(2)) / 2, gap, 1e-7);
        assertArrayEquals(new float[] {0, 0, 0.25f, 0.25f}, dSampled, 1e-7f);
        assertArrayEquals(new float[] {0, -0.5f}, dData, 1e-7f);
    }

    @Test
    void lagrangeWeightGrowsWhileTheGapsExceedTheTarget() {
        // alpha' = 1, cqlAlpha 10, gaps 2 and 1 against target 1: -0.5 * 10 * ((2 - 1) + (1 - 1))
        CqlLoss.LagrangeTerm term = CqlLoss.lagrange(0, 10, 2, 1, 1);
        assertEquals(1.0, term.alphaPrime(), 0);
        assertEquals(-5.0, term.loss(), 1e-12);
        // d/dlog alpha' of -c alpha' g is the loss itself: negative, so gradient descent raises alpha'
        assertEquals(-5.0, term.gradient(), 1e-12);
        CqlLoss.LagrangeTerm clamped = CqlLoss.lagrange(20, 10, 2, 1, 1);
        assertEquals(1e6, clamped.alphaPrime(), 0);
        assertEquals(0.0, clamped.gradient(), 0);
    }

    @Test
    void discreteGapIsLogSumExpOverActionsMinusTheDataAction() {
        float[] dQ = new float[3];
        double gap = CqlLoss.discreteGap(new float[] {1, 2, 3}, new float[] {0}, 1, 3, 1.0, dQ);
        assertEquals(Math.log(Math.exp(1) + Math.exp(2) + Math.exp(3)) - 1, gap, 1e-9);
        assertArrayEquals(new float[] {0.09003057f - 1, 0.24472847f, 0.66524096f}, dQ, 1e-6f);
    }

    @Test
    void doubleDqnTargetsEvaluateTheOnlineArgmaxWithTheTargetCritic() {
        float[] y = new float[2];
        CqlLoss.doubleDqnTargets(new float[] {1, 1}, new boolean[] {false, true}, new float[] {1, 3, 1, 3},
                new float[] {10, 20, 10, 20}, 2, 2, 0.5, y);
        assertArrayEquals(new float[] {11, 1}, y, 0);
    }

    @Test
    void huberTdIsQuadraticInsideOneAndLinearOutside() {
        float[] dQ = new float[4];
        // row 0: error 1.5 -> 1.0, row 1: error 0.5 -> 0.125
        double loss = CqlLoss.huberTd(new float[] {0, 2, 1, 0}, new float[] {1, 0}, new float[] {0.5f, 0.5f}, 2, 2,
                dQ);
        assertEquals((1.0 + 0.125) / 2, loss, 1e-9);
        assertArrayEquals(new float[] {0, 0.5f, 0.25f, 0}, dQ, 1e-7f);
    }

    @Test
    void conservativeGapGradientMatchesFiniteDifferences() {
        Rng rng = new Rng(5);
        int n = 3;
        int m = 4;
        float[] values = random(rng, n + n * m);
        float[] logDensities = random(rng, n * m);
        ToDoubleFunction<float[]> gap = v -> {
            float[] data = java.util.Arrays.copyOfRange(v, 0, n);
            float[] sampled = java.util.Arrays.copyOfRange(v, n, n + n * m);
            return CqlLoss.conservativeGap(data, sampled, logDensities, n, m, 0.7, -INF, INF, 1.5, new float[n],
                    new float[n * m]);
        };
        float[] dData = new float[n];
        float[] dSampled = new float[n * m];
        CqlLoss.conservativeGap(java.util.Arrays.copyOfRange(values, 0, n),
                java.util.Arrays.copyOfRange(values, n, n + n * m), logDensities, n, m, 0.7, -INF, INF, 1.5, dData,
                dSampled);
        float[] analytic = new float[n + n * m];
        System.arraycopy(dData, 0, analytic, 0, n);
        System.arraycopy(dSampled, 0, analytic, n, n * m);
        // the scale multiplies the gradient, not the returned gap
        assertMatchesDifferences(values, v -> 1.5 * gap.applyAsDouble(v), analytic);
    }

    @Test
    void discreteGapGradientMatchesFiniteDifferences() {
        Rng rng = new Rng(6);
        int n = 3;
        int k = 4;
        float[] q = random(rng, n * k);
        float[] actions = {0, 3, 2};
        float[] analytic = new float[n * k];
        CqlLoss.discreteGap(q, actions, n, k, 1.0, analytic);
        assertMatchesDifferences(q, v -> CqlLoss.discreteGap(v, actions, n, k, 1.0, new float[n * k]), analytic);
    }

    private static float[] random(Rng rng, int size) {
        float[] x = new float[size];
        for (int i = 0; i < size; i++) {
            x[i] = (float) rng.nextGaussian();
        }
        return x;
    }

    private static void assertMatchesDifferences(float[] x, ToDoubleFunction<float[]> f, float[] analytic) {
        for (int j = 0; j < x.length; j++) {
            float saved = x[j];
            x[j] = saved + 1e-2f;
            double plus = f.applyAsDouble(x);
            x[j] = saved - 1e-2f;
            double minus = f.applyAsDouble(x);
            x[j] = saved;
            double numeric = (plus - minus) / ((double) (saved + 1e-2f) - (saved - 1e-2f));
            assertEquals(numeric, analytic[j], 1e-4 + 1e-3 * Math.abs(numeric), "input " + j);
        }
    }
}

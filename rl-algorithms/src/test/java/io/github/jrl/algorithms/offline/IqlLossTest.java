package io.github.jrl.algorithms.offline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.jrl.core.random.Rng;
import org.junit.jupiter.api.Test;

/** IQL's losses against values worked out by hand, and their gradients against finite differences. */
class IqlLossTest {

    @Test
    void expectileLossWeightsPositiveErrorsByTauAndNegativeOnesByOneMinusTau() {
        float[] dV = new float[2];
        // u = q - v = [1, -1]: (0.7 * 1 + 0.3 * 1) / 2
        double loss = IqlLoss.expectileLoss(new float[] {1, 0}, new float[] {0, 1}, 2, 0.7, dV);
        assertEquals(0.5, loss, 1e-12);
        // -2 w u / n
        assertArrayEquals(new float[] {-0.7f, 0.3f}, dV, 1e-7f);
    }

    @Test
    void expectileLossAtOneHalfIsHalfTheMeanSquaredError() {
        float[] dV = new float[1];
        assertEquals(0.5 * 9, IqlLoss.expectileLoss(new float[] {4}, new float[] {1}, 1, 0.5, dV), 1e-12);
        assertEquals(-3f, dV[0], 1e-7f);
    }

    @Test
    void advantageWeightsAreExponentiatedAndClippedAtTheMaximum() {
        float[] w = new float[3];
        double clipped = IqlLoss.advantageWeights(new float[] {1, 2, 0}, new float[] {0, 0, 0.5f}, 3, 3.0, 100, w);
        // exp(3), exp(6) = 403.4 clipped to 100, exp(-1.5)
        assertArrayEquals(new float[] {20.085537f, 100f, 0.22313017f}, w, 1e-5f);
        assertEquals(1.0 / 3, clipped, 1e-12);
    }

    @Test
    void gaussianNllMatchesTheNormalDensityAroundTheSquashedMean() {
        float[] d = new float[2];
        // mean tanh(0) = 0, std 1, a = 0.5, w = 2: -2 (-0.125 - log sqrt(2 pi))
        double loss = IqlLoss.weightedGaussianNll(new float[] {0, 0}, new float[] {0.5f}, new float[] {2}, 1, 1, d);
        assertEquals(2 * (0.125 + 0.5 * Math.log(2 * Math.PI)), loss, 1e-9);
        // -w z / std (1 - tanh^2) and -w (z^2 - 1)
        assertArrayEquals(new float[] {-1.0f, 1.5f}, d, 1e-6f);
    }

    @Test
    void gaussianNllGradientMatchesFiniteDifferences() {
        Rng rng = new Rng(3);
        int n = 4;
        int dims = 2;
        float[] outputs = new float[n * 2 * dims];
        float[] actions = new float[n * dims];
        float[] weights = new float[n];
        for (int j = 0; j < outputs.length; j++) {
            outputs[j] = (float) (0.5 * rng.nextGaussian());
        }
        for (int j = 0; j < actions.length; j++) {
            actions[j] = (float) rng.nextDouble(-1, 1);
        }
        for (int i = 0; i < n; i++) {
            weights[i] = (float) rng.nextDouble(0.1, 3);
        }
        float[] analytic = new float[outputs.length];
        IqlLoss.weightedGaussianNll(outputs, actions, weights, n, dims, analytic);
        float[] scratch = new float[outputs.length];
        for (int j = 0; j < outputs.length; j++) {
            float saved = outputs[j];
            outputs[j] = saved + 1e-3f;
            double plus = IqlLoss.weightedGaussianNll(outputs, actions, weights, n, dims, scratch);
            outputs[j] = saved - 1e-3f;
            double minus = IqlLoss.weightedGaussianNll(outputs, actions, weights, n, dims, scratch);
            outputs[j] = saved;
            double numeric = (plus - minus) / ((double) (saved + 1e-3f) - (saved - 1e-3f));
            assertEquals(numeric, analytic[j], 1e-3 + 1e-3 * Math.abs(numeric), "output " + j);
        }
    }

    @Test
    void categoricalNllIsTheWeightedCrossEntropy() {
        float[] d = new float[2];
        double loss = IqlLoss.weightedCategoricalNll(new float[] {0, 0}, new float[] {1}, new float[] {1}, 1, 2, d);
        assertEquals(Math.log(2), loss, 1e-9);
        assertArrayEquals(new float[] {0.5f, -0.5f}, d, 1e-7f);
    }

    @Test
    void aNonFiniteLossRaises() {
        float[] dV = new float[1];
        ArithmeticException e = assertThrows(ArithmeticException.class,
                () -> IqlLoss.expectileLoss(new float[] {Float.NaN}, new float[] {0}, 1, 0.7, dV));
        assertEquals(true, e.getMessage().contains("NaN"));
    }
}

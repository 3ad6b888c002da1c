package io.github.jrl.nd4j.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.jrl.core.random.Rng;
import org.junit.jupiter.api.Test;

class DistributionsTest {

    @Test
    void categoricalLogProbsEntropyAndMasks() {
        float[] logits = {0f, (float) Math.log(3)};
        double[] logp = new double[2];
        double entropy = Categorical.logSoftmax(logits, 0, 2, null, logp);
        assertEquals(Math.log(0.25), logp[0], 1e-7);
        assertEquals(Math.log(0.75), logp[1], 1e-7);
        assertEquals(-(0.25 * Math.log(0.25) + 0.75 * Math.log(0.75)), entropy, 1e-7);
        assertEquals(1, Categorical.mode(logp, 2));

        float[] three = {5f, 0f, 0f};
        double masked = Categorical.logSoftmax(three, 0, 3, new boolean[] {false, true, true}, logp = new double[3]);
        assertEquals(Double.NEGATIVE_INFINITY, logp[0]);
        assertEquals(Math.log(0.5), logp[1], 1e-7);
        assertEquals(Math.log(2), masked, 1e-7);
        Rng rng = new Rng(4);
        for (int i = 0; i < 200; i++) {
            int a = Categorical.sample(logp, 3, rng);
            assertEquals(true, a == 1 || a == 2, "masked action sampled");
        }
        assertThrows(IllegalArgumentException.class,
                () -> Categorical.logSoftmax(three, 0, 3, new boolean[] {false, false, false}, new double[3]));
    }

    @Test
    void categoricalSamplingFrequencies() {
        double[] logp = {Math.log(0.2), Math.log(0.8)};
        Rng rng = new Rng(5);
        int ones = 0;
        for (int i = 0; i < 20_000; i++) {
            ones += Categorical.sample(logp, 2, rng);
        }
        assertEquals(0.8, ones / 20_000.0, 0.015);
        assertEquals(0.2 * Math.log(0.2 / 0.5) + 0.8 * Math.log(0.8 / 0.5),
                Categorical.kl(logp, new double[] {Math.log(0.5), Math.log(0.5)}, 2), 1e-12);
    }

    @Test
    void gaussianLogProbEntropyAndKl() {
        float[] mean = {1f};
        float[] logStd = {(float) Math.log(2)};
        // N(3 | 1, 2^2): z = 1
        assertEquals(-0.5 - Math.log(2) - 0.5 * Math.log(2 * Math.PI),
                DiagGaussian.logProb(mean, new float[] {3f}, 0, logStd, 1), 1e-6);
        assertEquals(Math.log(2) + 0.5 * Math.log(2 * Math.PI * Math.E), DiagGaussian.entropy(logStd, 1), 1e-6);
        assertEquals(0, DiagGaussian.kl(mean, logStd, mean, logStd, 0, 1), 1e-12);
        // KL(N(0,1) || N(1,1)) = 1/2
        assertEquals(0.5, DiagGaussian.kl(new float[] {0f}, new float[] {0f}, new float[] {1f}, new float[] {0f}, 0, 1), 1e-7);
    }

    /** The squashed density integrates the change of variables: compare with a histogram of samples. */
    @Test
    void tanhGaussianLogProbMatchesTheSampleDensity() {
        float[] outputs = {0.3f, (float) Math.log(0.5)}; // one row: mean, raw log-std
        Rng rng = new Rng(6);
        float[] noise = new float[1];
        float[] a = new float[1];
        int n = 200_000;
        int inBin = 0;
        double logpAtCentre = 0;
        double centre = 0.2;
        double width = 0.02;
        for (int i = 0; i < n; i++) {
            double logp = TanhGaussian.sample(outputs, 0, 1, rng, noise, a);
            assertEquals(Math.tanh(0.3 + 0.5 * noise[0]), a[0], 1e-6);
            if (Math.abs(a[0] - centre) < width / 2) {
                inBin++;
                logpAtCentre = logp;
            }
        }
        double empiricalDensity = inBin / (n * width);
        assertEquals(empiricalDensity, Math.exp(logpAtCentre), 0.05 * empiricalDensity);
        TanhGaussian.mode(outputs, 0, 1, a);
        assertEquals(Math.tanh(0.3), a[0], 1e-6);
    }

    /** Hand-computed: mean 0, log-std 0, noise 0 gives a = 0 and log p = -log sqrt(2 pi) - log(1 + 1e-6). */
    @Test
    void tanhGaussianLogProbAtTheCentre() {
        float[] a = new float[1];
        double logp = TanhGaussian.squash(new float[] {0f, 0f}, 0, 1, new float[] {0f}, a);
        assertEquals(0f, a[0]);
        assertEquals(-0.5 * Math.log(2 * Math.PI) - Math.log(1 + 1e-6), logp, 1e-12);
        // log-stds are clamped to SB3's [-20, 2]
        TanhGaussian.squash(new float[] {0f, 5f}, 0, 1, new float[] {1f}, a);
        assertEquals(Math.tanh(Math.exp(2)), a[0], 1e-6);
    }

    /**
     * The reparameterisation gradient of {@code L = sum(w * a) + sum(v * log p)} at fixed noise
     * against central differences; the second row's log-stds lie beyond the clamp on both sides.
     */
    @Test
    void tanhGaussianBackwardMatchesFiniteDifferences() {
        int rows = 3;
        int d = 2;
        float[] outputs = {0.3f, -1.2f, -0.5f, 0.4f, 2.0f, 0.1f, -25f, 3f, -0.7f, 0.9f, 0.2f, -1.5f};
        Rng rng = new Rng(8);
        float[] noise = new float[rows * d];
        float[] w = new float[rows * d];
        float[] v = new float[rows];
        for (int i = 0; i < noise.length; i++) {
            noise[i] = (float) rng.nextGaussian();
            w[i] = (float) rng.nextGaussian();
        }
        for (int i = 0; i < rows; i++) {
            v[i] = (float) rng.nextGaussian();
        }
        float[] actions = new float[rows * d];
        for (int r = 0; r < rows; r++) {
            TanhGaussian.squash(outputs, r, d, noise, actions);
        }
        float[] dOutputs = new float[outputs.length];
        TanhGaussian.backward(outputs, noise, actions, rows, d, w, v, dOutputs);
        double eps = 1e-3;
        for (int k = 0; k < outputs.length; k++) {
            float saved = outputs[k];
            outputs[k] = (float) (saved + eps);
            double plus = squashLoss(outputs, noise, w, v, rows, d);
            outputs[k] = (float) (saved - eps);
            double minus = squashLoss(outputs, noise, w, v, rows, d);
            outputs[k] = saved;
            assertEquals((plus - minus) / (2 * eps), dOutputs[k], 2e-3, "d/d output " + k);
        }
        assertEquals(0f, dOutputs[6]);
        assertEquals(0f, dOutputs[7]);
    }

    private static double squashLoss(float[] outputs, float[] noise, float[] w, float[] v, int rows, int d) {
        float[] actions = new float[rows * d];
        double loss = 0;
        for (int r = 0; r < rows; r++) {
            loss += v[r] * TanhGaussian.squash(outputs, r, d, noise, actions);
            for (int k = 0; k < d; k++) {
                loss += w[r * d + k] * actions[r * d + k];
            }
        }
        return loss;
    }
}

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
        float[] mean = {0.3f};
        float[] logStd = {(float) Math.log(0.5)};
        Rng rng = new Rng(6);
        float[] u = new float[1];
        float[] a = new float[1];
        int n = 200_000;
        int inBin = 0;
        double logpAtCentre = 0;
        double centre = 0.2;
        double width = 0.02;
        for (int i = 0; i < n; i++) {
            double logp = TanhGaussian.sample(mean, logStd, 0, 1, rng, u, a);
            if (Math.abs(a[0] - centre) < width / 2) {
                inBin++;
                logpAtCentre = logp;
            }
        }
        double empiricalDensity = inBin / (n * width);
        assertEquals(empiricalDensity, Math.exp(logpAtCentre), 0.05 * empiricalDensity);
        TanhGaussian.mode(mean, 0, 1, a);
        assertEquals(Math.tanh(0.3), a[0], 1e-6);
    }
}

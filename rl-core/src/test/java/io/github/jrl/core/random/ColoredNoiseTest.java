package io.github.jrl.core.random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class ColoredNoiseTest {

    private static float[] draw(ColoredNoise noise, Rng rng, int steps) {
        float[] values = new float[steps * noise.dims()];
        for (int t = 0; t < steps; t++) {
            noise.next(rng, values, t * noise.dims());
        }
        return values;
    }

    private static double variance(float[] x) {
        double mean = 0;
        for (float v : x) {
            mean += v;
        }
        mean /= x.length;
        double var = 0;
        for (float v : x) {
            var += (v - mean) * (v - mean);
        }
        return var / x.length;
    }

    /** Lag-1 autocorrelation within each sequence (pairs that cross a sequence boundary left out). */
    private static double lagOneCorrelation(float[] x, int length) {
        double sum = 0;
        double squares = 0;
        for (int t = 0; t < x.length; t++) {
            squares += x[t] * x[t];
            if ((t + 1) % length != 0 && t + 1 < x.length) {
                sum += x[t] * x[t + 1];
            }
        }
        return sum / squares;
    }

    @Test
    void whiteNoiseIsUncorrelatedWithUnitVariance() {
        float[] x = draw(new ColoredNoise(0, 1000, 1), new Rng(1), 100_000);
        assertEquals(1.0, variance(x), 0.03);
        assertEquals(0.0, lagOneCorrelation(x, 1000), 0.02);
    }

    /** Pink noise keeps about unit variance but consecutive steps are strongly correlated. */
    @Test
    void pinkNoiseIsCorrelatedInTime() {
        float[] x = draw(new ColoredNoise(1, 1000, 1), new Rng(2), 100_000);
        assertEquals(1.0, variance(x), 0.15);
        double rho = lagOneCorrelation(x, 1000);
        assertTrue(rho > 0.5 && rho < 0.95, "lag-1 autocorrelation " + rho);
        float[] red = draw(new ColoredNoise(2, 1000, 1), new Rng(2), 100_000);
        assertTrue(lagOneCorrelation(red, 1000) > rho, "red noise is smoother than pink");
    }

    /**
     * A 4-step white sequence by the definition of the inverse DFT: with Fourier coefficients
     * X_0 = sqrt(2) g0, X_1 = g2 + i g3, X_2 = sqrt(2) g4 (g the generator's normals in draw
     * order, the imaginary parts of X_0 and X_2 dropped), y_t = Re(sum_k X_k e^{2 pi i k t / 4}
     * over k = 0..3 with X_3 = conj(X_1)) / 4, divided by sigma = 2 sqrt(1 + 1/4) / 4.
     */
    @Test
    void aShortSequenceIsTheInverseDftOfItsCoefficients() {
        Rng reference = new Rng(3);
        double[] g = new double[6];
        for (int i = 0; i < 6; i++) {
            g[i] = reference.nextGaussian();
        }
        double re0 = Math.sqrt(2) * g[0];
        double re1 = g[2];
        double im1 = g[3];
        double re2 = Math.sqrt(2) * g[4];
        double sigma = 2 * Math.sqrt(1 + 0.25) / 4;
        float[] expected = new float[4];
        for (int t = 0; t < 4; t++) {
            double angle = 2 * Math.PI * t / 4;
            double y = re0 + re2 * Math.cos(Math.PI * t) + 2 * (re1 * Math.cos(angle) - im1 * Math.sin(angle));
            expected[t] = (float) (y / 4 / sigma);
        }
        assertArrayEquals(expected, draw(new ColoredNoise(0, 4, 1), new Rng(3), 4), 1e-5f);
    }

    @Test
    void resetStartsANewSequenceAndSeedsRepeat() {
        ColoredNoise noise = new ColoredNoise(1, 16, 2);
        Rng rng = new Rng(4);
        float[] a = draw(noise, rng, 3);
        noise.reset();
        float[] b = draw(noise, rng, 3);
        assertTrue(a[0] != b[0]);
        assertArrayEquals(a, draw(new ColoredNoise(1, 16, 2), new Rng(4), 3));
        assertThrows(IllegalArgumentException.class, () -> new ColoredNoise(-1, 16, 1));
        assertThrows(IllegalArgumentException.class, () -> new ColoredNoise(1, 1, 1));
    }

    /** A restored generator continues the saved one's sequence mid-way; a foreign state is refused unchanged. */
    @Test
    void stateRestoresMidSequence() throws IOException {
        ColoredNoise noise = new ColoredNoise(1, 16, 2);
        Rng rng = new Rng(9);
        draw(noise, rng, 5);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        noise.writeState(new DataOutputStream(bytes));
        Rng rngCopy = Rng.fromState(rng.state());
        ColoredNoise restored = new ColoredNoise(1, 16, 2);
        restored.readState(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray()))).apply();
        assertArrayEquals(draw(noise, rng, 40), draw(restored, rngCopy, 40));
        ColoredNoise wider = new ColoredNoise(1, 16, 3);
        assertThrows(IOException.class, () -> wider.readState(
                new DataInputStream(new ByteArrayInputStream(bytes.toByteArray()))));
    }
}

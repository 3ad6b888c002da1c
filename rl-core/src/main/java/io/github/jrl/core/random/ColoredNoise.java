package io.github.jrl.core.random;

import io.github.jrl.core.checkpoint.StateCodec;
import io.github.jrl.core.checkpoint.Stateful;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/**
 * Gaussian noise whose power spectral density falls as {@code 1/f^beta}, generated in sequences
 * of a fixed length for {@code dims} independent dimensions and handed out one time step at a
 * time: {@code beta = 0} is white noise, 1 pink, 2 red (Brownian-like). Each sequence is drawn
 * by the method of Timmer and König 1995, "On generating power law noise", exactly as the
 * {@code colorednoise} Python package's {@code powerlaw_psd_gaussian} (which the pink-noise
 * exploration of Eberhard et al. 2023 uses): random Fourier coefficients with standard deviations
 * {@code f^(-beta/2)} (the lowest frequency {@code 1/length} standing in for 0), an inverse real
 * DFT, and a division by the theoretical standard deviation, so every step is N(0, 1) marginally.
 *
 * <p>The inverse DFT is evaluated directly with a cosine table, {@code O(length^2)} per sequence
 * and dimension: about 10^6 multiply-adds for a 1000-step episode, drawn once per episode.
 * Randomness comes from the {@link Rng} passed to {@link #next}, so the process holds no
 * generator of its own; {@link #reset()} discards the rest of the current sequences (call it
 * when an episode ends).
 */
public final class ColoredNoise implements Stateful {

    private final double beta;
    private final int length;
    private final int dims;
    private final double[] scale;
    private final double sigma;
    private final double[] cos;
    private final double[] sin;
    private final float[] sequences;
    private int position;

    /**
     * @param beta exponent of the spectral density, finite and >= 0
     * @param length steps per sequence, at least 2
     * @param dims independent dimensions
     */
    public ColoredNoise(double beta, int length, int dims) {
        if (!(beta >= 0) || Double.isInfinite(beta)) {
            throw new IllegalArgumentException("beta must be finite and >= 0, got " + beta);
        }
        if (length < 2 || dims < 1) {
            throw new IllegalArgumentException("need length >= 2 and dims >= 1, got length " + length + ", dims " + dims);
        }
        if ((long) length * dims > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("length x dims = " + (long) length * dims + " exceeds a Java array");
        }
        this.beta = beta;
        this.length = length;
        this.dims = dims;
        int frequencies = length / 2 + 1;
        scale = new double[frequencies];
        for (int j = 0; j < frequencies; j++) {
            // frequency j / length; the zero frequency takes the lowest non-zero one (fmin = 1 / length)
            double f = Math.max(j, 1) / (double) length;
            scale[j] = Math.pow(f, -beta / 2);
        }
        double sumSquares = 0;
        for (int j = 1; j < frequencies; j++) {
            double w = scale[j];
            if (j == frequencies - 1) {
                w *= (1 + length % 2) / 2.0; // the Nyquist term of an even length counts once
            }
            sumSquares += w * w;
        }
        sigma = 2 * Math.sqrt(sumSquares) / length;
        cos = new double[length];
        sin = new double[length];
        for (int m = 0; m < length; m++) {
            cos[m] = Math.cos(2 * Math.PI * m / length);
            sin[m] = Math.sin(2 * Math.PI * m / length);
        }
        sequences = new float[dims * length];
        position = length;
    }

    public double beta() {
        return beta;
    }

    public int length() {
        return length;
    }

    public int dims() {
        return dims;
    }

    /** Writes the next step's {@code dims} values into {@code out[offset..]}, drawing a new sequence from {@code rng} when needed. */
    public void next(Rng rng, float[] out, int offset) {
        if (position == length) {
            for (int k = 0; k < dims; k++) {
                drawSequence(rng, k * length);
            }
            position = 0;
        }
        for (int k = 0; k < dims; k++) {
            out[offset + k] = sequences[k * length + position];
        }
        position++;
    }

    /** Writes the current sequences and the position in them. */
    @Override
    public void writeState(DataOutputStream out) throws IOException {
        StateCodec.writeTag(out, "ColoredNoise");
        out.writeInt(position);
        StateCodec.writeFloats(out, sequences);
    }

    @Override
    public Restore readState(DataInputStream in) throws IOException {
        StateCodec.readTag(in, "ColoredNoise");
        int savedPosition = in.readInt();
        if (savedPosition < 0 || savedPosition > length) {
            throw new IOException("a coloured-noise position must be in [0, " + length + "], found " + savedPosition);
        }
        float[] saved = StateCodec.readFloats(in, sequences.length, "coloured-noise sequences");
        return () -> {
            System.arraycopy(saved, 0, sequences, 0, sequences.length);
            position = savedPosition;
        };
    }

    /** Forgets the rest of the current sequences: the next step starts new ones. */
    public void reset() {
        position = length;
    }

    private void drawSequence(Rng rng, int offset) {
        int frequencies = scale.length;
        double[] re = new double[frequencies];
        double[] im = new double[frequencies];
        for (int j = 0; j < frequencies; j++) {
            re[j] = scale[j] * rng.nextGaussian();
            im[j] = scale[j] * rng.nextGaussian();
        }
        // the zero frequency (and an even length's Nyquist frequency) is real: its imaginary part
        // goes, and its real part takes the variance of both
        im[0] = 0;
        re[0] *= Math.sqrt(2);
        boolean even = length % 2 == 0;
        if (even) {
            im[frequencies - 1] = 0;
            re[frequencies - 1] *= Math.sqrt(2);
        }
        // numpy's irfft: y_t = (X_0 + [even] X_{n/2} (-1)^t + 2 sum_j Re(X_j e^{2 pi i j t / n})) / n
        int last = even ? frequencies - 2 : frequencies - 1;
        for (int t = 0; t < length; t++) {
            double y = re[0];
            if (even) {
                y += (t % 2 == 0 ? 1 : -1) * re[frequencies - 1];
            }
            int m = 0;
            for (int j = 1; j <= last; j++) {
                m += t;
                if (m >= length) {
                    m -= length;
                }
                y += 2 * (re[j] * cos[m] - im[j] * sin[m]);
            }
            sequences[offset + t] = (float) (y / length / sigma);
        }
    }
}

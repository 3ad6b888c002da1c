package io.github.jrl.algorithms.offline;

import io.github.jrl.core.checkpoint.StateCodec;
import io.github.jrl.core.dataset.Episode;
import io.github.jrl.core.dataset.OfflineDataset;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Arrays;

/**
 * Frozen observation standardisation {@code (s - mean) / std} with the statistics of a dataset,
 * as TD3+BC normalises states (Fujimoto and Gu 2021, section 5; github.com/sfujim/TD3_BC
 * {@code utils.ReplayBuffer.normalize_states}: {@code mean = states.mean(0)},
 * {@code std = states.std(0) + 1e-3}, population standard deviation, over the transitions' states
 * {@code s}, applied to {@code s} and {@code s'} in training and to every observation the policy
 * sees when deployed). The identity normaliser ({@link #identity}) leaves observations as they are.
 */
public final class StateNormalizer {

    /** TD3+BC's {@code eps} added to the standard deviation ({@code main.py}, 1e-3). */
    public static final double EPSILON = 1e-3;

    private final float[] mean;
    private final float[] std;

    /**
     * @throws IllegalArgumentException if the arrays differ in length, or a value is not finite
     *     or a standard deviation not positive
     */
    public StateNormalizer(float[] mean, float[] std) {
        if (mean.length == 0 || mean.length != std.length) {
            throw new IllegalArgumentException("need one mean and one std per observation float, got " + mean.length
                    + " means and " + std.length + " stds");
        }
        for (int k = 0; k < mean.length; k++) {
            if (!Float.isFinite(mean[k]) || !(std[k] > 0) || !Float.isFinite(std[k])) {
                throw new IllegalArgumentException("observation float " + k + " has mean " + mean[k] + " and std "
                        + std[k] + "; expected a finite mean and a positive finite std");
            }
        }
        this.mean = mean.clone();
        this.std = std.clone();
    }

    /** Mean 0, std 1: observations pass unchanged. */
    public static StateNormalizer identity(int observationSize) {
        float[] ones = new float[observationSize];
        Arrays.fill(ones, 1f);
        return new StateNormalizer(new float[observationSize], ones);
    }

    /**
     * The statistics of {@code dataset}'s transition states (each episode's observations but its
     * last), in double precision, with {@code epsilon} added to the population std.
     */
    public static StateNormalizer fromDataset(OfflineDataset dataset, double epsilon) {
        int size = dataset.info().observationSize();
        double[] sum = new double[size];
        double[] sumSquares = new double[size];
        long count = 0;
        for (Episode episode : dataset.episodes()) {
            float[] observations = episode.observations();
            for (int t = 0; t < episode.length(); t++) {
                for (int k = 0; k < size; k++) {
                    double x = observations[t * size + k];
                    sum[k] += x;
                    sumSquares[k] += x * x;
                }
            }
            count += episode.length();
        }
        float[] mean = new float[size];
        float[] std = new float[size];
        for (int k = 0; k < size; k++) {
            double m = sum[k] / count;
            mean[k] = (float) m;
            std[k] = (float) (Math.sqrt(Math.max(0, sumSquares[k] / count - m * m)) + epsilon);
        }
        return new StateNormalizer(mean, std);
    }

    public int size() {
        return mean.length;
    }

    public float[] mean() {
        return mean.clone();
    }

    public float[] std() {
        return std.clone();
    }

    /** Standardises {@code rows} observations of {@code raw} into {@code out} (may be the same array). */
    public void normalize(float[] raw, int rows, float[] out) {
        int size = mean.length;
        for (int r = 0; r < rows; r++) {
            for (int k = 0; k < size; k++) {
                int j = r * size + k;
                out[j] = (raw[j] - mean[k]) / std[k];
            }
        }
    }

    public void writeTo(DataOutputStream out) throws IOException {
        StateCodec.writeFloats(out, mean);
        StateCodec.writeFloats(out, std);
    }

    /** Reads statistics written by {@link #writeTo} for {@code size} observation floats. */
    public static StateNormalizer readFrom(DataInputStream in, int size) throws IOException {
        float[] mean = StateCodec.readFloats(in, size, "the observation means");
        float[] std = StateCodec.readFloats(in, size, "the observation stds");
        try {
            return new StateNormalizer(mean, std);
        } catch (IllegalArgumentException e) {
            throw new IOException("malformed observation statistics: " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "StateNormalizer[mean=" + Arrays.toString(mean) + ", std=" + Arrays.toString(std) + "]";
    }
}

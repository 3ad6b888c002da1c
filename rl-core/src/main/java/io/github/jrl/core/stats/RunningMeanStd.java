package io.github.jrl.core.stats;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Arrays;

/**
 * Running mean and variance of vectors, merged batch by batch with Chan et al.'s parallel
 * algorithm ("Updating Formulae and a Pairwise Algorithm for Computing Sample Variances", 1979),
 * as Gymnasium's and Stable-Baselines3's {@code RunningMeanStd}. The count starts at a small
 * epsilon (1e-4, the reference value) so the first normalisation does not divide by zero.
 *
 * <p>The state is savable: {@link #snapshot()} / {@link #restore} in memory, and
 * {@link Snapshot#writeTo} / {@link Snapshot#readFrom} on streams, so a deployed policy sees
 * observations normalised exactly as in training.
 */
public final class RunningMeanStd {

    /** Initial count of Gymnasium's {@code RunningMeanStd(epsilon=1e-4)}. */
    public static final double INITIAL_COUNT = 1e-4;

    private final double[] mean;
    private final double[] var;
    private double count = INITIAL_COUNT;

    public RunningMeanStd(int size) {
        if (size <= 0) {
            throw new IllegalArgumentException("size must be positive, got " + size);
        }
        mean = new double[size];
        var = new double[size];
        Arrays.fill(var, 1.0);
    }

    public int size() {
        return mean.length;
    }

    /** Adds one sample. */
    public void update(float[] x) {
        update(x, 0, 1);
    }

    /** Adds {@code rows} samples stored row-major in {@code batch} starting at {@code offset}. */
    public void update(float[] batch, int offset, int rows) {
        int n = mean.length;
        double[] batchMean = new double[n];
        double[] batchVar = new double[n];
        for (int r = 0; r < rows; r++) {
            for (int i = 0; i < n; i++) {
                batchMean[i] += batch[offset + r * n + i];
            }
        }
        for (int i = 0; i < n; i++) {
            batchMean[i] /= rows;
        }
        for (int r = 0; r < rows; r++) {
            for (int i = 0; i < n; i++) {
                double d = batch[offset + r * n + i] - batchMean[i];
                batchVar[i] += d * d;
            }
        }
        for (int i = 0; i < n; i++) {
            batchVar[i] /= rows;
        }
        merge(batchMean, batchVar, rows);
    }

    /** Adds one scalar sample (for a one-dimensional statistic, e.g. discounted returns). */
    public void update(double x) {
        if (mean.length != 1) {
            throw new IllegalStateException("scalar update on a statistic of size " + mean.length);
        }
        merge(new double[] {x}, new double[] {0}, 1);
    }

    private void merge(double[] batchMean, double[] batchVar, double batchCount) {
        double total = count + batchCount;
        for (int i = 0; i < mean.length; i++) {
            double delta = batchMean[i] - mean[i];
            double m2 = var[i] * count + batchVar[i] * batchCount + delta * delta * count * batchCount / total;
            mean[i] += delta * batchCount / total;
            var[i] = m2 / total;
        }
        count = total;
    }

    public double mean(int i) {
        return mean[i];
    }

    public double var(int i) {
        return var[i];
    }

    public double count() {
        return count;
    }

    /** {@code (x - mean) / sqrt(var + epsilon)}, element-wise into {@code out}. */
    public void normalize(float[] x, float[] out, double epsilon) {
        normalize(x, out, 1, epsilon, Double.POSITIVE_INFINITY);
    }

    /**
     * {@code clip((x - mean) / sqrt(var + epsilon), -clip, clip)} for {@code rows} row-major
     * samples of {@code x}, into {@code out}.
     */
    public void normalize(float[] x, float[] out, int rows, double epsilon, double clip) {
        int n = mean.length;
        for (int r = 0; r < rows; r++) {
            for (int i = 0; i < n; i++) {
                double z = (x[r * n + i] - mean[i]) / Math.sqrt(var[i] + epsilon);
                out[r * n + i] = (float) Math.max(-clip, Math.min(clip, z));
            }
        }
    }

    public Snapshot snapshot() {
        return new Snapshot(mean.clone(), var.clone(), count);
    }

    /**
     * Reads a snapshot written by {@link Snapshot#writeTo} and requires it to fit this statistic,
     * so that {@link #restore} cannot fail afterwards.
     */
    public Snapshot readSnapshot(DataInputStream in) throws IOException {
        Snapshot snapshot = Snapshot.readFrom(in);
        if (snapshot.mean().length != mean.length) {
            throw new IOException("running statistics of size " + snapshot.mean().length + " where size " + mean.length
                    + " was expected");
        }
        return snapshot;
    }

    public void restore(Snapshot snapshot) {
        if (snapshot.mean().length != mean.length) {
            throw new IllegalArgumentException("snapshot has size " + snapshot.mean().length + ", expected " + mean.length);
        }
        System.arraycopy(snapshot.mean(), 0, mean, 0, mean.length);
        System.arraycopy(snapshot.var(), 0, var, 0, var.length);
        count = snapshot.count();
    }

    /** The saved state of a {@link RunningMeanStd}. */
    public record Snapshot(double[] mean, double[] var, double count) {

        private static final int MAGIC = 0x4A524D53; // "JRMS"

        public Snapshot {
            if (mean.length != var.length || mean.length == 0) {
                throw new IllegalArgumentException("mean and var must be non-empty and of equal length, got "
                        + mean.length + " and " + var.length);
            }
            if (!(count > 0)) {
                throw new IllegalArgumentException("count must be positive, got " + count);
            }
            for (int i = 0; i < var.length; i++) {
                if (!Double.isFinite(mean[i]) || !(var[i] >= 0) || Double.isInfinite(var[i])) {
                    throw new IllegalArgumentException("mean must be finite and var finite and >= 0, got mean "
                            + mean[i] + " and var " + var[i] + " at index " + i);
                }
            }
            mean = mean.clone();
            var = var.clone();
        }

        public void writeTo(DataOutputStream out) throws IOException {
            out.writeInt(MAGIC);
            out.writeInt(mean.length);
            for (int i = 0; i < mean.length; i++) {
                out.writeDouble(mean[i]);
                out.writeDouble(var[i]);
            }
            out.writeDouble(count);
        }

        public static Snapshot readFrom(DataInputStream in) throws IOException {
            int magic = in.readInt();
            if (magic != MAGIC) {
                throw new IOException("not a RunningMeanStd snapshot: expected magic " + Integer.toHexString(MAGIC)
                        + ", found " + Integer.toHexString(magic));
            }
            int size = in.readInt();
            if (size <= 0 || size > (1 << 24)) {
                throw new IOException("corrupt RunningMeanStd snapshot: size " + size);
            }
            double[] mean = new double[size];
            double[] var = new double[size];
            for (int i = 0; i < size; i++) {
                mean[i] = in.readDouble();
                var[i] = in.readDouble();
            }
            try {
                return new Snapshot(mean, var, in.readDouble());
            } catch (IllegalArgumentException e) {
                throw new IOException("corrupt RunningMeanStd snapshot: " + e.getMessage(), e);
            }
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Snapshot s && Arrays.equals(s.mean, mean) && Arrays.equals(s.var, var) && s.count == count;
        }

        @Override
        public int hashCode() {
            return 31 * (31 * Arrays.hashCode(mean) + Arrays.hashCode(var)) + Double.hashCode(count);
        }

        @Override
        public String toString() {
            return "Snapshot[mean=" + Arrays.toString(mean) + ", var=" + Arrays.toString(var) + ", count=" + count + "]";
        }
    }
}

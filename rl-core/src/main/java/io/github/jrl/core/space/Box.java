package io.github.jrl.core.space;

import io.github.jrl.core.random.Rng;
import java.util.Arrays;

/**
 * A box of float32 vectors, {@code low[i] <= x[i] <= high[i]}, as Gymnasium's {@code Box}.
 * Bounds may be infinite. Elements are {@code float[]} in row-major order of {@link #shape()}.
 *
 * <p>{@link #sample} follows Gymnasium: uniform on bounded dimensions, standard normal on
 * unbounded ones, and a shifted exponential on half-bounded ones.
 */
public final class Box implements Space<float[]> {

    private final float[] low;
    private final float[] high;
    private final int[] shape;

    public Box(float[] low, float[] high, int... shape) {
        int size = Spaces.product(shape);
        if (low.length != size || high.length != size) {
            throw new IllegalArgumentException("Box bounds must have " + size + " elements for shape "
                    + Arrays.toString(shape) + ", got low " + low.length + " and high " + high.length);
        }
        for (int i = 0; i < size; i++) {
            if (Float.isNaN(low[i]) || Float.isNaN(high[i]) || low[i] > high[i]) {
                throw new IllegalArgumentException("Box needs low <= high at index " + i
                        + ", got [" + low[i] + ", " + high[i] + "]");
            }
        }
        this.low = low.clone();
        this.high = high.clone();
        this.shape = shape.clone();
    }

    /** A flat box of {@code size} dimensions with the same bounds in every dimension. */
    public static Box uniform(float low, float high, int size) {
        float[] lo = new float[size];
        float[] hi = new float[size];
        Arrays.fill(lo, low);
        Arrays.fill(hi, high);
        return new Box(lo, hi, size);
    }

    /** A flat box with per-dimension bounds. */
    public static Box of(float[] low, float[] high) {
        return new Box(low, high, low.length);
    }

    public float low(int i) {
        return low[i];
    }

    public float high(int i) {
        return high[i];
    }

    public float[] low() {
        return low.clone();
    }

    public float[] high() {
        return high.clone();
    }

    public int size() {
        return low.length;
    }

    /** Whether every dimension has finite bounds on both sides. */
    public boolean isBounded() {
        for (int i = 0; i < low.length; i++) {
            if (Float.isInfinite(low[i]) || Float.isInfinite(high[i])) {
                return false;
            }
        }
        return true;
    }

    @Override
    public boolean contains(float[] value) {
        if (value == null || value.length != low.length) {
            return false;
        }
        for (int i = 0; i < value.length; i++) {
            // Written so that NaN fails both comparisons and is rejected.
            if (!(value[i] >= low[i] && value[i] <= high[i])) {
                return false;
            }
        }
        return true;
    }

    @Override
    public float[] sample(Rng rng) {
        float[] x = new float[low.length];
        for (int i = 0; i < x.length; i++) {
            boolean boundedBelow = !Float.isInfinite(low[i]);
            boolean boundedAbove = !Float.isInfinite(high[i]);
            double v;
            if (boundedBelow && boundedAbove) {
                v = rng.nextDouble(low[i], high[i]);
            } else if (boundedBelow) {
                v = low[i] + rng.nextExponential();
            } else if (boundedAbove) {
                v = high[i] - rng.nextExponential();
            } else {
                v = rng.nextGaussian();
            }
            x[i] = (float) v;
            // Rounding to float32 can step just outside a bound; keep samples members of the space.
            if (x[i] > high[i]) {
                x[i] = high[i];
            } else if (x[i] < low[i]) {
                x[i] = low[i];
            }
        }
        return x;
    }

    @Override
    public int[] shape() {
        return shape.clone();
    }

    @Override
    public DType dtype() {
        return DType.FLOAT32;
    }

    @Override
    public int flatSize() {
        return low.length;
    }

    @Override
    public void writeFlat(float[] value, float[] dst, int offset) {
        System.arraycopy(value, 0, dst, offset, low.length);
    }

    @Override
    public float[] readFlat(float[] src, int offset) {
        return Arrays.copyOfRange(src, offset, offset + low.length);
    }

    @Override
    public String format(float[] value) {
        return Arrays.toString(value);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Box b && Arrays.equals(b.low, low) && Arrays.equals(b.high, high)
                && Arrays.equals(b.shape, shape);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Arrays.hashCode(low) + Arrays.hashCode(high)) + Arrays.hashCode(shape);
    }

    @Override
    public String toString() {
        return "Box(low=" + Arrays.toString(low) + ", high=" + Arrays.toString(high)
                + ", shape=" + Arrays.toString(shape) + ", float32)";
    }
}

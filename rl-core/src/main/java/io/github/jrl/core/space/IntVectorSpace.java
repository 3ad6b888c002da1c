package io.github.jrl.core.space;

import io.github.jrl.core.random.Rng;
import java.util.Arrays;

/**
 * Integer vectors bounded per dimension, {@code low[i] <= x[i] <= high[i]}: the common part of
 * {@link IntBox}, {@link MultiDiscrete} and {@link MultiBinary}. Elements are {@code int[]}.
 */
public abstract sealed class IntVectorSpace implements Space<int[]> permits IntBox, MultiDiscrete, MultiBinary {

    private final int[] low;
    private final int[] high;

    IntVectorSpace(int[] low, int[] high) {
        if (low.length != high.length || low.length == 0) {
            throw new IllegalArgumentException(getClass().getSimpleName()
                    + " bounds must be non-empty and of equal length, got " + low.length + " and " + high.length);
        }
        for (int i = 0; i < low.length; i++) {
            if (low[i] > high[i] || (long) high[i] - low[i] >= Integer.MAX_VALUE) {
                throw new IllegalArgumentException(getClass().getSimpleName()
                        + " needs low <= high with a range below 2^31 at index " + i
                        + ", got [" + low[i] + ", " + high[i] + "]");
            }
        }
        this.low = low.clone();
        this.high = high.clone();
    }

    public int low(int i) {
        return low[i];
    }

    public int high(int i) {
        return high[i];
    }

    public int[] lowBounds() {
        return low.clone();
    }

    public int[] highBounds() {
        return high.clone();
    }

    public int size() {
        return low.length;
    }

    @Override
    public boolean contains(int[] value) {
        if (value == null || value.length != low.length) {
            return false;
        }
        for (int i = 0; i < value.length; i++) {
            if (value[i] < low[i] || value[i] > high[i]) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int[] sample(Rng rng) {
        int[] x = new int[low.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = low[i] + rng.nextInt(high[i] - low[i] + 1);
        }
        return x;
    }

    @Override
    public int[] shape() {
        return new int[] {low.length};
    }

    @Override
    public int flatSize() {
        return low.length;
    }

    @Override
    public void writeFlat(int[] value, float[] dst, int offset) {
        for (int i = 0; i < low.length; i++) {
            dst[offset + i] = value[i];
        }
    }

    @Override
    public int[] readFlat(float[] src, int offset) {
        int[] x = new int[low.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = Spaces.exactInt(src[offset + i]);
        }
        return x;
    }

    @Override
    public String format(int[] value) {
        return Arrays.toString(value);
    }

    @Override
    public boolean equals(Object o) {
        return o != null && o.getClass() == getClass() && Arrays.equals(((IntVectorSpace) o).low, low)
                && Arrays.equals(((IntVectorSpace) o).high, high);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(low) + Arrays.hashCode(high);
    }
}

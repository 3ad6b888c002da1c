package io.github.jrl.core.space;

import java.util.Arrays;

/**
 * A box of int32 vectors, {@code low[i] <= x[i] <= high[i]}: Gymnasium's {@code Box} with an
 * integer dtype, as the MO-Gymnasium grid worlds use for positions.
 */
public final class IntBox extends IntVectorSpace {

    public IntBox(int[] low, int[] high) {
        super(low, high);
    }

    public static IntBox uniform(int low, int high, int size) {
        int[] lo = new int[size];
        int[] hi = new int[size];
        Arrays.fill(lo, low);
        Arrays.fill(hi, high);
        return new IntBox(lo, hi);
    }

    @Override
    public DType dtype() {
        return DType.INT32;
    }

    @Override
    public String toString() {
        return "IntBox(low=" + Arrays.toString(lowBounds()) + ", high=" + Arrays.toString(highBounds()) + ")";
    }
}

package io.github.jrl.core.space;

import java.util.Arrays;

/** Vectors whose entry {@code i} is in {@code 0 .. nvec[i] - 1} (Gymnasium's {@code MultiDiscrete}). */
public final class MultiDiscrete extends IntVectorSpace {

    public MultiDiscrete(int... nvec) {
        super(new int[nvec.length], maxima(nvec));
    }

    private static int[] maxima(int[] nvec) {
        int[] high = new int[nvec.length];
        for (int i = 0; i < nvec.length; i++) {
            if (nvec[i] <= 0) {
                throw new IllegalArgumentException("MultiDiscrete needs every nvec entry > 0, got " + Arrays.toString(nvec));
            }
            high[i] = nvec[i] - 1;
        }
        return high;
    }

    /** The number of values of each entry. */
    public int[] nvec() {
        int[] nvec = highBounds();
        for (int i = 0; i < nvec.length; i++) {
            nvec[i]++;
        }
        return nvec;
    }

    @Override
    public DType dtype() {
        return DType.INT64;
    }

    @Override
    public String toString() {
        return "MultiDiscrete(" + Arrays.toString(nvec()) + ")";
    }
}

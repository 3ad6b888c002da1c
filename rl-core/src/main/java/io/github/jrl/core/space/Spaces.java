package io.github.jrl.core.space;

import java.util.Arrays;

/** Helpers shared by the space implementations. */
final class Spaces {

    private Spaces() {
    }

    /** The integer a float encodes, or an exception if it is not integral. */
    static int exactInt(float f) {
        int i = (int) f;
        if (i != f) {
            throw new IllegalArgumentException("expected an integral value in the flat encoding, got " + f);
        }
        return i;
    }

    static int product(int[] shape) {
        int size = 1;
        for (int d : shape) {
            if (d <= 0) {
                throw new IllegalArgumentException("shape dimensions must be positive, got " + Arrays.toString(shape));
            }
            size = Math.multiplyExact(size, d);
        }
        return size;
    }
}

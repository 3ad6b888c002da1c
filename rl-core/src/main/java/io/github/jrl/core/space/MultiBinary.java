package io.github.jrl.core.space;

/** Vectors of {@code n} zeros and ones (Gymnasium's {@code MultiBinary(n)}). */
public final class MultiBinary extends IntVectorSpace {

    public MultiBinary(int n) {
        super(new int[checkedSize(n)], ones(n));
    }

    private static int checkedSize(int n) {
        if (n <= 0) {
            throw new IllegalArgumentException("MultiBinary needs n > 0, got " + n);
        }
        return n;
    }

    private static int[] ones(int n) {
        int[] high = new int[checkedSize(n)];
        java.util.Arrays.fill(high, 1);
        return high;
    }

    @Override
    public DType dtype() {
        return DType.INT8;
    }

    @Override
    public String toString() {
        return "MultiBinary(" + size() + ")";
    }
}

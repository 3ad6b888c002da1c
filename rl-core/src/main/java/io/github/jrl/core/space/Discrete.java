package io.github.jrl.core.space;

import io.github.jrl.core.random.Rng;

/** The integers {@code start, start + 1, ..., start + n - 1} (Gymnasium's {@code Discrete(n, start)}). */
public final class Discrete implements Space<Integer> {

    private final int n;
    private final int start;

    public Discrete(int n) {
        this(n, 0);
    }

    public Discrete(int n, int start) {
        if (n <= 0) {
            throw new IllegalArgumentException("Discrete space needs n > 0, got " + n);
        }
        this.n = n;
        this.start = start;
    }

    public int n() {
        return n;
    }

    public int start() {
        return start;
    }

    public boolean contains(int value) {
        return value >= start && value - start < n;
    }

    @Override
    public boolean contains(Integer value) {
        return value != null && contains(value.intValue());
    }

    @Override
    public Integer sample(Rng rng) {
        return start + rng.nextInt(n);
    }

    @Override
    public int[] shape() {
        return new int[0];
    }

    @Override
    public DType dtype() {
        return DType.INT64;
    }

    @Override
    public int flatSize() {
        return 1;
    }

    @Override
    public void writeFlat(Integer value, float[] dst, int offset) {
        dst[offset] = value;
    }

    @Override
    public Integer readFlat(float[] src, int offset) {
        return Spaces.exactInt(src[offset]);
    }

    @Override
    public String format(Integer value) {
        return String.valueOf(value);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Discrete d && d.n == n && d.start == start;
    }

    @Override
    public int hashCode() {
        return 31 * n + start;
    }

    @Override
    public String toString() {
        return start == 0 ? "Discrete(" + n + ")" : "Discrete(" + n + ", start=" + start + ")";
    }
}

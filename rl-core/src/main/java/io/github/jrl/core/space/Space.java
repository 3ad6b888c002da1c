package io.github.jrl.core.space;

import io.github.jrl.core.random.Rng;

/**
 * A set of valid observations or actions, as Gymnasium's {@code gymnasium.spaces} define them.
 *
 * <p>Besides membership and seeded sampling, every space has a flat encoding into a row of
 * {@code float}s, used by vector environments and rollout buffers that store data in primitive
 * arrays. The encoding keeps raw values (a {@link Discrete} element is one number, not a one-hot
 * vector); {@link #readFlat} inverts {@link #writeFlat} exactly.
 *
 * @param <T> the Java type of an element: {@code Integer}, {@code float[]} or {@code int[]}
 */
public interface Space<T> {

    /** Whether {@code value} is an element of this space. {@code null} never is. */
    boolean contains(T value);

    /** An element drawn from this space's sampling distribution, using only {@code rng}. */
    T sample(Rng rng);

    /** The shape of an element, as in Gymnasium ({@code []} for a scalar). */
    int[] shape();

    /** The element type of the reference implementation's arrays. */
    DType dtype();

    /** Number of floats in the flat encoding of one element. */
    int flatSize();

    /** Writes the flat encoding of {@code value} into {@code dst[offset .. offset + flatSize())}. */
    void writeFlat(T value, float[] dst, int offset);

    /**
     * Decodes an element from {@code src[offset .. offset + flatSize())}.
     *
     * @throws IllegalArgumentException if the floats do not encode a value of the element type
     *     (e.g. a non-integral action index); membership is checked by the caller
     */
    T readFlat(float[] src, int offset);

    /** A readable rendering of an element, for error messages. */
    String format(T value);
}

package io.github.jrl.nd4j.nn;

import io.github.jrl.core.checkpoint.StateCodec;
import io.github.jrl.nd4j.Buffers;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * All trainable parameters of one optimiser, in one flat float32 array, with a gradient array of
 * the same layout. Networks take views of it, so an optimiser step, a gradient-norm clip or a
 * Polyak update is one native op over everything instead of one per layer (ND4J's per-op
 * overhead, ~7 µs, dominates small networks: see shared/DESIGN.md).
 *
 * <p>Build it in two phases: {@link #reserve} slices while constructing the networks, then
 * {@link #allocate()} once; views are handed out by {@link #view}.
 */
public final class ParameterSet {

    private long size;
    private INDArray params;
    private INDArray gradients;

    /** Reserves {@code count} parameters and returns their offset. */
    public long reserve(long count) {
        if (params != null) {
            throw new IllegalStateException("parameters are already allocated; reserve before allocate()");
        }
        if (count <= 0) {
            throw new IllegalArgumentException("count must be positive, got " + count);
        }
        long offset = size;
        size += count;
        return offset;
    }

    /** Allocates the zero-filled parameter and gradient arrays. */
    public void allocate() {
        if (params != null) {
            throw new IllegalStateException("already allocated");
        }
        if (size == 0) {
            throw new IllegalStateException("no parameters were reserved");
        }
        params = Nd4j.zeros(DataType.FLOAT, size);
        gradients = Nd4j.zeros(DataType.FLOAT, size);
    }

    public boolean isAllocated() {
        return params != null;
    }

    public long size() {
        return size;
    }

    /** The flat parameters, shape {@code [size]}. */
    public INDArray params() {
        requireAllocated();
        return params;
    }

    /** The flat gradients, shape {@code [size]}, same layout as {@link #params()}. */
    public INDArray gradients() {
        requireAllocated();
        return gradients;
    }

    /**
     * Polyak averaging toward {@code source}: {@code params <- (1 - tau) params + tau source}, the
     * target-network update of DDPG/TD3/SAC (Lillicrap et al. 2016). Two native ops over the
     * whole set. {@code source} must have the same layout (built from the same networks).
     */
    public void polyakUpdate(ParameterSet source, double tau) {
        requireAllocated();
        if (!(tau >= 0 && tau <= 1)) {
            throw new IllegalArgumentException("tau must be in [0, 1], got " + tau);
        }
        if (source.size != size) {
            throw new IllegalArgumentException("source has " + source.size + " parameters, this set " + size);
        }
        params.muli(1 - tau);
        Nd4j.getBlasWrapper().level1().axpy(size, tau, source.params(), params);
    }

    /** Copies all parameters of {@code source} (same layout) into this set. */
    public void copyFrom(ParameterSet source) {
        requireAllocated();
        if (source.size != size) {
            throw new IllegalArgumentException("source has " + source.size + " parameters, this set " + size);
        }
        params.assign(source.params());
    }

    /** Writes the parameters; {@link #readValues} decodes them for {@link #load}. */
    public void writeTo(DataOutputStream out) throws IOException {
        StateCodec.writeFloats(out, Buffers.toArray(params()));
    }

    /**
     * Decodes parameters written by {@link #writeTo} of a set with this layout, without changing
     * this set.
     *
     * @param what names this set in the error raised for a stored set of another size
     */
    public float[] readValues(DataInputStream in, String what) throws IOException {
        return StateCodec.readFloats(in, size, what);
    }

    /** Replaces all parameters by {@code values} (this set's size). */
    public void load(float[] values) {
        requireAllocated();
        if (values.length != size) {
            throw new IllegalArgumentException("expected " + size + " parameter values, got " + values.length);
        }
        Buffers.copyIn(values, 0, values.length, params);
    }

    /** A view of {@code array} (params or gradients) at {@code offset}, reshaped to {@code shape}. */
    static INDArray view(INDArray array, long offset, long... shape) {
        long count = 1;
        for (long d : shape) {
            count *= d;
        }
        INDArray slice = array.get(NDArrayIndex.interval(offset, offset + count));
        return shape.length == 1 ? slice : slice.reshape('c', shape);
    }

    private void requireAllocated() {
        if (params == null) {
            throw new IllegalStateException("call allocate() first");
        }
    }
}

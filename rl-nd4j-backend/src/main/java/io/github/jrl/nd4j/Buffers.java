package io.github.jrl.nd4j;

import java.nio.FloatBuffer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Bulk copies between Java arrays and ND4J arrays through the native buffer, without
 * allocating: the bridge that lets small element-wise work (loss heads, advantage maths) run in
 * plain Java while matrix products run in ND4J. Arrays must be float32 and contiguous in 'c'
 * order (the arrays this backend allocates are).
 */
public final class Buffers {

    private Buffers() {
    }

    /** Copies {@code length} floats from {@code src[srcOffset..]} into the start of {@code dst}. */
    public static void copyIn(float[] src, int srcOffset, int length, INDArray dst) {
        FloatBuffer buffer = view(dst, length);
        buffer.put(src, srcOffset, length);
    }

    /** Copies the first {@code length} elements of {@code src} into {@code dst[dstOffset..]}. */
    public static void copyOut(INDArray src, float[] dst, int dstOffset, int length) {
        FloatBuffer buffer = view(src, length);
        buffer.get(dst, dstOffset, length);
    }

    /** A new Java array with all elements of {@code src} (float32, contiguous). */
    public static float[] toArray(INDArray src) {
        float[] values = new float[Math.toIntExact(src.length())];
        copyOut(src, values, 0, values.length);
        return values;
    }

    /** A float buffer over the elements of {@code array}, positioned at its first element. */
    public static FloatBuffer view(INDArray array, int length) {
        if (array.dataType() != DataType.FLOAT) {
            throw new IllegalArgumentException("expected a float32 array, got " + array.dataType());
        }
        if (length > array.length()) {
            throw new IllegalArgumentException("array has " + array.length() + " elements, " + length + " requested");
        }
        // a vector is contiguous whatever order it reports; a matrix must be 'c' order
        boolean contiguous = array.elementWiseStride() == 1 && (array.rank() <= 1 || array.ordering() == 'c');
        if (array.length() > 1 && !contiguous) {
            throw new IllegalArgumentException("expected a contiguous 'c'-order array, got order " + array.ordering()
                    + " with element-wise stride " + array.elementWiseStride());
        }
        FloatBuffer buffer = array.data().asNioFloat();
        buffer.position((int) array.offset());
        return buffer.slice();
    }
}

package io.github.jrl.nd4j;

import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.openblas.global.openblas_nolapack;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A matrix product {@code C = op(A) op(B)} bound once to three float32 'c'-order arrays (views
 * of a larger buffer allowed) and run many times, as a network's layers need.
 *
 * <p>On ND4J's CPU backend it calls OpenBLAS's {@code cblas_sgemm} directly on the arrays'
 * memory. {@code Nd4j.gemm} reaches the same routine of the same library, so results are
 * bit-identical (tested), but wraps every call in an {@code Mmul} op object (an instance id
 * drawn from {@code SecureRandom}, an op context, shape checks): about 10 µs of CPU per call here,
 * against 0.1 µs for the BLAS call itself, which dominated the products of 64-wide networks.
 * Other backends (CUDA) go through {@code Nd4j.gemm}.
 */
public final class MatMul {

    private static final boolean DIRECT_BLAS = "CpuBackend".equals(Nd4j.getBackend().getClass().getSimpleName());

    private final INDArray a;
    private final INDArray b;
    private final INDArray c;
    private final boolean transposeA;
    private final boolean transposeB;
    private final int m;
    private final int n;
    private final int k;
    private final FloatPointer pa;
    private final FloatPointer pb;
    private final FloatPointer pc;

    /**
     * Binds {@code c = op(a) op(b)}, {@code op} transposing where asked.
     *
     * @throws IllegalArgumentException if an array is not a float32 'c'-order contiguous matrix
     *     or the shapes do not multiply into {@code c}
     */
    public MatMul(INDArray a, INDArray b, INDArray c, boolean transposeA, boolean transposeB) {
        for (INDArray x : new INDArray[] {a, b, c}) {
            if (x.rank() != 2 || x.dataType() != DataType.FLOAT || x.ordering() != 'c' || x.elementWiseStride() != 1) {
                throw new IllegalArgumentException("expected contiguous float32 'c'-order matrices, got rank " + x.rank()
                        + ", " + x.dataType() + ", order " + x.ordering() + ", element-wise stride " + x.elementWiseStride());
            }
        }
        int aRows = (int) (transposeA ? a.size(1) : a.size(0));
        int aCols = (int) (transposeA ? a.size(0) : a.size(1));
        int bRows = (int) (transposeB ? b.size(1) : b.size(0));
        int bCols = (int) (transposeB ? b.size(0) : b.size(1));
        if (aCols != bRows || c.size(0) != aRows || c.size(1) != bCols) {
            throw new IllegalArgumentException("cannot multiply [" + aRows + " x " + aCols + "] by [" + bRows + " x " + bCols
                    + "] into [" + c.size(0) + " x " + c.size(1) + "]");
        }
        this.a = a;
        this.b = b;
        this.c = c;
        this.transposeA = transposeA;
        this.transposeB = transposeB;
        this.m = aRows;
        this.n = bCols;
        this.k = aCols;
        this.pa = DIRECT_BLAS ? pointer(a) : null;
        this.pb = DIRECT_BLAS ? pointer(b) : null;
        this.pc = DIRECT_BLAS ? pointer(c) : null;
    }

    /**
     * The address of the array's first element: a view's data buffer already points at its own
     * offset into the underlying memory, and the array's offset counts from that memory's start.
     */
    private static FloatPointer pointer(INDArray array) {
        FloatPointer p = new FloatPointer(array.data().addressPointer());
        return p.position(array.offset() - array.data().offset());
    }

    /** Computes {@code c = op(a) op(b)}, overwriting {@code c}. */
    public void run() {
        if (DIRECT_BLAS) {
            // row-major leading dimensions are the stored matrices' row lengths
            openblas_nolapack.cblas_sgemm(openblas_nolapack.CblasRowMajor,
                    transposeA ? openblas_nolapack.CblasTrans : openblas_nolapack.CblasNoTrans,
                    transposeB ? openblas_nolapack.CblasTrans : openblas_nolapack.CblasNoTrans, m, n, k, 1f, pa,
                    (int) a.size(1), pb, (int) b.size(1), 0f, pc, (int) c.size(1));
        } else {
            Nd4j.gemm(a, b, c, transposeA, transposeB, 1.0, 0.0);
        }
    }
}

package io.github.jrl.nd4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.junit.jupiter.api.Test;

class MatMulTest {

    /** A [rows x cols] view at an offset inside a larger flat buffer, as network weights are. */
    private static INDArray view(int rows, int cols, long seed) {
        Nd4j.getRandom().setSeed(seed);
        INDArray flat = Nd4j.rand(DataType.FLOAT, 7 + rows * cols + 5);
        return flat.get(NDArrayIndex.interval(7, 7 + rows * cols)).reshape('c', rows, cols);
    }

    /** Bit-identical to Nd4j.gemm (the same OpenBLAS routine) for every transpose and for views. */
    @Test
    void equalsNd4jGemmForEveryTransposeAndForViews() {
        int m = 37;
        int k = 19;
        int n = 23;
        for (boolean ta : new boolean[] {false, true}) {
            for (boolean tb : new boolean[] {false, true}) {
                INDArray a = ta ? view(k, m, 1) : view(m, k, 1);
                INDArray b = tb ? Nd4j.rand(DataType.FLOAT, n, k) : view(k, n, 2);
                INDArray expected = Nd4j.create(DataType.FLOAT, m, n);
                Nd4j.gemm(a, b, expected, ta, tb, 1.0, 0.0);
                INDArray c = view(m, n, 3);
                new MatMul(a, b, c, ta, tb).run();
                assertArrayEquals(Buffers.toArray(expected), Buffers.toArray(c.dup()), "transposeA=" + ta + ", transposeB=" + tb);
            }
        }
    }

    @Test
    void shapesThatDoNotMultiplyAreRefused() {
        INDArray a = Nd4j.create(DataType.FLOAT, 3, 4);
        INDArray b = Nd4j.create(DataType.FLOAT, 5, 2);
        assertThrows(IllegalArgumentException.class, () -> new MatMul(a, b, Nd4j.create(DataType.FLOAT, 3, 2), false, false));
        assertThrows(IllegalArgumentException.class,
                () -> new MatMul(a, Nd4j.create(DataType.DOUBLE, 4, 2), Nd4j.create(DataType.FLOAT, 3, 2), false, false));
    }
}

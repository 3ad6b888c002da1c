package io.github.jrl.nd4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class BackendSmokeTest {

    @Test
    void nativeBackendLoadsAndMultipliesMatrices() {
        INDArray a = Nd4j.createFromArray(new float[][] {{1, 2, 3}, {4, 5, 6}});
        INDArray b = Nd4j.createFromArray(new float[][] {{7, 8}, {9, 10}, {11, 12}});
        INDArray c = a.mmul(b);
        assertArrayEquals(new long[] {2, 2}, c.shape());
        assertArrayEquals(new float[] {58, 64, 139, 154}, c.castTo(DataType.FLOAT).data().asFloat());
        // CpuBackend by default, JCublasBackend with -Pcuda
        assertTrue(Backend.describe().matches("(CpuBackend|JCublasBackend), \\d+ OpenMP thread\\(s\\), float"),
                Backend.describe());
    }
}

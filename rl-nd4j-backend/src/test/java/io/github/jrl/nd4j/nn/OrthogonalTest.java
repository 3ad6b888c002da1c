package io.github.jrl.nd4j.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.jrl.core.random.Rng;
import org.junit.jupiter.api.Test;

class OrthogonalTest {

    /** The fewer of rows/columns are orthonormal vectors times the gain. */
    @Test
    void fewerSideIsOrthonormalTimesGain() {
        int[][] shapes = {{8, 3}, {3, 8}, {5, 5}};
        for (int[] shape : shapes) {
            int in = shape[0];
            int out = shape[1];
            double gain = 1.5;
            float[] w = Orthogonal.matrix(in, out, gain, new Rng(7));
            boolean columns = in >= out;
            int vectors = Math.min(in, out);
            int length = Math.max(in, out);
            for (int a = 0; a < vectors; a++) {
                for (int b = 0; b < vectors; b++) {
                    double dot = 0;
                    for (int k = 0; k < length; k++) {
                        double x = columns ? w[k * out + a] : w[a * out + k];
                        double y = columns ? w[k * out + b] : w[b * out + k];
                        dot += x * y;
                    }
                    assertEquals(a == b ? gain * gain : 0, dot, 1e-5, in + "x" + out + " (" + a + "," + b + ")");
                }
            }
        }
        assertArrayEquals(Orthogonal.matrix(4, 3, 1, new Rng(1)), Orthogonal.matrix(4, 3, 1, new Rng(1)));
    }
}

package io.github.jrl.nd4j.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.jrl.nd4j.Buffers;
import io.github.jrl.nd4j.nn.ParameterSet;
import org.junit.jupiter.api.Test;

class AdamTest {

    private static ParameterSet parameters(float... values) {
        ParameterSet set = new ParameterSet();
        set.reserve(values.length);
        set.allocate();
        Buffers.copyIn(values, 0, values.length, set.params());
        return set;
    }

    private static float[] read(org.nd4j.linalg.api.ndarray.INDArray array, int n) {
        float[] out = new float[n];
        Buffers.copyOut(array, out, 0, n);
        return out;
    }

    /** Two steps against Adam's update rule with bias correction, computed in double. */
    @Test
    void stepsFollowTheAdamUpdateRule() {
        float[] p0 = {1.0f, -2.0f, 0.5f};
        ParameterSet set = parameters(p0);
        double lr = 0.1;
        double b1 = 0.9;
        double b2 = 0.999;
        double eps = 1e-5;
        Adam adam = new Adam(set, lr, b1, b2, eps, 0);
        float[][] grads = {{0.5f, -1.0f, 2.0f}, {-0.25f, 0.5f, 1.0f}};
        double[] m = new double[3];
        double[] v = new double[3];
        double[] p = {p0[0], p0[1], p0[2]};
        for (int t = 0; t < grads.length; t++) {
            Buffers.copyIn(grads[t], 0, 3, set.gradients());
            adam.step();
            for (int i = 0; i < 3; i++) {
                m[i] = b1 * m[i] + (1 - b1) * grads[t][i];
                v[i] = b2 * v[i] + (1 - b2) * grads[t][i] * grads[t][i];
                double mHat = m[i] / (1 - Math.pow(b1, t + 1));
                double vHat = v[i] / (1 - Math.pow(b2, t + 1));
                p[i] -= lr * mHat / (Math.sqrt(vHat) + eps);
            }
            float[] actual = read(set.params(), 3);
            for (int i = 0; i < 3; i++) {
                assertEquals(p[i], actual[i], 1e-4, "step " + t + " parameter " + i);
            }
        }
        assertEquals(2, adam.steps());
    }

    /** A saved optimiser, restored into a fresh one over the same parameters, takes the same next step. */
    @Test
    void savedStateContinuesExactly() throws java.io.IOException {
        ParameterSet set = parameters(1f, -1f);
        Adam adam = Adam.of(set, 0.1, 1e-8);
        Buffers.copyIn(new float[] {0.3f, -0.7f}, 0, 2, set.gradients());
        adam.step();
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        adam.writeTo(new java.io.DataOutputStream(bytes));
        ParameterSet copy = parameters(read(set.params(), 2));
        Adam restored = Adam.of(copy, 0.1, 1e-8);
        restored.restore(restored.readState(
                new java.io.DataInputStream(new java.io.ByteArrayInputStream(bytes.toByteArray())), "the test optimiser"));
        assertEquals(1, restored.steps());
        for (ParameterSet s : new ParameterSet[] {set, copy}) {
            Buffers.copyIn(new float[] {0.1f, 0.2f}, 0, 2, s.gradients());
        }
        adam.step();
        restored.step();
        assertArrayEquals(read(set.params(), 2), read(copy.params(), 2));
        java.io.IOException e = assertThrows(java.io.IOException.class, () -> Adam.of(parameters(1f), 0.1, 1e-8)
                .readState(new java.io.DataInputStream(new java.io.ByteArrayInputStream(bytes.toByteArray())), "the small one"));
        assertTrue(e.getMessage().contains("the small one"), e.getMessage());
    }

    @Test
    void weightDecayIsDecoupled() {
        ParameterSet set = parameters(2.0f);
        Adam adamW = new Adam(set, 0.1, 0.9, 0.999, 1e-8, 0.5);
        Buffers.copyIn(new float[] {0f}, 0, 1, set.gradients());
        adamW.step();
        // zero gradient: only the decay acts, p <- p * (1 - lr * wd)
        assertEquals(2.0 * (1 - 0.05), read(set.params(), 1)[0], 1e-6);
    }

    @Test
    void clippingScalesToTheMaximumNorm() {
        ParameterSet set = parameters(0f, 0f);
        Adam adam = Adam.of(set, 0.1, 1e-5);
        Buffers.copyIn(new float[] {3f, 4f}, 0, 2, set.gradients());
        assertEquals(5.0, adam.clipGradientNorm(1.0), 1e-6);
        float[] clipped = read(set.gradients(), 2);
        assertEquals(3.0 / (5 + 1e-6), clipped[0], 1e-6);
        assertEquals(4.0 / (5 + 1e-6), clipped[1], 1e-6);
        Buffers.copyIn(new float[] {0.3f, 0.4f}, 0, 2, set.gradients());
        assertEquals(0.5, adam.clipGradientNorm(1.0), 1e-6);
        assertEquals(0.3f, read(set.gradients(), 2)[0], 1e-7);
        Buffers.copyIn(new float[] {Float.NaN, 0f}, 0, 2, set.gradients());
        assertThrows(ArithmeticException.class, () -> adam.clipGradientNorm(1.0));
    }

    @Test
    void badHyperparametersRaise() {
        ParameterSet set = parameters(0f);
        assertThrows(IllegalArgumentException.class, () -> new Adam(set, -1, 0.9, 0.999, 1e-8, 0));
        assertThrows(IllegalArgumentException.class, () -> new Adam(set, 0.1, 1.0, 0.999, 1e-8, 0));
        assertThrows(IllegalArgumentException.class, () -> new Adam(set, 0.1, 0.9, 0.999, 0, 0));
    }
}

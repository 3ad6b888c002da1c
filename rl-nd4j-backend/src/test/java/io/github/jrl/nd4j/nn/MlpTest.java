package io.github.jrl.nd4j.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.jrl.core.random.Rng;
import io.github.jrl.nd4j.Buffers;
import org.junit.jupiter.api.Test;

class MlpTest {

    private static float[] randomInput(int rows, int cols, long seed) {
        Rng rng = new Rng(seed);
        float[] x = new float[rows * cols];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) rng.nextGaussian();
        }
        return x;
    }

    private static Mlp network(Activation activation, ParameterSet params, int in, int out) {
        Mlp mlp = new Mlp(new MlpSpec(in, new int[] {5, 4}, out, activation, Math.sqrt(2), 1.0), params);
        return mlp;
    }

    @Test
    void forwardOfAOneLayerNetworkIsXWPlusB() {
        ParameterSet params = new ParameterSet();
        Mlp mlp = new Mlp(new MlpSpec(2, new int[0], 2, Activation.TANH, 1, 1), params);
        params.allocate();
        // layout: W [2 x 2] row-major, then b [2]
        float[] p = {1, 2, 3, 4, 0.5f, -0.5f};
        Buffers.copyIn(p, 0, p.length, params.params());
        float[] out = mlp.forward(new float[] {1, -1}, 1);
        assertArrayEquals(new float[] {1 - 3 + 0.5f, 2 - 4 - 0.5f}, out);
    }

    @Test
    void snapshotForwardEqualsTheNd4jForward() {
        for (Activation activation : Activation.values()) {
            ParameterSet params = new ParameterSet();
            Mlp mlp = network(activation, params, 3, 2);
            params.allocate();
            mlp.initialize(new Rng(1));
            params.params().addi(0.1f); // non-zero biases too
            int rows = 7;
            float[] x = randomInput(rows, 3, 2);
            float[] expected = mlp.forward(x, rows).clone();
            float[] actual = new float[rows * 2];
            mlp.snapshot().forward(x, 0, rows, actual, 0);
            assertArrayEquals(expected, actual, 1e-5f, activation.name());
        }
    }

    /** Central finite differences of L = sum(out * G) against the analytic gradient. */
    @Test
    void backwardMatchesFiniteDifferences() {
        for (Activation activation : new Activation[] {Activation.TANH, Activation.RELU, Activation.GELU, Activation.IDENTITY}) {
            ParameterSet params = new ParameterSet();
            Mlp mlp = network(activation, params, 3, 2);
            params.allocate();
            mlp.initialize(new Rng(3));
            params.params().addi(0.05f);
            int rows = 4;
            float[] x = randomInput(rows, 3, 4);
            float[] g = randomInput(rows, 2, 5);
            float[] analytic = gradient(mlp, params, x, g, rows);
            float[] inputGrad = mlp.inputGradient().clone();

            float[] p = new float[(int) params.size()];
            Buffers.copyOut(params.params(), p, 0, p.length);
            double eps = 1e-2;
            for (int i = 0; i < p.length; i++) {
                float saved = p[i];
                p[i] = (float) (saved + eps);
                double plus = loss(mlp, params, p, x, g, rows);
                p[i] = (float) (saved - eps);
                double minus = loss(mlp, params, p, x, g, rows);
                p[i] = saved;
                double numeric = (plus - minus) / (2 * eps);
                assertEquals(numeric, analytic[i], 2e-3 + 2e-2 * Math.abs(numeric), activation + " parameter " + i);
            }
            Buffers.copyIn(p, 0, p.length, params.params());
            for (int i = 0; i < x.length; i++) {
                float saved = x[i];
                x[i] = (float) (saved + eps);
                double plus = loss(mlp, params, p, x, g, rows);
                x[i] = (float) (saved - eps);
                double minus = loss(mlp, params, p, x, g, rows);
                x[i] = saved;
                double numeric = (plus - minus) / (2 * eps);
                assertEquals(numeric, inputGrad[i], 2e-3 + 2e-2 * Math.abs(numeric), activation + " input " + i);
            }
        }
    }

    private static float[] gradient(Mlp mlp, ParameterSet params, float[] x, float[] g, int rows) {
        mlp.forward(x, rows);
        mlp.backward(g, true);
        float[] grads = new float[(int) params.size()];
        Buffers.copyOut(params.gradients(), grads, 0, grads.length);
        return grads;
    }

    private static double loss(Mlp mlp, ParameterSet params, float[] p, float[] x, float[] g, int rows) {
        Buffers.copyIn(p, 0, p.length, params.params());
        float[] out = mlp.forward(x, rows);
        double sum = 0;
        for (int i = 0; i < out.length; i++) {
            sum += (double) out[i] * g[i];
        }
        return sum;
    }

    /** The input-only backward pass gives backward(..., true)'s input gradient and leaves the parameter gradients alone. */
    @Test
    void backwardToInputEqualsTheFullBackwardsInputGradient() {
        ParameterSet params = new ParameterSet();
        Mlp mlp = network(Activation.RELU, params, 3, 2);
        params.allocate();
        mlp.initializeUniform(new Rng(6));
        int rows = 5;
        float[] x = randomInput(rows, 3, 7);
        float[] g = randomInput(rows, 2, 8);
        float[] grads = gradient(mlp, params, x, g, rows);
        float[] expected = mlp.inputGradient().clone();
        float[] other = randomInput(rows, 2, 9);
        mlp.forward(x, rows);
        mlp.backward(other, false);
        float[] before = new float[grads.length];
        Buffers.copyOut(params.gradients(), before, 0, before.length);
        mlp.forward(x, rows);
        float[] actual = mlp.backwardToInput(g);
        assertArrayEquals(expected, java.util.Arrays.copyOf(actual, rows * 3), 1e-6f);
        float[] after = new float[grads.length];
        Buffers.copyOut(params.gradients(), after, 0, after.length);
        assertArrayEquals(before, after);
    }

    /** PyTorch's nn.Linear default: weights and biases within +-1/sqrt(fan_in), spread over the range. */
    @Test
    void uniformInitialisationStaysWithinTheFanInBound() {
        ParameterSet params = new ParameterSet();
        Mlp mlp = new Mlp(new MlpSpec(16, new int[] {64}, 4, Activation.RELU, 1, 1), params);
        params.allocate();
        mlp.initializeUniform(new Rng(3));
        float[] p = new float[(int) params.size()];
        Buffers.copyOut(params.params(), p, 0, p.length);
        // layer 1: 16 x 64 weights then 64 biases, bound 1/4; layer 2: 64 x 4 then 4, bound 1/8
        int first = 16 * 64 + 64;
        float max1 = 0;
        for (int i = 0; i < first; i++) {
            max1 = Math.max(max1, Math.abs(p[i]));
        }
        float max2 = 0;
        for (int i = first; i < p.length; i++) {
            max2 = Math.max(max2, Math.abs(p[i]));
        }
        assertTrue(max1 <= 0.25f && max1 > 0.24f, "layer 1 max |w| " + max1);
        assertTrue(max2 <= 0.125f && max2 > 0.11f, "layer 2 max |w| " + max2);
    }

    @Test
    void twoNetworksShareOneParameterSetWithoutOverlap() {
        ParameterSet params = new ParameterSet();
        Mlp first = network(Activation.TANH, params, 3, 2);
        Mlp second = network(Activation.TANH, params, 3, 1);
        params.allocate();
        first.initialize(new Rng(1));
        float[] before = new float[(int) params.size()];
        Buffers.copyOut(params.params(), before, 0, before.length);
        second.initialize(new Rng(2));
        float[] after = new float[(int) params.size()];
        Buffers.copyOut(params.params(), after, 0, after.length);
        long firstCount = first.spec().parameterCount();
        for (int i = 0; i < firstCount; i++) {
            assertEquals(before[i], after[i]);
        }
        assertEquals(firstCount + second.spec().parameterCount(), params.size());
    }

    @Test
    void misuseRaises() {
        ParameterSet params = new ParameterSet();
        Mlp mlp = network(Activation.TANH, params, 3, 2);
        params.allocate();
        assertThrows(IllegalStateException.class, () -> mlp.backward(new float[2], false));
        assertThrows(IllegalStateException.class, () -> params.reserve(3));
        assertThrows(IllegalArgumentException.class, () -> mlp.forward(new float[3], 0));
        assertThrows(IllegalArgumentException.class, () -> mlp.forward(new float[3], 2));
        assertThrows(IllegalArgumentException.class,
                () -> new MlpSpec(0, new int[] {2}, 1, Activation.TANH, 1, 1));
    }
}

package io.github.jrl.nd4j.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.jrl.core.random.Rng;
import io.github.jrl.nd4j.Buffers;
import io.github.jrl.nd4j.GradientCheck;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class CausalTransformerTest {

    private static final TransformerSpec SPEC = new TransformerSpec(7, 6, 8, 2, 2, 12);

    private static CausalTransformer network(ParameterSet params, long seed) {
        CausalTransformer net = new CausalTransformer(SPEC, params);
        params.allocate();
        net.initialize(new Rng(seed));
        // Perturb everything so layer-norm gains, biases and the small head are not at special values.
        float[] p = new float[(int) params.size()];
        Buffers.copyOut(params.params(), p, 0, p.length);
        Rng rng = new Rng(seed + 1);
        for (int i = 0; i < p.length; i++) {
            p[i] += (float) (0.1 * rng.nextGaussian());
        }
        Buffers.copyIn(p, 0, p.length, params.params());
        return net;
    }

    private static int[] randomTokens(int count, long seed) {
        Rng rng = new Rng(seed);
        int[] tokens = new int[count];
        for (int i = 0; i < count; i++) {
            tokens[i] = rng.nextInt(SPEC.vocabSize());
        }
        return tokens;
    }

    @Test
    void countsItsParameters() {
        ParameterSet params = new ParameterSet();
        new CausalTransformer(SPEC, params);
        assertEquals(SPEC.parameterCount(), params.size());
        // embeddings 7*8 + 6*8, per block 2*16 + 8*24+24 + 8*8+8 + 8*12+12+12*8+8, final norm 16, head 8*7+7
        assertEquals(56 + 48 + 2 * (32 + 216 + 72 + 212) + 16 + 63, params.size());
    }

    /** Central finite differences of L = sum(logits * G) against the analytic gradient, for every parameter. */
    @Test
    void backwardMatchesFiniteDifferences() {
        ParameterSet params = new ParameterSet();
        CausalTransformer net = network(params, 3);
        int batch = 2;
        int length = 5;
        int[] tokens = randomTokens(batch * length, 4);
        Rng rng = new Rng(5);
        float[] g = new float[batch * length * SPEC.vocabSize()];
        for (int i = 0; i < g.length; i++) {
            g[i] = (float) rng.nextGaussian();
        }
        net.forward(tokens, batch, length);
        net.backward(g);
        float[] analytic = new float[(int) params.size()];
        Buffers.copyOut(params.gradients(), analytic, 0, analytic.length);
        GradientCheck.assertMatchesFiniteDifferences(params, analytic, () -> {
            float[] logits = net.forward(tokens, batch, length);
            double sum = 0;
            for (int i = 0; i < g.length; i++) {
                sum += (double) logits[i] * g[i];
            }
            return sum;
        }, 1);
    }

    @Test
    void aPositionSeesNothingAfterIt() {
        CausalTransformer net = network(new ParameterSet(), 1);
        int[] tokens = randomTokens(6, 2);
        float[] before = net.forward(tokens, 1, 6).clone();
        tokens[4] = (tokens[4] + 1) % SPEC.vocabSize();
        float[] after = net.forward(tokens, 1, 6);
        int v = SPEC.vocabSize();
        assertArrayEquals(Arrays.copyOf(before, 4 * v), Arrays.copyOf(after, 4 * v));
        assertEquals(false, Arrays.equals(Arrays.copyOfRange(before, 4 * v, 5 * v), Arrays.copyOfRange(after, 4 * v, 5 * v)));
    }

    @Test
    void sequencesInABatchDoNotInteract() {
        CausalTransformer net = network(new ParameterSet(), 1);
        int[] both = randomTokens(10, 3);
        float[] batched = net.forward(both, 2, 5).clone();
        float[] second = net.forward(Arrays.copyOfRange(both, 5, 10), 1, 5);
        int v = SPEC.vocabSize();
        assertArrayEquals(second, Arrays.copyOfRange(batched, 5 * v, 10 * v), 1e-6f);
    }

    @Test
    void theDecoderReproducesTheFullForwardPass() {
        CausalTransformer net = network(new ParameterSet(), 2);
        int batch = 3;
        int length = SPEC.contextLength();
        int[] tokens = randomTokens(batch * length, 6);
        float[] full = net.forward(tokens, batch, length).clone();
        CausalTransformer.Decoder decoder = net.decoder(batch);
        int v = SPEC.vocabSize();
        for (int t = 0; t < length; t++) {
            int[] column = new int[batch];
            for (int b = 0; b < batch; b++) {
                column[b] = tokens[b * length + t];
            }
            float[] logits = decoder.step(column);
            for (int b = 0; b < batch; b++) {
                int row = b * length + t;
                assertArrayEquals(Arrays.copyOfRange(full, row * v, (row + 1) * v), Arrays.copyOfRange(logits, b * v, (b + 1) * v),
                        1e-5f, "sequence " + b + ", position " + t);
            }
        }
        assertEquals(length, decoder.position());
        assertThrows(IllegalStateException.class, () -> decoder.step(new int[batch]));
    }

    @Test
    void misuseRaises() {
        CausalTransformer net = network(new ParameterSet(), 1);
        assertThrows(IllegalStateException.class, () -> net.backward(new float[7]));
        assertThrows(IllegalArgumentException.class, () -> net.forward(new int[7], 1, 7));
        assertThrows(IllegalArgumentException.class, () -> net.forward(new int[] {0, 7}, 1, 2));
        assertThrows(IllegalArgumentException.class, () -> net.decoder(2).step(new int[1]));
        net.forward(new int[2], 1, 2);
        net.decoder(1).step(new int[1]);
        assertThrows(IllegalStateException.class, () -> net.backward(new float[14]));
        assertThrows(IllegalArgumentException.class, () -> new TransformerSpec(7, 6, 8, 3, 2, 12));
        assertThrows(IllegalArgumentException.class, () -> new TransformerSpec(1, 6, 8, 2, 2, 12));
    }
}

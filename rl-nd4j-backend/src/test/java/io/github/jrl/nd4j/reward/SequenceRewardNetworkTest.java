package io.github.jrl.nd4j.reward;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.jrl.core.random.Rng;
import io.github.jrl.nd4j.Buffers;
import io.github.jrl.nd4j.GradientCheck;
import io.github.jrl.nd4j.nn.CausalTransformer;
import io.github.jrl.nd4j.nn.ParameterSet;
import io.github.jrl.nd4j.nn.TransformerSpec;
import org.nd4j.linalg.indexing.NDArrayIndex;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class SequenceRewardNetworkTest {

    private static final TransformerSpec SPEC = new TransformerSpec(7, 8, 8, 2, 1, 12);
    private static final int[][] PROMPTS = {{1, 4, 5}, {1, 6}, {1, 4, 5}};
    private static final int[][] COMPLETIONS = {{2}, {5, 5, 2}, {6, 2}};

    @Test
    void backwardMatchesFiniteDifferences() {
        SequenceRewardNetwork net = new SequenceRewardNetwork(SPEC, 2, new Rng(3));
        // GPT-2's embeddings (std 0.02) are small against the finite-difference step: perturb
        // everything, as CausalTransformerTest does, so layer norms are not near-singular
        float[] p = new float[(int) net.parameters().size()];
        Buffers.copyOut(net.parameters().params(), p, 0, p.length);
        Rng rng = new Rng(4);
        for (int i = 0; i < p.length; i++) {
            p[i] += (float) (0.1 * rng.nextGaussian());
        }
        Buffers.copyIn(p, 0, p.length, net.parameters().params());
        float[] g = {0.3f, -1.1f, 0.7f, 0.2f, -0.5f, 0.9f};
        net.forward(PROMPTS, COMPLETIONS);
        net.backward(g);
        float[] analytic = new float[(int) net.parameters().size()];
        Buffers.copyOut(net.parameters().gradients(), analytic, 0, analytic.length);
        GradientCheck.assertMatchesFiniteDifferences(net.parameters(), analytic, () -> {
            float[] rewards = net.forward(PROMPTS, COMPLETIONS);
            double sum = 0;
            for (int i = 0; i < g.length; i++) {
                sum += (double) rewards[i] * g[i];
            }
            return sum;
        }, 3);
    }

    @Test
    void aSequenceIsScoredAloneAsInABatch() {
        SequenceRewardNetwork net = new SequenceRewardNetwork(SPEC, 2, new Rng(4));
        float[] batch = net.forward(PROMPTS, COMPLETIONS).clone();
        for (int b = 0; b < PROMPTS.length; b++) {
            float[] alone = net.forward(new int[][] {PROMPTS[b]}, new int[][] {COMPLETIONS[b]});
            assertArrayEquals(Arrays.copyOfRange(batch, 2 * b, 2 * b + 2), Arrays.copyOf(alone, 2), 1e-5f);
        }
        // only the sequence, not where the prompt ends, matters: the network reads prompt + completion
        float[] split = net.forward(new int[][] {{1, 4}}, new int[][] {{5, 2}}).clone();
        assertEquals(batch[0], split[0], 1e-5f);
    }

    @Test
    void theEncoderCanStartFromATrainedTransformer() {
        ParameterSet trained = new ParameterSet();
        CausalTransformer transformer = new CausalTransformer(SPEC, trained);
        trained.allocate();
        transformer.initialize(new Rng(8));
        SequenceRewardNetwork net = new SequenceRewardNetwork(SPEC, 1, new Rng(9));
        float[] head = new float[(int) (net.parameters().size() - SPEC.parameterCount())];
        Buffers.copyOut(net.parameters().params().get(NDArrayIndex.interval(SPEC.parameterCount(), net.parameters().size())),
                head, 0, head.length);
        net.initializeEncoder(trained);
        float[] expected = new float[(int) SPEC.parameterCount()];
        float[] actual = new float[expected.length];
        Buffers.copyOut(trained.params(), expected, 0, expected.length);
        Buffers.copyOut(net.parameters().params(), actual, 0, actual.length);
        assertArrayEquals(expected, actual);
        float[] headAfter = new float[head.length];
        Buffers.copyOut(net.parameters().params().get(NDArrayIndex.interval(SPEC.parameterCount(), net.parameters().size())),
                headAfter, 0, headAfter.length);
        assertArrayEquals(head, headAfter, "the head keeps its initialisation");
        assertThrows(IllegalArgumentException.class, () -> net.initializeEncoder(net.parameters()));
    }

    @Test
    void badInputIsRefused() {
        SequenceRewardNetwork net = new SequenceRewardNetwork(SPEC, 1, new Rng(5));
        assertThrows(IllegalArgumentException.class, () -> net.forward(new int[][] {{}}, new int[][] {{2}}));
        assertThrows(IllegalArgumentException.class, () -> net.forward(new int[][] {{1, 1, 1, 1, 1}}, new int[][] {{2, 2, 2, 2}}));
        assertThrows(IllegalArgumentException.class, () -> new SequenceRewardNetwork(SPEC, 0, new Rng(5)));
        assertThrows(IllegalStateException.class, () -> net.backward(new float[1]));
    }
}

package io.github.jrl.algorithms.offline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.jrl.core.random.Rng;
import io.github.jrl.core.space.Box;
import io.github.jrl.core.space.Discrete;
import io.github.jrl.nd4j.nn.Activation;
import io.github.jrl.nd4j.nn.Mlp;
import io.github.jrl.nd4j.nn.ParameterSet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The deployable offline policy: its heads, the observation standardisation, and save/load. */
class OfflinePolicyTest {

    /** A 2-in network with zero weights and the given output biases: its output is the biases. */
    private static Mlp constant(float... biases) {
        ParameterSet parameters = new ParameterSet();
        Mlp network = LearnerParts.mlp(2, List.of(3), Activation.RELU, biases.length, parameters);
        parameters.allocate();
        float[] values = new float[(int) parameters.size()];
        System.arraycopy(biases, 0, values, values.length - biases.length, biases.length);
        parameters.load(values);
        return network;
    }

    /** tanh(0.5) = 0.4621172: box [-2, 2] gives 0.9242344, box [0, 1] gives 0.5 + 0.5 tanh(-1) = 0.1192029. */
    @Test
    void headsReadTheNetworkOutput() {
        Box box = Box.of(new float[] {-2, 0}, new float[] {2, 1});
        OfflinePolicy tanh = OfflinePolicy.of(constant(0.5f, -1), StateNormalizer.identity(2), OfflinePolicy.Head.TANH,
                box);
        assertArrayEquals(new float[] {0.9242344f, 0.1192029f}, (float[]) tanh.actDeterministic(new float[2]), 1e-6f);
        OfflinePolicy mean = OfflinePolicy.of(constant(0.5f, -1, 3, 3), StateNormalizer.identity(2),
                OfflinePolicy.Head.TANH_MEAN, box);
        assertArrayEquals(new float[] {0.9242344f, 0.1192029f}, (float[]) mean.actDeterministic(new float[2]), 1e-6f);
        OfflinePolicy argmax = OfflinePolicy.of(constant(0.1f, 0.7f, 0.7f), StateNormalizer.identity(2),
                OfflinePolicy.Head.ARGMAX, new Discrete(3));
        assertEquals(1, argmax.actDeterministic(new float[2]));
        assertEquals(1, argmax.act(new float[2], new Rng(0)));
        assertThrows(IllegalArgumentException.class, () -> OfflinePolicy.of(constant(0, 0), StateNormalizer.identity(2),
                OfflinePolicy.Head.ARGMAX, new Discrete(3)));
        assertThrows(IllegalArgumentException.class, () -> argmax.actDeterministic(new float[3]));
    }

    @Test
    void savedPolicyActsIdentically(@TempDir Path dir) throws Exception {
        ParameterSet parameters = new ParameterSet();
        Mlp network = LearnerParts.mlp(2, List.of(8), Activation.RELU, 1, parameters);
        LearnerParts.initialize(parameters, new Rng(3), network);
        StateNormalizer normalizer = new StateNormalizer(new float[] {1, -1}, new float[] {2, 0.5f});
        OfflinePolicy policy = OfflinePolicy.of(network, normalizer, OfflinePolicy.Head.TANH, Box.uniform(-2, 2, 1));
        Path file = dir.resolve("policy.jrl");
        policy.save(file);
        OfflinePolicy loaded = OfflinePolicy.load(file);
        Rng rng = new Rng(4);
        for (int i = 0; i < 20; i++) {
            float[] observation = {(float) rng.nextGaussian(), (float) rng.nextGaussian()};
            assertArrayEquals((float[]) policy.actDeterministic(observation), (float[]) loaded.actDeterministic(observation));
        }
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length / 2] ^= 1;
        Files.write(file, bytes);
        Exception e = assertThrows(java.io.IOException.class, () -> OfflinePolicy.load(file));
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
    }
}

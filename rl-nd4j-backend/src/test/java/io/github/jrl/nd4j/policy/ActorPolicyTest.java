package io.github.jrl.nd4j.policy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.jrl.core.checkpoint.CorruptCheckpointException;
import io.github.jrl.core.random.Rng;
import io.github.jrl.core.space.Box;
import io.github.jrl.core.space.Discrete;
import io.github.jrl.core.space.Space;
import io.github.jrl.nd4j.nn.Activation;
import io.github.jrl.nd4j.nn.Mlp;
import io.github.jrl.nd4j.nn.MlpSpec;
import io.github.jrl.nd4j.nn.ParameterSet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ActorPolicyTest {

    private static Mlp actor(int outputs, long seed) {
        ParameterSet params = new ParameterSet();
        Mlp mlp = new Mlp(new MlpSpec(3, new int[] {16}, outputs, Activation.RELU, 1, 1), params);
        params.allocate();
        mlp.initializeUniform(new Rng(seed));
        return mlp;
    }

    private static float[] observation(Rng rng) {
        return new float[] {(float) rng.nextGaussian(), (float) rng.nextGaussian(), (float) rng.nextGaussian()};
    }

    @Test
    void savedOrSentPoliciesActIdenticallyAfterLoading(@TempDir Path dir) throws IOException {
        Space<?>[] spaces = {Box.of(new float[] {-2f, 0f}, new float[] {2f, 1f}), new Discrete(4)};
        int[] outputs = {4, 4};
        for (int s = 0; s < spaces.length; s++) {
            ActorPolicy policy = ActorPolicy.of(actor(outputs[s], s), spaces[s]);
            Path file = dir.resolve("policy-" + s + ".jrl");
            policy.save(file);
            for (ActorPolicy loaded : new ActorPolicy[] {ActorPolicy.load(file), ActorPolicy.fromBytes(policy.toBytes())}) {
                Rng rng = new Rng(2);
                for (int i = 0; i < 20; i++) {
                    float[] obs = observation(rng);
                    assertSameAction(policy.actDeterministic(obs), loaded.actDeterministic(obs));
                    Object a = policy.act(obs, new Rng(i));
                    assertSameAction(a, loaded.act(obs, new Rng(i)));
                    if (a instanceof float[] x) {
                        assertTrue(((Box) spaces[s]).contains(x), "action within the box");
                    }
                }
            }
        }
    }

    @Test
    void bytesThatAreNotAnActorPolicyAreRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ActorPolicy.fromBytes(new byte[] {0, 3, 'x', 'y', 'z'}));
        assertTrue(e.getMessage().contains("not an actor policy"), e.getMessage());
    }

    private static void assertSameAction(Object expected, Object actual) {
        if (expected instanceof float[] x) {
            assertArrayEquals(x, (float[]) actual);
        } else {
            assertEquals(expected, actual);
        }
    }

    /** tanh(mean) in (-1, 1) maps affinely onto [low, high]: -1 to low, 0 to the centre, 1 to high. */
    @Test
    void squashedActionsAreRescaledToTheBox() {
        ActorPolicy policy = ActorPolicy.of(actor(2, 1), Box.of(new float[] {-2f}, new float[] {6f}));
        float[] env = new float[3];
        policy.toEnvActions(new float[] {-1f, 0f, 1f}, 3, env);
        assertArrayEquals(new float[] {-2f, 2f, 6f}, env);
        ActorPolicy discrete = ActorPolicy.of(actor(3, 1), new Discrete(3));
        discrete.toEnvActions(new float[] {2f}, 1, env);
        assertEquals(2f, env[0]);
    }

    /** The trainer's batch path with white noise equals acting one observation at a time. */
    @Test
    void batchSamplingMatchesSingleActions() {
        Box box = Box.uniform(-1, 1, 2);
        ActorPolicy policy = ActorPolicy.of(actor(4, 3), box);
        Rng rng = new Rng(4);
        float[] observations = new float[9];
        for (int i = 0; i < 3; i++) {
            System.arraycopy(observation(rng), 0, observations, 3 * i, 3);
        }
        float[] noise = {0.1f, -1f, 2f, 0f, -0.5f, 0.3f};
        float[] actions = new float[6];
        policy.sampleBatch(observations, 3, noise, null, actions);
        for (int i = 0; i < 3; i++) {
            float[] single = new float[2];
            policy.sampleBatch(java.util.Arrays.copyOfRange(observations, 3 * i, 3 * i + 3), 1,
                    java.util.Arrays.copyOfRange(noise, 2 * i, 2 * i + 2), null, single);
            assertArrayEquals(single, java.util.Arrays.copyOfRange(actions, 2 * i, 2 * i + 2));
        }
    }

    @Test
    void spacesAndNetworksThatDoNotFitAreRefused(@TempDir Path dir) throws IOException {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ActorPolicy.of(actor(2, 1), Box.uniform(Float.NEGATIVE_INFINITY, Float.POSITIVE_INFINITY, 1)));
        assertTrue(e.getMessage().contains("bounded Box"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> ActorPolicy.of(actor(3, 1), Box.uniform(-1, 1, 2)));
        assertTrue(e.getMessage().contains("outputs 3 floats") && e.getMessage().contains("needs 4"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> ActorPolicy.of(actor(2, 1), new Discrete(2)).actDeterministic(new float[2]));
        assertTrue(e.getMessage().contains("observation of 3 floats"), e.getMessage());

        Path file = dir.resolve("policy.jrl");
        ActorPolicy.of(actor(2, 1), new Discrete(2)).save(file);
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length / 2] ^= 0x10;
        Files.write(file, bytes);
        assertThrows(CorruptCheckpointException.class, () -> ActorPolicy.load(file));
    }
}

package io.github.jrl.nd4j.policy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.jrl.core.checkpoint.CorruptCheckpointException;
import io.github.jrl.core.random.Rng;
import io.github.jrl.core.space.Box;
import io.github.jrl.core.space.Discrete;
import io.github.jrl.core.stats.ObservationNormalizer;
import io.github.jrl.core.stats.RunningMeanStd;
import io.github.jrl.nd4j.nn.Activation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ActorCriticPolicyTest {

    private static float[] observation(Rng rng) {
        return new float[] {(float) rng.nextGaussian(), (float) rng.nextGaussian(), (float) rng.nextGaussian()};
    }

    @Test
    void aSavedDiscretePolicyActsIdenticallyAfterLoading(@TempDir Path dir) throws IOException {
        ActorCritic model = new ActorCritic(3, new Discrete(4), new int[] {16, 16}, Activation.TANH, 0, new Rng(1));
        model.parameters().params().addi(0.05f); // leave the initialisation's exact zeros behind
        ActorCriticPolicy policy = model.snapshot();
        Path file = dir.resolve("policy.jrl");
        policy.save(file);
        ActorCriticPolicy loaded = ActorCriticPolicy.load(file);
        Rng rng = new Rng(2);
        for (int i = 0; i < 20; i++) {
            float[] obs = observation(rng);
            assertEquals(policy.actDeterministic(obs), loaded.actDeterministic(obs));
            assertEquals(policy.value(obs), loaded.value(obs));
            assertEquals(policy.act(obs, new Rng(i)), loaded.act(obs, new Rng(i)));
        }
    }

    @Test
    void aSavedGaussianPolicyKeepsItsNormaliserAndClipsToTheBox(@TempDir Path dir) throws IOException {
        Box box = Box.uniform(-1f, 1f, 2);
        ActorCritic model = new ActorCritic(3, box, new int[] {8}, Activation.RELU, -0.5, new Rng(3));
        RunningMeanStd stats = new RunningMeanStd(3);
        stats.update(new float[] {1, 2, 3});
        stats.update(new float[] {3, 0, -1});
        ActorCriticPolicy policy = model.snapshot().withNormalizer(new ObservationNormalizer(stats.snapshot(), 1e-8, 10));
        Path file = dir.resolve("policy.jrl");
        policy.save(file);
        ActorCriticPolicy loaded = ActorCriticPolicy.load(file);
        Rng rng = new Rng(4);
        for (int i = 0; i < 20; i++) {
            float[] obs = observation(rng);
            assertArrayEquals((float[]) policy.actDeterministic(obs), (float[]) loaded.actDeterministic(obs));
            float[] sampled = (float[]) loaded.act(obs, new Rng(i));
            assertArrayEquals((float[]) policy.act(obs, new Rng(i)), sampled);
            assertTrue(box.contains(sampled), "sampled actions are clipped to the box");
        }
    }

    @Test
    void aPolicyWrittenToAStreamActsIdenticallyAfterReading() throws IOException {
        Box box = Box.uniform(-2f, 2f, 2);
        ActorCritic model = new ActorCritic(3, box, new int[] {8}, Activation.TANH, -0.3, new Rng(7));
        RunningMeanStd stats = new RunningMeanStd(3);
        stats.update(new float[] {1, -2, 3});
        ActorCriticPolicy policy = model.snapshot().withNormalizer(new ObservationNormalizer(stats.snapshot(), 1e-8, 10));
        byte[] bytes = policy.toBytes();
        ActorCriticPolicy read = ActorCriticPolicy.fromBytes(bytes);
        Rng rng = new Rng(8);
        for (int i = 0; i < 10; i++) {
            float[] obs = observation(rng);
            assertArrayEquals((float[]) policy.act(obs, new Rng(i)), (float[]) read.act(obs, new Rng(i)));
            assertEquals(policy.value(obs), read.value(obs));
        }
        byte[] foreign = bytes.clone();
        foreign[3] ^= 1; // inside the format tag
        assertThrows(IllegalArgumentException.class, () -> ActorCriticPolicy.fromBytes(foreign));
    }

    @Test
    void corruptAndForeignFilesAreRefused(@TempDir Path dir) throws IOException {
        ActorCritic model = new ActorCritic(3, new Discrete(2), new int[] {4}, Activation.TANH, 0, new Rng(5));
        Path file = dir.resolve("policy.jrl");
        model.snapshot().save(file);
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length / 3] ^= 1;
        Files.write(file, bytes);
        assertThrows(CorruptCheckpointException.class, () -> ActorCriticPolicy.load(file));
        Files.write(file, new byte[] {1, 2, 3});
        assertThrows(IOException.class, () -> ActorCriticPolicy.load(file));
    }

    @Test
    void observationsOfTheWrongSizeAreRejected() {
        ActorCritic model = new ActorCritic(3, new Discrete(2), new int[] {4}, Activation.TANH, 0, new Rng(6));
        assertThrows(IllegalArgumentException.class, () -> model.snapshot().actDeterministic(new float[2]));
    }
}

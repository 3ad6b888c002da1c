package io.github.jrl.core.buffer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.jrl.core.random.Rng;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class ReplayBufferTest {

    /** Adds transition {@code t}: observation (t, -t), action t/10, reward t, next observation (t+1, -t-1). */
    private static void addTransition(ReplayBuffer buffer, int t, boolean terminated, boolean truncated) {
        buffer.add(1, new float[] {t, -t}, new float[] {t / 10f}, new float[] {t}, new float[] {t + 1, -t - 1},
                new boolean[] {terminated}, new boolean[] {truncated});
    }

    @Test
    void sampledRowsAreWholeTransitionsWithTheirFlagsApart() {
        ReplayBuffer buffer = new ReplayBuffer(10, 2, 1);
        for (int t = 0; t < 6; t++) {
            addTransition(buffer, t, t == 2, t == 4);
        }
        ReplayBuffer.Batch batch = buffer.newBatch(64);
        buffer.sample(new Rng(1), batch);
        for (int k = 0; k < batch.size(); k++) {
            int t = (int) batch.rewards()[k];
            assertEquals(batch.indices()[k], t);
            assertArrayEquals(new float[] {t, -t}, java.util.Arrays.copyOfRange(batch.observations(), 2 * k, 2 * k + 2));
            assertArrayEquals(new float[] {t + 1, -t - 1},
                    java.util.Arrays.copyOfRange(batch.nextObservations(), 2 * k, 2 * k + 2));
            assertEquals(t / 10f, batch.actions()[k]);
            assertEquals(t == 2, batch.terminated()[k]);
            assertEquals(t == 4, batch.truncated()[k]);
        }
    }

    @Test
    void aFullBufferOverwritesTheOldestTransitions() {
        ReplayBuffer buffer = new ReplayBuffer(4, 2, 1);
        for (int t = 0; t < 7; t++) {
            addTransition(buffer, t, false, false);
        }
        assertEquals(4, buffer.size());
        ReplayBuffer.Batch batch = buffer.newBatch(200);
        buffer.sample(new Rng(2), batch);
        boolean[] seen = new boolean[7];
        for (float r : batch.rewards()) {
            seen[(int) r] = true;
        }
        assertArrayEquals(new boolean[] {false, false, false, true, true, true, true}, seen);
    }

    @Test
    void aVectorStepAddsOneTransitionPerCopy() {
        ReplayBuffer buffer = new ReplayBuffer(8, 1, 2);
        buffer.add(3, new float[] {1, 2, 3}, new float[] {1, 1, 2, 2, 3, 3}, new float[] {10, 20, 30},
                new float[] {4, 5, 6}, new boolean[] {false, true, false}, new boolean[] {true, false, false});
        assertEquals(3, buffer.size());
        ReplayBuffer.Batch batch = buffer.newBatch(30);
        buffer.sample(new Rng(3), batch);
        for (int k = 0; k < batch.size(); k++) {
            int i = batch.indices()[k];
            assertEquals(10 * (i + 1), batch.rewards()[k]);
            assertEquals(i + 4, batch.nextObservations()[k]);
            assertEquals(i + 1, batch.actions()[2 * k + 1]);
            assertEquals(i == 1, batch.terminated()[k]);
            assertEquals(i == 0, batch.truncated()[k]);
        }
    }

    /** Uniform with replacement: every row about equally often, and the same seed draws the same rows. */
    @Test
    void samplingIsUniformAndSeeded() {
        ReplayBuffer buffer = new ReplayBuffer(100, 2, 1);
        for (int t = 0; t < 5; t++) {
            addTransition(buffer, t, false, false);
        }
        ReplayBuffer.Batch batch = buffer.newBatch(50_000);
        buffer.sample(new Rng(4), batch);
        int[] counts = new int[5];
        for (int i : batch.indices()) {
            counts[i]++;
        }
        for (int c : counts) {
            assertEquals(10_000, c, 400);
        }
        int[] first = batch.indices().clone();
        buffer.sample(new Rng(4), batch);
        assertArrayEquals(first, batch.indices());
    }

    @Test
    void writtenContentRestoresIntoABufferOfTheSameShape() throws IOException {
        ReplayBuffer buffer = new ReplayBuffer(5, 2, 1);
        for (int t = 0; t < 7; t++) {
            addTransition(buffer, t, t == 5, t == 6);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        buffer.writeTo(new DataOutputStream(bytes));
        ReplayBuffer restored = new ReplayBuffer(5, 2, 1);
        restored.readFrom(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
        assertEquals(5, restored.size());
        ReplayBuffer.Batch a = buffer.newBatch(40);
        ReplayBuffer.Batch b = restored.newBatch(40);
        buffer.sample(new Rng(5), a);
        restored.sample(new Rng(5), b);
        assertArrayEquals(a.observations(), b.observations());
        assertArrayEquals(a.nextObservations(), b.nextObservations());
        assertArrayEquals(a.rewards(), b.rewards());
        assertArrayEquals(a.terminated(), b.terminated());
        assertArrayEquals(a.truncated(), b.truncated());
        // the ring continues where it was: the next add replaces the oldest (t = 2)
        addTransition(buffer, 7, false, false);
        addTransition(restored, 7, false, false);
        buffer.sample(new Rng(6), a);
        restored.sample(new Rng(6), b);
        assertArrayEquals(a.rewards(), b.rewards());

        IOException e = assertThrows(IOException.class, () -> new ReplayBuffer(6, 2, 1)
                .readFrom(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray()))));
        assertTrue(e.getMessage().contains("capacity 5"), e.getMessage());
    }

    @Test
    void badInputIsRefusedWithTheReason() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new ReplayBuffer(0, 2, 1));
        assertTrue(e.getMessage().contains("capacity=0"), e.getMessage());
        ReplayBuffer buffer = new ReplayBuffer(4, 2, 1);
        IllegalStateException empty = assertThrows(IllegalStateException.class,
                () -> buffer.sample(new Rng(1), buffer.newBatch(2)));
        assertTrue(empty.getMessage().contains("empty"), empty.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> buffer.add(1, new float[] {1, 2}, new float[] {0},
                new float[] {Float.NaN}, new float[] {1, 2}, new boolean[1], new boolean[1]));
        assertTrue(e.getMessage().startsWith("reward value NaN"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> buffer.add(2, new float[] {1, 2}, new float[] {0},
                new float[] {0}, new float[] {1, 2}, new boolean[1], new boolean[1]));
        assertTrue(e.getMessage().contains("need 4 observations floats"), e.getMessage());
        assertEquals(0, buffer.size());
        assertThrows(IllegalArgumentException.class, () -> buffer.sample(new Rng(1), new ReplayBuffer.Batch(2, 3, 1)));
        // Pendulum-v1 with SB3's default capacity, as the class documents
        assertEquals(34_000_000L, ReplayBuffer.bytes(1_000_000, 3, 1));
    }
}

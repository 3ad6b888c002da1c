package io.github.jrl.core.checkpoint;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.jrl.core.env.Environment;
import io.github.jrl.core.env.RandomWalk;
import io.github.jrl.core.env.Step;
import io.github.jrl.core.random.Rng;
import io.github.jrl.core.vector.SyncVectorEnv;
import io.github.jrl.core.vector.ThreadedVectorEnv;
import io.github.jrl.core.vector.VecNormalize;
import io.github.jrl.core.vector.VectorEnv;
import io.github.jrl.core.wrappers.NormalizeObservation;
import io.github.jrl.core.wrappers.NormalizeReward;
import io.github.jrl.core.wrappers.RecordEpisodeStatistics;
import io.github.jrl.core.wrappers.TimeLimit;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * A saved environment state restored into a freshly built twin makes the twin continue exactly as
 * the original: same observations, rewards, flags and episode statistics, across resets.
 */
class StatefulTest {

    /** Every stateful wrapper around a random walk, with a short time limit so episodes get truncated. */
    private static Environment<float[], Integer> wrappedWalk() {
        return new RecordEpisodeStatistics<>(new NormalizeReward<>(new NormalizeObservation<>(
                new TimeLimit<>(new RandomWalk(), 5))));
    }

    private static byte[] save(Stateful stateful) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        stateful.writeState(out);
        out.flush();
        return bytes.toByteArray();
    }

    private static Stateful.Restore read(Stateful stateful, byte[] state) throws IOException {
        ByteArrayInputStream bytes = new ByteArrayInputStream(state);
        Stateful.Restore restore = stateful.readState(new DataInputStream(bytes));
        assertEquals(0, bytes.available(), "the state was read to its end");
        return restore;
    }

    /** Steps with actions from {@code rng} and records everything the env returns. */
    private static List<String> trace(Environment<float[], Integer> env, Rng rng, int steps) {
        List<String> trace = new ArrayList<>();
        for (int t = 0; t < steps; t++) {
            Step<float[]> step = env.step(rng.nextInt(2));
            trace.add(step.toString());
            if (step.done()) {
                trace.add(Arrays.toString(env.reset().observation()));
            }
        }
        return trace;
    }

    @Test
    void aRestoredWrappedEnvContinuesExactly() throws IOException {
        Environment<float[], Integer> original = wrappedWalk();
        original.reset(3);
        Rng rng = new Rng(1);
        trace(original, rng, 23);
        byte[] state = save((Stateful) original);
        Rng twinRng = Rng.fromState(rng.state());

        Environment<float[], Integer> twin = wrappedWalk();
        read((Stateful) twin, state).apply();
        assertEquals(trace(original, rng, 60), trace(twin, twinRng, 60));
    }

    @Test
    void aRestoredVectorEnvContinuesExactly() throws IOException {
        for (Supplier<VectorEnv> factory : List.<Supplier<VectorEnv>>of(
                () -> new SyncVectorEnv<>(StatefulTest::wrappedWalk, 4),
                () -> new ThreadedVectorEnv<>(StatefulTest::wrappedWalk, 4, 2),
                () -> new VecNormalize(new SyncVectorEnv<>(StatefulTest::wrappedWalk, 4), true, true, 0.9))) {
            try (VectorEnv original = factory.get(); VectorEnv twin = factory.get()) {
                original.reset(5);
                Rng rng = new Rng(2);
                trace(original, rng, 17);
                byte[] state = save((Stateful) original);
                Rng twinRng = Rng.fromState(rng.state());
                read((Stateful) twin, state).apply();
                assertArrayEquals(original.observations(), twin.observations());
                assertEquals(trace(original, rng, 40), trace(twin, twinRng, 40));
            }
        }
    }

    private static List<String> trace(VectorEnv env, Rng rng, int steps) {
        List<String> trace = new ArrayList<>();
        float[] actions = new float[env.numEnvs()];
        for (int t = 0; t < steps; t++) {
            for (int i = 0; i < actions.length; i++) {
                actions[i] = rng.nextInt(2);
            }
            env.step(actions);
            trace.add(Arrays.toString(env.observations()) + Arrays.toString(env.rewards())
                    + Arrays.toString(env.terminated()) + Arrays.toString(env.truncated()));
            for (int i = 0; i < env.numEnvs(); i++) {
                if (env.finalInfo(i) != null) {
                    trace.add(i + ": " + env.finalInfo(i));
                }
            }
        }
        return trace;
    }

    @Test
    void readingDoesNotChangeTheTargetUntilApplied() throws IOException {
        Environment<float[], Integer> original = wrappedWalk();
        original.reset(3);
        trace(original, new Rng(1), 7);
        Environment<float[], Integer> twin = wrappedWalk();
        twin.reset(99);
        byte[] before = save((Stateful) twin);
        Stateful.Restore restore = read((Stateful) twin, save((Stateful) original));
        assertArrayEquals(before, save((Stateful) twin));
        restore.apply();
        assertArrayEquals(save((Stateful) original), save((Stateful) twin));
    }

    @Test
    void anEndedEpisodeStaysEndedAndAnUnseededEnvStaysUnseeded() throws IOException {
        RandomWalk walk = new RandomWalk();
        walk.reset(0);
        while (!walk.step(1).terminated()) {
            // walk right until the edge
        }
        RandomWalk twin = new RandomWalk();
        read(twin, save(walk)).apply();
        assertThrows(IllegalStateException.class, () -> twin.step(1));

        RandomWalk seeded = new RandomWalk();
        seeded.reset(1);
        read(seeded, save(new RandomWalk())).apply();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> seeded.reset());
        assertTrue(e.getMessage().contains("never seeded"), e.getMessage());
    }

    @Test
    void aStateOfAnotherShapeIsRefusedNamingTheDifference() throws IOException {
        VectorEnv four = new SyncVectorEnv<>(StatefulTest::wrappedWalk, 4);
        four.reset(0);
        byte[] state = save((Stateful) four);
        IOException copies = assertThrows(IOException.class,
                () -> read((Stateful) new SyncVectorEnv<>(StatefulTest::wrappedWalk, 3), state));
        assertTrue(copies.getMessage().contains("4 copies"), copies.getMessage());
        IOException wrappers = assertThrows(IOException.class,
                () -> read((Stateful) new SyncVectorEnv<>(() -> new TimeLimit<>(new RandomWalk(), 5), 4), state));
        assertTrue(wrappers.getMessage().contains("RecordEpisodeStatistics"), wrappers.getMessage());
        IOException limit = assertThrows(IOException.class, () -> {
            TimeLimit<float[], Integer> longer = new TimeLimit<>(new RandomWalk(), 50);
            longer.reset(0);
            for (int action : new int[] {1, 0, 1}) {
                longer.step(action); // never reaches |position| = 4 from a start in [-2, 2]
            }
            read(new TimeLimit<>(new RandomWalk(), 2), save(longer));
        });
        assertTrue(limit.getMessage().contains("outside [0, 2]"), limit.getMessage());
    }
}

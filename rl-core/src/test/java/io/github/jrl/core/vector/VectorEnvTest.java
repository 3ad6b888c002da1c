package io.github.jrl.core.vector;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.jrl.core.env.Environment;
import io.github.jrl.core.env.RandomWalk;
import io.github.jrl.core.random.Rng;
import io.github.jrl.core.wrappers.EpisodeStatistics;
import io.github.jrl.core.wrappers.RecordEpisodeStatistics;
import io.github.jrl.core.wrappers.TimeLimit;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class VectorEnvTest {

    private static final Supplier<Environment<float[], Integer>> WALK =
            () -> new RecordEpisodeStatistics<>(new TimeLimit<>(new RandomWalk(), 5));

    /** Everything a run observes, step by step, for comparing implementations. */
    private static List<Object> trace(VectorEnv env, long seed, int steps) {
        List<Object> trace = new ArrayList<>();
        env.reset(seed);
        trace.add(env.observations().clone());
        Rng rng = new Rng(seed + 1000);
        float[] actions = new float[env.numEnvs()];
        for (int t = 0; t < steps; t++) {
            for (int i = 0; i < actions.length; i++) {
                actions[i] = rng.nextInt(2);
            }
            env.step(actions);
            trace.add(env.observations().clone());
            trace.add(env.rewards().clone());
            trace.add(env.terminated().clone());
            trace.add(env.truncated().clone());
            for (int i = 0; i < env.numEnvs(); i++) {
                if (env.terminated()[i] || env.truncated()[i]) {
                    trace.add(env.finalObservations()[i]);
                    trace.add(env.finalInfo(i).get(RecordEpisodeStatistics.INFO_KEY));
                }
            }
        }
        return trace;
    }

    private static void assertSameTrace(List<Object> expected, List<Object> actual) {
        assertEquals(expected.size(), actual.size());
        for (int k = 0; k < expected.size(); k++) {
            Object e = expected.get(k);
            Object a = actual.get(k);
            if (e instanceof float[] f) {
                assertArrayEquals(f, (float[]) a);
            } else if (e instanceof double[] d) {
                assertArrayEquals(d, (double[]) a);
            } else if (e instanceof boolean[] b) {
                assertArrayEquals(b, (boolean[]) a);
            } else {
                assertEquals(e, a);
            }
        }
    }

    @Test
    void threadedEqualsSyncWhateverTheThreadCount() {
        List<Object> sync;
        try (VectorEnv env = new SyncVectorEnv<>(WALK, 7)) {
            sync = trace(env, 3, 60);
        }
        for (int threads = 1; threads <= 7; threads += 2) {
            try (VectorEnv env = new ThreadedVectorEnv<>(WALK, 7, threads)) {
                assertSameTrace(sync, trace(env, 3, 60));
            }
        }
    }

    @Test
    void copiesAreSeededIndependentlyOfTheirCount() {
        try (VectorEnv two = new SyncVectorEnv<>(WALK, 2); VectorEnv five = new SyncVectorEnv<>(WALK, 5)) {
            two.reset(11);
            five.reset(11);
            assertEquals(two.observations()[0], five.observations()[0]);
            assertEquals(two.observations()[1], five.observations()[1]);
        }
    }

    @Test
    void aShardSeedsItsCopiesAsTheWholeVectorEnvDoes() {
        try (VectorEnv whole = new SyncVectorEnv<>(WALK, 5); VectorEnv shard = new SyncVectorEnv<>(WALK, 2, 3)) {
            whole.reset(11);
            shard.reset(11);
            assertEquals(whole.observations()[3], shard.observations()[0]);
            assertEquals(whole.observations()[4], shard.observations()[1]);
        }
        assertThrows(IllegalArgumentException.class, () -> new SyncVectorEnv<>(WALK, 2, -1));
    }

    @Test
    void autoresetKeepsTheFinalObservationAndInfo() {
        try (VectorEnv env = new SyncVectorEnv<>(WALK, 1)) {
            env.reset(0);
            float start = env.observations()[0];
            // always move right: the walk terminates at +4 or is truncated after 5 steps
            float position = start;
            for (int t = 1; t <= 5; t++) {
                env.step(new float[] {1});
                position++;
                if (env.terminated()[0] || env.truncated()[0]) {
                    assertEquals(position, env.finalObservations()[0]);
                    assertEquals(position == 4, env.terminated()[0]);
                    EpisodeStatistics stats = (EpisodeStatistics) env.finalInfo(0).get(RecordEpisodeStatistics.INFO_KEY);
                    assertEquals(t, stats.length());
                    double expectedReturn = 0;
                    for (int k = 1; k <= t; k++) {
                        expectedReturn += start + k;
                    }
                    assertEquals(expectedReturn, stats.episodeReturn());
                    assertTrue(Math.abs(env.observations()[0]) <= 2, "observation after autoreset is a fresh start");
                    return;
                }
                assertNull(env.finalInfo(0));
                assertEquals(position, env.observations()[0]);
            }
            throw new AssertionError("the episode should have ended within 5 steps");
        }
    }

    @Test
    void badUseRaises() {
        try (VectorEnv env = new SyncVectorEnv<>(WALK, 3)) {
            assertThrows(IllegalStateException.class, () -> env.step(new float[3]));
            env.reset(0);
            assertThrows(IllegalArgumentException.class, () -> env.step(new float[2]));
            assertThrows(IllegalArgumentException.class, () -> env.step(new float[] {0, 0.5f, 1}));
            assertThrows(io.github.jrl.core.env.InvalidActionException.class, () -> env.step(new float[] {0, 2, 1}));
        }
        assertThrows(IllegalArgumentException.class, () -> new ThreadedVectorEnv<>(WALK, 2, 3));
    }

    @Test
    void anExceptionInAWorkerThreadReachesTheCaller() {
        int[] created = {0};
        Supplier<Environment<float[], Integer>> factory = () -> {
            boolean explode = created[0]++ == 5;
            return new io.github.jrl.core.env.Wrapper<float[], Integer>(new RandomWalk()) {
                @Override
                public io.github.jrl.core.env.Step<float[]> step(Integer action) {
                    if (explode) {
                        throw new IllegalStateException("copy 5 failed");
                    }
                    return super.step(action);
                }
            };
        };
        try (VectorEnv env = new ThreadedVectorEnv<>(factory, 6, 2)) {
            env.reset(0);
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> env.step(new float[6]));
            assertEquals("copy 5 failed", e.getMessage());
        }
    }

    @Test
    void vectorRewardsAreFlattenedPerCopy() {
        try (VectorEnv env = new SyncVectorEnv<>(() -> new RandomWalk(2), 2)) {
            assertEquals(2, env.rewardDim());
            env.reset(0);
            float[] before = env.observations().clone();
            env.step(new float[] {1, 0});
            assertArrayEquals(new double[] {before[0] + 1, -1, before[1] - 1, -1}, env.rewards());
        }
    }
}

package io.github.jrl.core.wrappers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.jrl.core.env.AbstractEnvironment;
import io.github.jrl.core.env.Environment;
import io.github.jrl.core.env.InvalidActionException;
import io.github.jrl.core.env.RandomWalk;
import io.github.jrl.core.env.Reset;
import io.github.jrl.core.env.Step;
import io.github.jrl.core.random.Rng;
import io.github.jrl.core.space.Box;
import io.github.jrl.core.space.Discrete;
import java.io.DataOutputStream;
import java.io.OutputStream;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WrappersTest {

    /** Echoes the action it received as observation; reward = action[0]; Box action in [-2, 2]. */
    static final class Echo extends AbstractEnvironment<float[], float[]> {
        private final Box actions = Box.uniform(-2f, 2f, 1);

        Echo() {
            super("Echo");
        }

        @Override
        public Box observationSpace() {
            return Box.uniform(-10f, 10f, 1);
        }

        @Override
        public Box actionSpace() {
            return actions;
        }

        @Override
        protected void checkAction(float[] action) {
            checkContinuousAction(action, 1);
        }

        @Override
        protected Reset<float[]> resetEpisode(Rng rng, Map<String, ?> options) {
            return Reset.of(new float[] {0f});
        }

        @Override
        protected Step<float[]> applyAction(float[] action) {
            return Step.of(action.clone(), action[0], false);
        }
    }

    /** Observation i on the i-th step (0 after reset), Discrete(5). */
    static final class Counter extends AbstractEnvironment<Integer, Integer> {
        private int t;

        Counter() {
            super("Counter");
        }

        @Override
        public Discrete observationSpace() {
            return new Discrete(5);
        }

        @Override
        public Discrete actionSpace() {
            return new Discrete(1);
        }

        @Override
        protected Reset<Integer> resetEpisode(Rng rng, Map<String, ?> options) {
            t = 0;
            return Reset.of(0);
        }

        @Override
        protected Step<Integer> applyAction(Integer action) {
            t++;
            return Step.of(t, 1.0, t == 4);
        }
    }

    @Test
    void anEnvWithoutSimulatorStateRefusesToSaveItsState() {
        TimeLimit<Integer, Integer> env = new TimeLimit<>(new Counter(), 3);
        env.reset(0);
        UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class,
                () -> env.writeState(new DataOutputStream(OutputStream.nullOutputStream())));
        assertTrue(e.getMessage().startsWith("Counter (") && e.getMessage().contains("SimulatorState"), e.getMessage());
    }

    @Test
    void timeLimitTruncatesAndRefusesFurtherSteps() {
        TimeLimit<Integer, Integer> env = new TimeLimit<>(new Counter(), 3);
        env.reset(0);
        assertFalse(env.step(0).truncated());
        assertFalse(env.step(0).truncated());
        Step<Integer> last = env.step(0);
        assertTrue(last.truncated());
        assertFalse(last.terminated());
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> env.step(0));
        assertTrue(e.getMessage().contains("truncated"), e.getMessage());
        env.reset();
        assertEquals(0, env.elapsedSteps());
        assertEquals(1, env.step(0).observation());
    }

    @Test
    void timeLimitCanTruncateAndTerminateTogether() {
        TimeLimit<Integer, Integer> env = new TimeLimit<>(new Counter(), 4);
        env.reset(0);
        env.step(0);
        env.step(0);
        env.step(0);
        Step<Integer> last = env.step(0);
        assertTrue(last.terminated());
        assertTrue(last.truncated());
    }

    @Test
    void envCheckerRejectsOutOfBoundsContinuousActionsThatTheEnvWouldAccept() {
        Echo raw = new Echo();
        raw.reset(0);
        assertEquals(3f, raw.step(new float[] {3f}).observation()[0]);
        EnvChecker<float[], float[]> checked = new EnvChecker<>(new Echo());
        checked.reset(0);
        InvalidActionException e = assertThrows(InvalidActionException.class, () -> checked.step(new float[] {3f}));
        assertTrue(e.getMessage().startsWith("Echo got action [3.0], which is outside its action space Box("), e.getMessage());
        assertThrows(InvalidActionException.class, () -> raw.step(new float[] {Float.NaN}));
    }

    @Test
    void clipActionClipsButRejectsNaN() {
        ClipAction<float[]> env = new ClipAction<>(new Echo());
        env.reset(0);
        assertEquals(2f, env.step(new float[] {7f}).observation()[0]);
        assertEquals(-2f, env.step(new float[] {-7f}).observation()[0]);
        assertEquals(0.5f, env.step(new float[] {0.5f}).observation()[0]);
        assertThrows(InvalidActionException.class, () -> env.step(new float[] {Float.NaN}));
    }

    @Test
    void rescaleActionMapsAffinely() {
        RescaleAction<float[]> env = new RescaleAction<>(new Echo(), -1f, 1f);
        env.reset(0);
        assertEquals(-2f, env.step(new float[] {-1f}).observation()[0]);
        assertEquals(1f, env.step(new float[] {0.5f}).observation()[0]);
        assertEquals(2f, env.step(new float[] {1f}).observation()[0]);
        assertThrows(InvalidActionException.class, () -> env.step(new float[] {1.5f}));
    }

    @Test
    void episodeStatisticsRecordReturnAndLength() {
        RecordEpisodeStatistics<Integer, Integer> env = new RecordEpisodeStatistics<>(new Counter());
        env.reset(0);
        for (int t = 0; t < 3; t++) {
            assertFalse(env.step(0).info().containsKey(RecordEpisodeStatistics.INFO_KEY));
        }
        EpisodeStatistics stats = (EpisodeStatistics) env.step(0).info().get(RecordEpisodeStatistics.INFO_KEY);
        assertEquals(new EpisodeStatistics(new double[] {4}, 4), stats);
        env.reset();
        env.step(0);
        env.step(0);
        env.step(0);
        assertEquals(4, ((EpisodeStatistics) env.step(0).info().get("episode")).length());
    }

    @Test
    void normalizeObservationMatchesHandComputedStatistics() {
        NormalizeObservation<float[]> env = new NormalizeObservation<>(new Echo());
        env.reset(0); // observation 0 enters the statistics
        float[] normalized = env.step(new float[] {2f}).observation();
        // after samples {0, 2} with prior count 1e-4 (mean 0, var 1):
        double c = 1e-4;
        double mean1 = 0;                         // merging 0 keeps the mean at 0
        double var1 = (1 * c) / (c + 1);           // m2 = var*c + 0 + 0
        double n1 = c + 1;
        double delta = 2 - mean1;
        double mean2 = mean1 + delta / (n1 + 1);
        double var2 = (var1 * n1 + delta * delta * n1 / (n1 + 1)) / (n1 + 1);
        assertEquals((float) ((2 - mean2) / Math.sqrt(var2 + 1e-8)), normalized[0], 1e-6);
        env.setUpdating(false);
        double countBefore = env.statistics().count();
        env.step(new float[] {1f});
        assertEquals(countBefore, env.statistics().count());
    }

    @Test
    void normalizeRewardDividesByTheStdOfTheDiscountedReturn() {
        NormalizeReward<float[], float[]> env = new NormalizeReward<>(new Echo(), 0.5, 1e-8);
        env.reset(0);
        double r1 = env.step(new float[] {1f}).reward();
        // G1 = 1; statistics after merging 1 into (mean 0, var 1, count 1e-4)
        double c = 1e-4;
        double total = c + 1;
        double var = (c + 1.0 * c / total) / total;
        assertEquals(1 / Math.sqrt(var + 1e-8), r1, 1e-9);
        assertThrows(IllegalArgumentException.class, () -> new NormalizeReward<>(new RandomWalk(2)));
    }

    @Test
    void linearScalarizationKeepsTheVector() {
        LinearScalarization<float[], Integer> env = new LinearScalarization<>(new RandomWalk(2), 0.25, 2.0);
        assertEquals(1, env.rewardDim());
        env.reset(0);
        Step<float[]> step = env.step(1);
        double position = step.observation()[0];
        assertEquals(0.25 * position - 2.0, step.reward(), 1e-12);
        assertArrayEquals(new double[] {position, -1}, (double[]) step.info().get(LinearScalarization.VECTOR_REWARD_KEY));
        assertThrows(IllegalArgumentException.class, () -> new LinearScalarization<>(new RandomWalk(2), 1.0));
    }

    @Test
    void oneHotObservation() {
        Environment<float[], Integer> env = new OneHotObservation<>(new Counter());
        assertArrayEquals(new float[] {1, 0, 0, 0, 0}, env.reset(0).observation());
        assertArrayEquals(new float[] {0, 1, 0, 0, 0}, env.step(0).observation());
        assertEquals(5, env.observationSpace().flatSize());
    }
}

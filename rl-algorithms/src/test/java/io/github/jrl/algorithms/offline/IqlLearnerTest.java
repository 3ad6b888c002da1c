package io.github.jrl.algorithms.offline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.jrl.core.dataset.OfflineDataset;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Seeded IQL runs on the one-step tasks: it picks the good actions out of a mostly random dataset. */
class IqlLearnerTest {

    private static IqlConfig config(long seed) {
        return IqlConfig.builder().batchSize(64).hiddenSizes(32, 32).learningRate(1e-3).seed(seed).build();
    }

    @Test
    void continuousIqlExtractsTheGoodActions() {
        OfflineDataset data = OneStepTasks.continuous(2000, 0.3, 1);
        IqlLearner iql = new IqlLearner(config(0), data, OneStepTasks.BOX);
        double before = OneStepTasks.continuousScore(iql.policy());
        Map<String, Double> metrics = OneStepTasks.train(iql, data, 1500, 2);
        double after = OneStepTasks.continuousScore(iql.policy());
        // the untrained policy scores about -2, the best action 2s scores 0
        assertTrue(before < -1.5, "untrained mean reward " + before);
        assertTrue(after > -0.05, "mean reward " + after);
        assertTrue(metrics.get("losses/q_loss") < 0.05, "critic loss " + metrics);
        assertEquals(1500, iql.updates());
    }

    @Test
    void discreteIqlExtractsTheGoodActions() {
        OfflineDataset data = OneStepTasks.discrete(2000, 0.3, 1);
        IqlLearner iql = new IqlLearner(config(0), data, OneStepTasks.THREE);
        OneStepTasks.train(iql, data, 1000, 2);
        double accuracy = OneStepTasks.discreteScore(iql.policy());
        assertTrue(accuracy > 0.95, "accuracy " + accuracy);
    }

    @Test
    void sameSeedSameRunAndStateRoundTrips() throws IOException {
        OfflineDataset data = OneStepTasks.continuous(500, 0.3, 1);
        IqlLearner a = new IqlLearner(config(3), data, OneStepTasks.BOX);
        IqlLearner b = new IqlLearner(config(3), data, OneStepTasks.BOX);
        OneStepTasks.train(a, data, 50, 4);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        a.writeState(new DataOutputStream(bytes));
        b.readState(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray()))).apply();
        Map<String, Double> next = OneStepTasks.train(a, data, 20, 5);
        Map<String, Double> resumed = OneStepTasks.train(b, data, 20, 5);
        assertEquals(next, resumed);
        float[] s = {0.3f};
        assertEquals(((float[]) a.policy().actDeterministic(s))[0], ((float[]) b.policy().actDeterministic(s))[0], 0);
    }

    /** The twin critics on two threads: the same metrics and a bit-identical state, box and discrete. */
    @Test
    void twoCriticThreadsGiveTheSameRun() throws IOException {
        OfflineDataset box = OneStepTasks.continuous(500, 0.3, 1);
        OfflineDataset discrete = OneStepTasks.discrete(500, 0.3, 1);
        for (OfflineDataset data : new OfflineDataset[] {box, discrete}) {
            var space = data == box ? OneStepTasks.BOX : OneStepTasks.THREE;
            IqlLearner one = new IqlLearner(config(4), data, space, 1);
            IqlLearner two = new IqlLearner(config(4), data, space, 2);
            assertEquals(OneStepTasks.train(one, data, 20, 6), OneStepTasks.train(two, data, 20, 6));
            assertArrayEquals(OneStepTasks.stateBytes(one), OneStepTasks.stateBytes(two));
        }
    }

    @Test
    void aMismatchedActionSpaceIsRefused() {
        OfflineDataset data = OneStepTasks.continuous(10, 0.3, 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new IqlLearner(config(0), data, OneStepTasks.THREE));
        assertTrue(e.getMessage().contains("a box of 1 dimensions"), e.getMessage());
    }

    @Test
    void configRejectsAnExpectileOutsideTheUnitInterval() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> IqlConfig.builder().expectile(1.0).build());
        assertEquals("expectile must be in (0, 1), got 1.0", e.getMessage());
    }

    @Test
    void actorRateFollowsTheCosineSchedule() {
        IqlConfig c = IqlConfig.builder().actorLrDecaySteps(100).build();
        assertEquals(3e-4, c.actorLearningRate(0), 1e-15);
        assertEquals(1.5e-4, c.actorLearningRate(50), 1e-15);
        assertEquals(0, c.actorLearningRate(100), 1e-15);
        assertEquals(0, c.actorLearningRate(200), 1e-15);
    }
}

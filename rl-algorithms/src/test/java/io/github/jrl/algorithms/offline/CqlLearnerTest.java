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

/** Seeded CQL runs on the one-step continuous task. */
class CqlLearnerTest {

    private static CqlConfig.Builder config(long seed) {
        return CqlConfig.builder().batchSize(64).hiddenSizes(32, 32).policyLr(1e-3).qfLr(1e-3).numSampledActions(4)
                .cqlAlpha(1.0).seed(seed);
    }

    @Test
    void cqlFindsTheGoodActionsAndKeepsOutOfDistributionValuesLow() {
        OfflineDataset data = OneStepTasks.continuous(2000, 0.3, 1);
        CqlLearner cql = new CqlLearner(config(0).build(), data, OneStepTasks.BOX);
        double before = OneStepTasks.continuousScore(cql.policy());
        Map<String, Double> metrics = OneStepTasks.train(cql, data, 1500, 2);
        double after = OneStepTasks.continuousScore(cql.policy());
        assertTrue(before < -1.0, "untrained mean reward " + before);
        assertTrue(after > -0.05, "mean reward " + after);
        // the conservative gap is the log-sum-exp over sampled actions minus the data action's value
        assertTrue(metrics.get("losses/cql_qf1_diff") > 0, "gap " + metrics);
        assertEquals(1500, cql.updates());
    }

    @Test
    void lagrangeMultiplierMovesTheGapTowardItsTarget() {
        OfflineDataset data = OneStepTasks.continuous(2000, 0.3, 1);
        CqlLearner cql = new CqlLearner(config(0).lagrange(0.5).build(), data, OneStepTasks.BOX);
        Map<String, Double> early = OneStepTasks.train(cql, data, 20, 2);
        Map<String, Double> late = OneStepTasks.train(cql, data, 600, 3);
        double gap = 0.5 * (late.get("losses/cql_qf1_diff") + late.get("losses/cql_qf2_diff"));
        assertTrue(early.containsKey("losses/alpha_prime"), "metrics " + early);
        assertTrue(Math.abs(gap - 0.5) < Math.abs(0.5 * (early.get("losses/cql_qf1_diff")
                + early.get("losses/cql_qf2_diff")) - 0.5), "gap " + early + " -> " + late);
    }

    @Test
    void sameSeedSameRunAndStateRoundTrips() throws IOException {
        OfflineDataset data = OneStepTasks.continuous(500, 0.3, 1);
        CqlLearner a = new CqlLearner(config(3).lagrange(1).build(), data, OneStepTasks.BOX);
        CqlLearner b = new CqlLearner(config(3).lagrange(1).build(), data, OneStepTasks.BOX);
        OneStepTasks.train(a, data, 30, 4);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        a.writeState(new DataOutputStream(bytes));
        b.readState(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray()))).apply();
        assertEquals(OneStepTasks.train(a, data, 10, 5), OneStepTasks.train(b, data, 10, 5));
    }

    /** The twin critics on two threads: the same metrics and a bit-identical state (parameters, moments, generators). */
    @Test
    void twoCriticThreadsGiveTheSameRun() throws IOException {
        OfflineDataset data = OneStepTasks.continuous(500, 0.3, 1);
        CqlLearner one = new CqlLearner(config(5).lagrange(1).build(), data, OneStepTasks.BOX, 1);
        CqlLearner two = new CqlLearner(config(5).lagrange(1).build(), data, OneStepTasks.BOX, 2);
        assertEquals(OneStepTasks.train(one, data, 20, 6), OneStepTasks.train(two, data, 20, 6));
        assertArrayEquals(OneStepTasks.stateBytes(one), OneStepTasks.stateBytes(two));
    }

    @Test
    void aDiscreteDatasetIsRefused() {
        OfflineDataset data = OneStepTasks.discrete(10, 0.3, 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new CqlLearner(config(0).build(), data, OneStepTasks.BOX));
        assertTrue(e.getMessage().contains("3 discrete actions"), e.getMessage());
    }

    @Test
    void configRejectsAnInvertedClipRange() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CqlConfig.builder().clipDiff(1, -1).build());
        assertEquals("need clipDiffMin < clipDiffMax (infinite for no clamp), got 1.0 and -1.0", e.getMessage());
    }
}

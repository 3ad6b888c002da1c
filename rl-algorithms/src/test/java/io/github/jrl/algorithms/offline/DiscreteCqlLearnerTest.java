package io.github.jrl.algorithms.offline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.jrl.core.dataset.OfflineDataset;
import io.github.jrl.core.space.Discrete;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Seeded discrete CQL runs on the one-step discrete task. */
class DiscreteCqlLearnerTest {

    private static DiscreteCqlConfig config() {
        return DiscreteCqlConfig.defaults(0).withBatchSize(64).withHiddenSizes(32, 32).withLearningRate(1e-3)
                .withTargetUpdateInterval(100);
    }

    @Test
    void discreteCqlPicksTheGoodActionsOutOfAMostlyRandomDataset() {
        OfflineDataset data = OneStepTasks.discrete(2000, 0.3, 1);
        DiscreteCqlLearner cql = new DiscreteCqlLearner(config(), data, OneStepTasks.THREE);
        Map<String, Double> metrics = OneStepTasks.train(cql, data, 1000, 2);
        double accuracy = OneStepTasks.discreteScore(cql.policy());
        assertTrue(accuracy > 0.95, "accuracy " + accuracy);
        // a log-sum-exp over the actions exceeds any one action's value
        assertTrue(metrics.get("losses/conservative_loss") > 0, "gap " + metrics);
    }

    @Test
    void aDatasetWithAnotherActionCountIsRefused() {
        OfflineDataset data = OneStepTasks.discrete(10, 0.3, 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new DiscreteCqlLearner(config(), data, new Discrete(2)));
        assertEquals("discrete CQL needs a dataset of 2 discrete actions; dataset test/one-step-v0 has 3 discrete "
                + "actions", e.getMessage());
    }
}

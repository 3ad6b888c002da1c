package io.github.jrl.algorithms.offline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.jrl.core.dataset.OfflineDataset;
import java.util.List;
import org.junit.jupiter.api.Test;

class OfflineAlgorithmsTest {

    @Test
    void registersEveryAlgorithmWithTheActionSpacesItServes() {
        assertEquals(List.of("bc", "td3bc", "prdc", "iql", "cql"),
                OfflineAlgorithms.all().stream().map(OfflineAlgorithms.Algorithm::name).toList());
        for (String continuousOnly : List.of("td3bc", "prdc")) {
            assertTrue(OfflineAlgorithms.get(continuousOnly).supports(false), continuousOnly);
            assertFalse(OfflineAlgorithms.get(continuousOnly).supports(true), continuousOnly);
        }
        for (String both : List.of("bc", "iql", "cql")) {
            assertTrue(OfflineAlgorithms.get(both).supports(false), both);
            assertTrue(OfflineAlgorithms.get(both).supports(true), both);
        }
    }

    @Test
    void unknownNameListsTheRegisteredOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> OfflineAlgorithms.get("awac"));
        assertTrue(e.getMessage().contains("'awac'") && e.getMessage().contains("[bc, td3bc, prdc, iql, cql]"),
                e.getMessage());
    }

    /** The benchmark's discrete CQL: target copy every 1000 updates, alpha 0.1 (docs/offline.md). */
    @Test
    void discreteCqlRunsAtTheBenchmarksWeightAndTargetInterval() {
        OfflineDataset data = OneStepTasks.discrete(10, 0.3, 1);
        OfflineLearner learner = OfflineAlgorithms.get("cql").factory().create(data, OneStepTasks.THREE, 7);
        DiscreteCqlConfig config = assertInstanceOf(DiscreteCqlLearner.class, learner).config();
        assertEquals(DiscreteCqlConfig.defaults(7).withTargetUpdateInterval(1000).withAlpha(0.1), config);
    }

    @Test
    void continuousCqlRunsTheReducedCriticSampling() {
        OfflineDataset data = OneStepTasks.continuous(10, 0.3, 1);
        OfflineLearner learner = OfflineAlgorithms.get("cql").factory().create(data, OneStepTasks.BOX, 7);
        CqlConfig config = assertInstanceOf(CqlLearner.class, learner).config();
        assertEquals(CqlConfig.builder().hiddenSizes(256, 256).numSampledActions(4).seed(7).build(), config);
        assertEquals(10.0, config.cqlAlpha(), "CORL's weight where no environment preset applies");
    }

    /** MountainCarContinuous-v0's small action cost takes weight 1 (docs/offline.md). */
    @Test
    void continuousCqlTakesTheEnvironmentsWeightFromTheDatasetsEnvId() {
        OfflineDataset data = OneStepTasks.continuous(10, 0.3, 1, "MountainCarContinuous-v0");
        OfflineLearner learner = OfflineAlgorithms.get("cql").factory().create(data, OneStepTasks.BOX, 7);
        CqlConfig config = assertInstanceOf(CqlLearner.class, learner).config();
        assertEquals(CqlConfig.builder().hiddenSizes(256, 256).numSampledActions(4).cqlAlpha(1.0).seed(7).build(),
                config);
    }
}

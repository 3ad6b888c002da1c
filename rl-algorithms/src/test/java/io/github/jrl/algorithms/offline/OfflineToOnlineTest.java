package io.github.jrl.algorithms.offline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.jrl.core.dataset.OfflineDataset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Seeded fine-tuning runs on the one-step task, from a dataset of random actions only. */
class OfflineToOnlineTest {

    private static final OfflineDataset RANDOM = OneStepTasks.continuous(300, 0.0, 1);

    private static IqlLearner offlineIql() {
        IqlLearner iql = new IqlLearner(IqlConfig.builder().batchSize(64).hiddenSizes(32, 32).learningRate(1e-3)
                .seed(0).build(), RANDOM, OneStepTasks.BOX);
        OneStepTasks.train(iql, RANDOM, 300, 2);
        return iql;
    }

    private static List<OfflineEvaluation> fineTune(FineTunable learner, int steps) {
        OfflineToOnline online = new OfflineToOnline(learner, RANDOM, new OneStepEnv(), new OneStepEnv(),
                new OfflineToOnlineConfig(steps, steps / 2, 20, 7));
        List<OfflineEvaluation> evaluations = online.learn();
        assertEquals(RANDOM.transitionCount() + steps, online.bufferSize());
        assertEquals(steps, online.episodeReturns().size());
        assertTrue(online.latestMetrics().containsKey("losses/actor_loss"), online.latestMetrics().toString());
        return evaluations;
    }

    @Test
    void iqlKeepsImprovingOnlineWithTheDatasetInItsBuffer() {
        List<OfflineEvaluation> evaluations = fineTune(offlineIql(), 1200);
        assertEquals(List.of(0L, 600L, 1200L), evaluations.stream().map(OfflineEvaluation::step).toList());
        double offline = evaluations.get(0).meanReturn();
        double online = evaluations.get(2).meanReturn();
        assertTrue(online > offline + 0.05 && online > -0.02, "offline " + offline + ", online " + online);
    }

    @Test
    void cqlFineTunesToo() {
        CqlLearner cql = new CqlLearner(CqlConfig.builder().batchSize(64).hiddenSizes(32, 32).policyLr(1e-3)
                .qfLr(1e-3).numSampledActions(4).cqlAlpha(1.0).seed(0).build(), RANDOM, OneStepTasks.BOX);
        OneStepTasks.train(cql, RANDOM, 300, 2);
        List<OfflineEvaluation> evaluations = fineTune(cql, 600);
        assertTrue(evaluations.get(2).meanReturn() > evaluations.get(0).meanReturn(), "evaluations " + evaluations);
    }

    @Test
    void sameSeedSameRun() {
        assertEquals(fineTune(offlineIql(), 100).get(2).meanReturn(), fineTune(offlineIql(), 100).get(2).meanReturn(),
                0);
    }

    @Test
    void anEnvironmentOfAnotherKindIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new OfflineToOnline(offlineIql(), OneStepTasks.discrete(10, 0, 1), new OneStepEnv(),
                        new OneStepEnv(), new OfflineToOnlineConfig(10, 5, 1, 0)));
        assertTrue(e.getMessage().contains("does not match dataset test/one-step-v0"), e.getMessage());
    }
}

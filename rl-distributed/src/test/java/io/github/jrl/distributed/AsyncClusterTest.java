package io.github.jrl.distributed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.jrl.algorithms.appo.Appo;
import io.github.jrl.algorithms.appo.AppoConfig;
import io.github.jrl.core.train.Callback;
import io.github.jrl.core.train.Trainer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Asynchronous APPO with two worker JVMs on 127.0.0.1: one is killed mid-run, the learner gives
 * it up and trains on with the other, a worker started afterwards joins and collects, every
 * batch is trained on or counted as dropped, and closing stops every worker.
 */
class AsyncClusterTest {

    private static final int BATCHES = 60;

    @Test
    @Timeout(value = 240, unit = TimeUnit.SECONDS)
    void asynchronousTrainingSurvivesAKilledWorkerAndARestartedOneJoins() throws Exception {
        AppoConfig config = AsyncAppoRuns.config();
        RolloutPlan plan = RolloutPlan.of(config, DistributedPpoRuns.ENV, Map.of(), 2);
        int port = LocalWorkerProcesses.freePort();
        try (LocalWorkerProcesses workers = new LocalWorkerProcesses(port)) {
            workers.start();
            workers.start();
            try (PekkoAsyncRollouts rollouts = PekkoAsyncRollouts.cluster(plan,
                    ClusterSettings.learner(LocalWorkerProcesses.HOST, port), 2, Duration.ofSeconds(60),
                    Duration.ofSeconds(5), 4)) {
                CompletableFuture<String> restarted = new CompletableFuture<>();
                Callback faults = new Callback() {
                    private long batches;

                    @Override
                    public boolean onUpdate(Trainer<?, ?> trainer) {
                        batches++;
                        if (batches == 10) {
                            workers.get(1).destroyForcibly();
                        } else if (batches == 20) {
                            try {
                                restarted.complete(workers.start().get(60, TimeUnit.SECONDS));
                            } catch (Exception e) {
                                restarted.completeExceptionally(e);
                            }
                        }
                        return true;
                    }
                };
                AsyncRolloutsTest.LagLog lags = new AsyncRolloutsTest.LagLog(config.maxPolicyLag());
                Appo appo = new Appo(config, DistributedPpoRuns.CART_POLE, rollouts);
                appo.learn(BATCHES * AsyncAppoRuns.rows(config, plan), List.of(faults, lags));
                assertEquals(BATCHES * AsyncAppoRuns.rows(config, plan), appo.stepsDone());
                lags.check(appo, rollouts);
                assertEquals(1, rollouts.workersGivenUp());
                String rejoined = restarted.get();
                assertTrue(rollouts.batchesByWorker().keySet().stream().anyMatch(path -> path.startsWith(rejoined)),
                        "the restarted worker " + rejoined + " collected: " + rollouts.batchesByWorker());
                assertEquals(3, rollouts.batchesByWorker().size(), "three worker JVMs collected: "
                        + rollouts.batchesByWorker());
            }
            assertTrue(workers.allExitWithin(15), "the workers exit when the learner closes");
        }
    }
}

package io.github.jrl.distributed;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.jrl.algorithms.ppo.Ppo;
import io.github.jrl.algorithms.ppo.PpoConfig;
import io.github.jrl.core.train.Callback;
import io.github.jrl.core.train.Trainer;
import io.github.jrl.envs.Envs;
import io.github.jrl.envs.classic.BusyCartPole;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A worker JVM killed in the middle of an iteration: the learner gives it up after the collect
 * timeout, collects its shard on the other worker, and trains on; a worker started afterwards
 * joins and takes a shard; every shard counts once per iteration; the shards move with their
 * copies' state, so the run still equals the single-process one bit for bit; closing stops every
 * worker.
 */
class WorkerFailureTest {

    private static final int ITERATIONS = 8;
    /** About 2 ms per step here, so a shard's rollout (64 steps) lasts long enough to be interrupted. */
    private static final Map<String, Double> BUSY = Map.of("work", 2_000_000.0);

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void trainingSurvivesAKilledWorkerAndARestartedOneRejoins() throws Exception {
        PpoConfig config = DistributedPpoRuns.config();
        int port = LocalWorkerProcesses.freePort();
        try (LocalWorkerProcesses workers = new LocalWorkerProcesses(port)) {
            workers.start();
            workers.start();
            RolloutPlan plan = RolloutPlan.of(config, BusyCartPole.ID, BUSY, 2);
            try (PekkoRollouts rollouts = PekkoRollouts.cluster(plan, ClusterSettings.learner(LocalWorkerProcesses.HOST, port),
                    2, Duration.ofSeconds(40), Duration.ofSeconds(10))) {
                CompletableFuture<String> restarted = new CompletableFuture<>();
                Callback faults = new Callback() {
                    @Override
                    public boolean onUpdate(Trainer<?, ?> trainer) {
                        long update = trainer.stepsDone() / config.rolloutSize();
                        if (update == 2) {
                            // into the next rollout, which both workers are collecting by then
                            CompletableFuture.delayedExecutor(150, TimeUnit.MILLISECONDS)
                                    .execute(() -> workers.get(1).destroyForcibly());
                        } else if (update == 4) {
                            try {
                                restarted.complete(workers.start().get(40, TimeUnit.SECONDS));
                            } catch (Exception e) {
                                restarted.completeExceptionally(e);
                            }
                        }
                        return true;
                    }
                };
                Ppo ppo = new Ppo(config, () -> Envs.make(BusyCartPole.ID, BUSY), rollouts);
                ppo.learn(ITERATIONS * config.rolloutSize(), faults);
                Ppo local = new Ppo(config, () -> Envs.make(BusyCartPole.ID, BUSY));
                local.learn(ITERATIONS * config.rolloutSize());
                assertArrayEquals(DistributedPpoRuns.parameters(local), DistributedPpoRuns.parameters(ppo));

                assertEquals(ITERATIONS * config.rolloutSize(), ppo.stepsDone());
                assertTrue(workers.get(1).waitFor(5, TimeUnit.SECONDS) && workers.get(1).exitValue() != 0,
                        "the second worker was killed");
                assertEquals(1, rollouts.workersGivenUp());
                assertEquals(2L * ITERATIONS, rollouts.shardsCounted(), "each shard counted once per iteration");
                String rejoined = restarted.get();
                assertTrue(rollouts.shardsByWorker().keySet().stream().anyMatch(path -> path.startsWith(rejoined)),
                        "the restarted worker " + rejoined + " collected: " + rollouts.shardsByWorker());
            }
            assertTrue(workers.allExitWithin(15), "the workers exit when the learner closes");
        }
    }
}

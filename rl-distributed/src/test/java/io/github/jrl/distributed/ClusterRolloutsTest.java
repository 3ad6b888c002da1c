package io.github.jrl.distributed;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.jrl.algorithms.ppo.Ppo;
import io.github.jrl.algorithms.ppo.PpoConfig;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Two worker JVMs on 127.0.0.1 joined to a learner in this JVM: synchronous PPO equals the
 * single-process run bit for bit, and closing the learner stops the workers' JVMs.
 */
class ClusterRolloutsTest {

    @Test
    @Timeout(value = 90, unit = TimeUnit.SECONDS)
    void twoWorkerJvmsTrainBitIdenticallyToOneProcess() throws Exception {
        PpoConfig config = DistributedPpoRuns.config();
        long total = 3L * config.rolloutSize();
        int port = LocalWorkerProcesses.freePort();
        try (LocalWorkerProcesses workers = new LocalWorkerProcesses(port)) {
            // the workers start while the single-process run trains
            workers.start();
            workers.start();
            Ppo local = new Ppo(config, DistributedPpoRuns.CART_POLE);
            local.learn(total);
            RolloutPlan plan = RolloutPlan.of(config, DistributedPpoRuns.ENV, Map.of(), 2);
            try (PekkoRollouts rollouts = PekkoRollouts.cluster(plan, ClusterSettings.learner(LocalWorkerProcesses.HOST, port),
                    2, Duration.ofSeconds(40), Duration.ofSeconds(20))) {
                Ppo distributed = new Ppo(config, DistributedPpoRuns.CART_POLE, rollouts);
                distributed.learn(total);
                assertArrayEquals(DistributedPpoRuns.parameters(local), DistributedPpoRuns.parameters(distributed));
                assertEquals(DistributedPpoRuns.metrics(local), DistributedPpoRuns.metrics(distributed));
                assertEquals(2, rollouts.shardsByWorker().size(), "both JVMs collected: " + rollouts.shardsByWorker());
            }
            assertTrue(workers.allExitWithin(15), "the workers exit when the learner closes");
        }
    }
}

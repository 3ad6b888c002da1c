package io.github.jrl.distributed;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.jrl.algorithms.ppo.Ppo;
import io.github.jrl.algorithms.ppo.PpoConfig;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Synchronous PPO with rollout workers as actors in this JVM equals the single-process run. */
class EmbeddedRolloutsTest {

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void embeddedWorkersTrainBitIdenticallyToOneProcess() {
        PpoConfig config = DistributedPpoRuns.config();
        long total = 3L * config.rolloutSize();
        Ppo local = new Ppo(config, DistributedPpoRuns.CART_POLE);
        local.learn(total);
        for (int workers : new int[] {1, 2, 3}) {
            RolloutPlan plan = RolloutPlan.of(config, DistributedPpoRuns.ENV, Map.of(), workers);
            try (PekkoRollouts rollouts = PekkoRollouts.embedded(plan, workers, Duration.ofSeconds(20))) {
                Ppo distributed = new Ppo(config, DistributedPpoRuns.CART_POLE, rollouts);
                distributed.learn(total);
                assertArrayEquals(DistributedPpoRuns.parameters(local), DistributedPpoRuns.parameters(distributed),
                        workers + " workers");
                assertEquals(DistributedPpoRuns.metrics(local), DistributedPpoRuns.metrics(distributed));
                assertEquals(3L * workers, rollouts.shardsCounted());
                assertEquals(0, rollouts.workersGivenUp());
            }
        }
    }

    @Test
    void aPlanThatDoesNotFitTheRunIsRefused() {
        PpoConfig config = DistributedPpoRuns.config();
        assertThrows(IllegalArgumentException.class, () -> RolloutPlan.of(config, DistributedPpoRuns.ENV, Map.of(), 5));
        RolloutPlan shortRollouts = RolloutPlan.of(config.toBuilder().numSteps(16).build(), DistributedPpoRuns.ENV,
                Map.of(), 2);
        try (PekkoRollouts rollouts = PekkoRollouts.embedded(shortRollouts, 1, Duration.ofSeconds(5))) {
            Ppo ppo = new Ppo(config, DistributedPpoRuns.CART_POLE, rollouts);
            assertThrows(IllegalArgumentException.class, () -> ppo.learn(config.rolloutSize()));
        }
    }
}

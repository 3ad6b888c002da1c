package io.github.jrl.distributed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.jrl.algorithms.appo.Appo;
import io.github.jrl.algorithms.appo.AppoConfig;
import io.github.jrl.core.train.Callback;
import io.github.jrl.core.train.Trainer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Asynchronous APPO with embedded rollout workers: it learns CartPole, and every batch is either
 * trained on or dropped as too stale and counted, with its version lag recorded.
 */
class AsyncRolloutsTest {

    @Test
    @Timeout(value = 300, unit = TimeUnit.SECONDS)
    void embeddedWorkersLearnCartPoleAsynchronously() {
        AppoConfig config = AsyncAppoRuns.config();
        RolloutPlan plan = RolloutPlan.of(config, DistributedPpoRuns.ENV, Map.of(), 2);
        try (PekkoAsyncRollouts rollouts = PekkoAsyncRollouts.embedded(plan, 2, Duration.ofSeconds(30), 4)) {
            Appo appo = new Appo(config, DistributedPpoRuns.CART_POLE, rollouts);
            LagLog lags = new LagLog(config.maxPolicyLag());
            appo.learn(20 * AsyncAppoRuns.rows(config, plan), lags);
            double early = appo.latestMetrics().get("charts/episodic_return");
            appo.learn((20 + AsyncAppoRuns.LEARNING_BATCHES) * AsyncAppoRuns.rows(config, plan), lags);
            double late = appo.latestMetrics().get("charts/episodic_return");
            System.out.println("async APPO, 2 embedded workers: mean return " + early + " -> " + late + "; "
                    + appo.latestMetrics() + "; batches by worker " + rollouts.batchesByWorker());
            assertTrue(late > 3 * early && late > 100, "mean return " + early + " -> " + late);
            lags.check(appo, rollouts);
            assertEquals(2, rollouts.batchesByWorker().size(), "both workers collected: " + rollouts.batchesByWorker());
        }
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void batchesOlderThanTheMaximumLagAreDroppedAndCounted() {
        AppoConfig config = AsyncAppoRuns.config().toBuilder().maxPolicyLag(0).build();
        RolloutPlan plan = RolloutPlan.of(config, DistributedPpoRuns.ENV, Map.of(), 4);
        try (PekkoAsyncRollouts rollouts = PekkoAsyncRollouts.embedded(plan, 4, Duration.ofSeconds(30), 8)) {
            Appo appo = new Appo(config, DistributedPpoRuns.CART_POLE, rollouts);
            LagLog lags = new LagLog(config.maxPolicyLag());
            appo.learn(40 * AsyncAppoRuns.rows(config, plan), lags);
            lags.check(appo, rollouts);
            // the four first batches are all of version 0, and only the first finds the learner there
            assertTrue(appo.batchesDropped() >= 1, "dropped " + appo.batchesDropped());
        }
    }

    /** The version lag of every batch as the learner reported it, checked against its counters. */
    static final class LagLog implements Callback {
        private final int maxLag;
        private long batches;
        private long stale;
        private long maxSeen;

        LagLog(int maxLag) {
            this.maxLag = maxLag;
        }

        @Override
        public boolean onUpdate(Trainer<?, ?> trainer) {
            long lag = trainer.latestMetrics().get("async/version_lag").longValue();
            batches++;
            stale += lag > maxLag ? 1 : 0;
            maxSeen = Math.max(maxSeen, lag);
            return true;
        }

        void check(Appo appo, PekkoAsyncRollouts rollouts) {
            assertEquals(stale, appo.batchesDropped(), "every batch over the lag is dropped and counted");
            assertEquals(batches - stale, appo.batchesTrained(), "every other batch is trained on");
            assertEquals((double) stale, appo.latestMetrics().get("async/batches_dropped_stale"));
            assertEquals((double) maxSeen, appo.latestMetrics().get("async/max_version_lag"));
            assertTrue(rollouts.batchesReceived() >= batches, "received " + rollouts.batchesReceived() + " < taken "
                    + batches);
        }
    }
}

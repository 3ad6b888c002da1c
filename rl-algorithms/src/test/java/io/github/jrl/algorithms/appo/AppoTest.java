package io.github.jrl.algorithms.appo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.jrl.core.env.Environment;
import io.github.jrl.envs.Envs;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** APPO's learner on scripted stale batches: staleness is measured, stale batches dropped and counted, and it learns. */
class AppoTest {

    private static final Supplier<Environment<float[], Object>> CART_POLE = () -> Envs.make("CartPole-v1");

    /** Small CartPole settings: 4 copies x 32 steps a batch, 64-64 networks. */
    static AppoConfig cartPole() {
        return AppoConfig.builder().numEnvs(4).numSteps(32).numEpochs(4).numMinibatches(2).gamma(0.98).lambda(0.95)
                .clipRange(0.2).learningRate(1e-3).entCoef(0.0).hiddenSizes(64, 64).normalizeAdvantage(true).seed(3)
                .build();
    }

    @Test
    void batchesOlderThanTheMaximumLagAreDroppedAndCounted() {
        AppoConfig config = cartPole().toBuilder().maxPolicyLag(2).build();
        // lags 3, 4 and 3 exceed 2; the first three batches find the learner at versions 0, 1, 2
        LaggedRollouts rollouts = new LaggedRollouts(CART_POLE, config, 0, 0, 0, 3, 1, 4, 0, 2, 3, 0);
        Appo appo = new Appo(config, CART_POLE, rollouts);
        long rows = (long) config.numEnvs() * config.numSteps();
        appo.learn(10 * rows);
        assertEquals(List.of(0L, 0L, 0L, 3L, 1L, 4L, 0L, 2L, 3L, 0L), rollouts.lagsGiven());
        assertEquals(3, appo.batchesDropped());
        assertEquals(7, appo.batchesTrained());
        assertEquals(7, appo.policyVersion());
        assertEquals(10 * rows, appo.stepsDone());
        Map<String, Double> metrics = appo.latestMetrics();
        assertEquals(3.0, metrics.get("async/batches_dropped_stale"));
        assertEquals(4.0, metrics.get("async/max_version_lag"));
        assertEquals(0.0, metrics.get("async/version_lag"));
        assertEquals(3.0 / 7, metrics.get("async/mean_version_lag"), 1e-12);
        assertEquals(7.0 * rows, metrics.get("async/env_steps_trained"));
    }

    @Test
    void learnsCartPoleFromStaleBatches() {
        AppoConfig config = cartPole().toBuilder().maxPolicyLag(3).build();
        LaggedRollouts rollouts = new LaggedRollouts(CART_POLE, config, 0, 1, 2, 3, 4);
        Appo appo = new Appo(config, CART_POLE, rollouts);
        long rows = (long) config.numEnvs() * config.numSteps();
        appo.learn(20 * rows);
        double early = appo.latestMetrics().get("charts/episodic_return");
        appo.learn((20 + LEARNING_BATCHES) * rows);
        double late = appo.latestMetrics().get("charts/episodic_return");
        System.out.println("APPO CartPole: mean return " + early + " -> " + late + ", " + appo.latestMetrics());
        assertTrue(late > 3 * early && late > 100, "mean return " + early + " -> " + late);
        assertEquals(rollouts.lagsGiven().stream().filter(lag -> lag > 3).count(), appo.batchesDropped());
        assertTrue(appo.batchesDropped() > 0);
    }

    private static final int LEARNING_BATCHES = 300;

    @Test
    void badSettingsAreRefusedWithWhatWasExpected() {
        IllegalArgumentException lag = assertThrows(IllegalArgumentException.class,
                () -> cartPole().toBuilder().maxPolicyLag(-1).build());
        assertTrue(lag.getMessage().contains("maxPolicyLag must be >= 0"), lag.getMessage());
        assertThrows(IllegalArgumentException.class, () -> cartPole().toBuilder().clipRange(0).build());
        assertThrows(IllegalArgumentException.class, () -> cartPole().toBuilder().lambda(1.5).build());
        AppoConfig uneven = cartPole().toBuilder().numMinibatches(3).build();
        Appo appo = new Appo(uneven, CART_POLE, new LaggedRollouts(CART_POLE, uneven, 0));
        IllegalArgumentException minibatches = assertThrows(IllegalArgumentException.class, () -> appo.learn(1));
        assertTrue(minibatches.getMessage().contains("must divide the 128 rows"), minibatches.getMessage());
    }

    @Test
    void aBatchFromTheFutureIsRefused() {
        AppoConfig config = cartPole();
        AsyncRollouts future = new AsyncRollouts() {
            private final LaggedRollouts inner = new LaggedRollouts(CART_POLE, config, 0);

            @Override
            public void start(long envSeed, long actionSeed, io.github.jrl.nd4j.policy.ActorCriticPolicy policy) {
                inner.start(envSeed, actionSeed, policy);
            }

            @Override
            public void publish(long version, io.github.jrl.nd4j.policy.ActorCriticPolicy policy) {
                inner.publish(version, policy);
            }

            @Override
            public AppoBatch take() {
                AppoBatch batch = inner.take();
                return new AppoBatch(5, batch.rollout(), batch.lastObservations());
            }
        };
        Appo appo = new Appo(config, CART_POLE, future);
        assertThrows(IllegalStateException.class, () -> appo.learn(1));
    }
}

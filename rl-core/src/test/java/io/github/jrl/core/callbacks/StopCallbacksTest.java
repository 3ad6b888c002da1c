package io.github.jrl.core.callbacks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.jrl.core.env.RandomWalk;
import io.github.jrl.core.metrics.MetricNames;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StopCallbacksTest {

    @Test
    void stopsOnceTheTrainingReturnReachesTheThreshold() {
        FakeTrainer trainer = new FakeTrainer(0, 100, Walkers.always(1));
        StopOnRewardThreshold stop = StopOnRewardThreshold.onTrainingReturn(200);
        assertTrue(stop.onUpdate(trainer), "no return yet");
        trainer.metrics.put(MetricNames.EPISODIC_RETURN, 199.9);
        assertTrue(stop.onUpdate(trainer));
        trainer.metrics.put(MetricNames.EPISODIC_RETURN, 200.0);
        assertFalse(stop.onUpdate(trainer), "stops at >=, as SB3's StopTrainingOnRewardThreshold");
    }

    @Test
    void stopsTrainingOnAnEvaluationThatReachesTheThreshold() {
        EvalCallback<float[], Integer> eval = EvalCallback.builder(new RandomWalk(), 1).everySteps(1000).build();
        // going right always returns at least 3 + 4 = 7
        StopOnRewardThreshold stop = StopOnRewardThreshold.onEvaluation(eval, 7);
        FakeTrainer trainer = new FakeTrainer(0, 400, Walkers.always(1));
        assertEquals(3, trainer.learn(100_000, eval, stop), "stopped right after the first evaluation, at step 1200");
        assertThrows(IllegalArgumentException.class, () -> StopOnRewardThreshold.onTrainingReturn(Double.NaN));
    }

    @Test
    void failsOnANonFiniteMetricNamingItAndTheStep() {
        FakeTrainer trainer = new FakeTrainer(4096, 2048, Walkers.always(1));
        StopOnNonFinite check = new StopOnNonFinite();
        trainer.metrics.put("train/loss", 0.5);
        assertTrue(check.onUpdate(trainer));
        trainer.metrics.put("train/value_loss", Double.NaN);
        trainer.metrics.put("train/approx_kl", Double.POSITIVE_INFINITY);
        NonFiniteMetricException e = assertThrows(NonFiniteMetricException.class, () -> check.onUpdate(trainer));
        assertEquals(4096, e.step());
        assertEquals(Map.of("train/value_loss", Double.NaN, "train/approx_kl", Double.POSITIVE_INFINITY), e.metrics());
        assertTrue(e.getMessage().startsWith(
                "non-finite metric at step 4096: train/approx_kl = Infinity, train/value_loss = NaN"), e.getMessage());
    }
}

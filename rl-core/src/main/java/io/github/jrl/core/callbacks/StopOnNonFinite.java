package io.github.jrl.core.callbacks;

import io.github.jrl.core.train.Callback;
import io.github.jrl.core.train.Trainer;
import java.util.Map;
import java.util.TreeMap;

/**
 * Fails training with a {@link NonFiniteMetricException} naming the metrics and the step as soon
 * as any metric of an update is NaN or infinite, instead of training on with a diverged model
 * (the check SB3's {@code VecCheckNan} makes on inputs, here on the outputs). Put it after a
 * {@link MetricsCallback} to have the bad values logged too.
 */
public final class StopOnNonFinite implements Callback {

    @Override
    public boolean onUpdate(Trainer<?, ?> trainer) {
        Map<String, Double> nonFinite = new TreeMap<>();
        trainer.latestMetrics().forEach((name, value) -> {
            if (!Double.isFinite(value)) {
                nonFinite.put(name, value);
            }
        });
        if (!nonFinite.isEmpty()) {
            throw new NonFiniteMetricException(trainer.stepsDone(), nonFinite);
        }
        return true;
    }
}

package io.github.jrl.core.callbacks;

import io.github.jrl.core.metrics.MetricNames;
import io.github.jrl.core.train.Callback;
import io.github.jrl.core.train.Trainer;
import java.util.function.ToDoubleFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stops training once a return reaches a threshold (Stable-Baselines3's
 * {@code StopTrainingOnRewardThreshold}, which stops when the value is {@code >=} the threshold).
 * The return is either a metric of the trainer, by default the training episodes' mean
 * {@code rollout/ep_rew_mean}, or the mean of an {@link EvalCallback}'s latest evaluation.
 */
public final class StopOnRewardThreshold implements Callback {

    private static final Logger LOG = LoggerFactory.getLogger(StopOnRewardThreshold.class);

    private final String source;
    private final ToDoubleFunction<Trainer<?, ?>> value;
    private final double threshold;

    private StopOnRewardThreshold(String source, ToDoubleFunction<Trainer<?, ?>> value, double threshold) {
        if (!Double.isFinite(threshold)) {
            throw new IllegalArgumentException("threshold must be finite, got " + threshold);
        }
        this.source = source;
        this.value = value;
        this.threshold = threshold;
    }

    /** Stops when the mean return of recent training episodes ({@code rollout/ep_rew_mean}) reaches {@code threshold}. */
    public static StopOnRewardThreshold onTrainingReturn(double threshold) {
        return onMetric(MetricNames.EPISODIC_RETURN, threshold);
    }

    /** Stops when the trainer's metric {@code name} reaches {@code threshold}; absent means not yet. */
    public static StopOnRewardThreshold onMetric(String name, double threshold) {
        return new StopOnRewardThreshold("metric " + name,
                trainer -> trainer.latestMetrics().getOrDefault(name, Double.NaN), threshold);
    }

    /**
     * Stops when the latest evaluation of {@code eval} has a mean return reaching {@code threshold}.
     * Place it after {@code eval} in the callback list, so it sees the evaluation of the same update.
     */
    public static StopOnRewardThreshold onEvaluation(EvalCallback<?, ?> eval, double threshold) {
        return new StopOnRewardThreshold("evaluation mean return",
                trainer -> eval.lastResult().map(EvaluationResult::mean).orElse(Double.NaN), threshold);
    }

    @Override
    public boolean onUpdate(Trainer<?, ?> trainer) {
        double current = value.applyAsDouble(trainer);
        if (current >= threshold) {
            LOG.info("stopping at step {}: {} = {} reached the threshold {}", trainer.stepsDone(), source, current, threshold);
            return false;
        }
        return true;
    }
}

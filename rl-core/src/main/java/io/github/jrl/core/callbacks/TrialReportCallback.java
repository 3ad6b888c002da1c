package io.github.jrl.core.callbacks;

import io.github.jrl.core.metrics.MetricNames;
import io.github.jrl.core.sweep.TrialReporter;
import io.github.jrl.core.train.Callback;
import io.github.jrl.core.train.Trainer;
import java.util.Objects;

/**
 * Reports a metric of the trainer to a sweep every N environment steps, by default
 * {@link MetricNames#EPISODIC_RETURN} (the mean return of the last 100 training episodes, the
 * {@code episode_reward_mean} Ray Tune's RLlib examples tune on), and stops training when the
 * sweep's scheduler says so. Reports come at the first update at or past each multiple of N, at
 * the trainer's step count then; a metric not logged yet is reported as NaN.
 */
public final class TrialReportCallback implements Callback {

    private final TrialReporter reporter;
    private final String metric;
    private final StepInterval interval;

    /**
     * @param every steps between reports, >= 1
     * @throws IllegalArgumentException if {@code every} is below 1
     */
    public TrialReportCallback(TrialReporter reporter, String metric, long every) {
        this.reporter = Objects.requireNonNull(reporter, "reporter");
        this.metric = Objects.requireNonNull(metric, "metric");
        this.interval = new StepInterval(every, "the report interval");
    }

    @Override
    public void onTrainingStart(Trainer<?, ?> trainer) {
        interval.start(trainer.stepsDone());
    }

    @Override
    public boolean onUpdate(Trainer<?, ?> trainer) {
        if (!interval.due(trainer.stepsDone())) {
            return true;
        }
        return reporter.report(trainer.stepsDone(), trainer.latestMetrics().getOrDefault(metric, Double.NaN));
    }
}

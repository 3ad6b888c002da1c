package io.github.jrl.core.callbacks;

import io.github.jrl.core.metrics.MetricSink;
import io.github.jrl.core.train.Callback;
import io.github.jrl.core.train.Trainer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Objects;

/**
 * Writes every update's {@link Trainer#latestMetrics()} to a {@link MetricSink} at the current step
 * count, and flushes the sink when training ends. The sink belongs to the caller, who closes it.
 */
public final class MetricsCallback implements Callback {

    private final MetricSink sink;

    public MetricsCallback(MetricSink sink) {
        this.sink = Objects.requireNonNull(sink, "sink");
    }

    @Override
    public boolean onUpdate(Trainer<?, ?> trainer) {
        try {
            sink.write(trainer.stepsDone(), trainer.latestMetrics());
        } catch (IOException e) {
            throw new UncheckedIOException("writing metrics at step " + trainer.stepsDone() + ": " + e.getMessage(), e);
        }
        return true;
    }

    @Override
    public void onTrainingEnd(Trainer<?, ?> trainer) {
        try {
            sink.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("flushing metrics: " + e.getMessage(), e);
        }
    }
}

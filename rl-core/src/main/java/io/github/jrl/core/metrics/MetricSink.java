package io.github.jrl.core.metrics;

import java.io.Closeable;
import java.io.IOException;
import java.util.Map;

/**
 * Where a run's scalar metrics go: the console, CSV, JSON lines, TensorBoard, or several of them
 * through a {@link MultiSink} (the output formats of Stable-Baselines3's {@code Logger}).
 *
 * <p>Metric names follow SB3's logger keys ({@link MetricNames}): a section, a slash and a name,
 * e.g. {@code charts/episodic_return} or {@code losses/approx_kl}. A name is non-blank, has no control
 * characters, and is not {@code step}, which every file format uses for the step column or field.
 * Values may be NaN or infinite: a sink records them as they are, so a diverging run shows it.
 */
public interface MetricSink extends Closeable {

    /**
     * Records {@code metrics} as measured at environment step {@code step}; an empty map records
     * nothing.
     *
     * @throws IllegalArgumentException if {@code step} is negative or a name is invalid
     */
    void write(long step, Map<String, Double> metrics) throws IOException;

    /** Pushes everything written so far to its destination. */
    void flush() throws IOException;

    /** Flushes and releases the sink's resources; a closed sink refuses further writes. */
    @Override
    void close() throws IOException;
}

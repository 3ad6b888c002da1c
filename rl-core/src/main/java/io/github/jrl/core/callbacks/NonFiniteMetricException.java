package io.github.jrl.core.callbacks;

import java.util.Map;
import java.util.stream.Collectors;

/** Training produced a NaN or infinite metric (a loss, a gradient norm, a return): it has diverged. */
public final class NonFiniteMetricException extends ArithmeticException {

    private final long step;
    private final Map<String, Double> metrics;

    /** @param metrics the non-finite metrics, by name */
    public NonFiniteMetricException(long step, Map<String, Double> metrics) {
        super("non-finite metric at step " + step + ": " + metrics.entrySet().stream()
                .map(e -> e.getKey() + " = " + e.getValue()).collect(Collectors.joining(", "))
                + " (training diverged; a lower learning rate, gradient clipping or finite observations and rewards"
                + " usually cure it)");
        this.step = step;
        this.metrics = Map.copyOf(metrics);
    }

    /** The step count at which the metrics were seen. */
    public long step() {
        return step;
    }

    /** The non-finite metrics, by name. */
    public Map<String, Double> metrics() {
        return metrics;
    }
}

package io.github.jrl.core.metrics;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * Sends every call to several sinks, in order. A sink that fails does not stop the others: the
 * first failure is thrown after all sinks were called, later ones attached as suppressed, so
 * closing releases every sink even when one of them cannot flush.
 */
public final class MultiSink implements MetricSink {

    private final List<MetricSink> sinks;

    public MultiSink(List<? extends MetricSink> sinks) {
        this.sinks = List.copyOf(sinks);
    }

    public MultiSink(MetricSink... sinks) {
        this(List.of(sinks));
    }

    @FunctionalInterface
    private interface SinkCall {
        void apply(MetricSink sink) throws IOException;
    }

    @Override
    public void write(long step, Map<String, Double> metrics) throws IOException {
        MetricNames.check(step, metrics);
        callAll(sink -> sink.write(step, metrics));
    }

    @Override
    public void flush() throws IOException {
        callAll(MetricSink::flush);
    }

    @Override
    public void close() throws IOException {
        callAll(MetricSink::close);
    }

    private void callAll(SinkCall call) throws IOException {
        Exception first = null;
        for (MetricSink sink : sinks) {
            try {
                call.apply(sink);
            } catch (IOException | RuntimeException e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        if (first instanceof IOException io) {
            throw io;
        }
        if (first != null) {
            throw (RuntimeException) first;
        }
    }
}

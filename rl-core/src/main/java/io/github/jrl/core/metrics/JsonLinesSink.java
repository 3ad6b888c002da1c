package io.github.jrl.core.metrics;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes one JSON object per line (<a href="https://jsonlines.org">JSON Lines</a>), like
 * Stable-Baselines3's {@code JSONOutputFormat} ({@code progress.json}):
 * {@code {"step":2048,"rollout/ep_rew_mean":22.4,"time/fps":1024.0}}, metrics sorted by name.
 *
 * <p>Every line is strict JSON (RFC 8259), which has no NaN or infinities: those values are
 * written as the strings {@code "NaN"}, {@code "Infinity"} and {@code "-Infinity"} (the spelling of
 * {@link Double#toString}, which Jackson and {@code float()} in Python both parse). SB3 writes bare
 * {@code NaN}, which strict parsers reject.
 *
 * <p>Each line is handed to the operating system as it is written, as SB3 flushes its file, so a
 * killed run loses none. An existing file is continued, an interrupted final line dropped first.
 */
public final class JsonLinesSink implements MetricSink {

    private final Path file;
    private Writer writer;

    /** A sink appending to {@code file}, creating it (and its directories) if needed. */
    public JsonLinesSink(Path file) throws IOException {
        this.file = file;
        this.writer = AppendOnlyLog.open(file);
    }

    @Override
    public void write(long step, Map<String, Double> metrics) throws IOException {
        MetricNames.check(step, metrics);
        requireOpen();
        if (metrics.isEmpty()) {
            return;
        }
        StringBuilder line = new StringBuilder("{\"").append(MetricNames.STEP).append("\":").append(step);
        for (Map.Entry<String, Double> e : new TreeMap<>(metrics).entrySet()) {
            line.append(',');
            appendString(line, e.getKey());
            line.append(':');
            double value = e.getValue();
            if (Double.isFinite(value)) {
                line.append(value);
            } else {
                appendString(line, Double.toString(value));
            }
        }
        writer.write(line.append("}\n").toString());
        writer.flush();
    }

    /**
     * Appends {@code s} as a JSON string literal (RFC 8259, section 7). Metric names have no control
     * characters ({@link MetricNames#check}), so only quotes and backslashes need escaping.
     */
    private static void appendString(StringBuilder out, String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\');
            }
            out.append(c);
        }
        out.append('"');
    }

    private void requireOpen() {
        if (writer == null) {
            throw new IllegalStateException("JsonLinesSink for " + file + " is closed");
        }
    }

    @Override
    public void flush() throws IOException {
        requireOpen();
        writer.flush();
    }

    @Override
    public void close() throws IOException {
        if (writer != null) {
            writer.close();
            writer = null;
        }
    }
}

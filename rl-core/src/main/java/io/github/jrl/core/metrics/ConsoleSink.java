package io.github.jrl.core.metrics;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Prints the latest metrics as a compact table, in the layout of Stable-Baselines3's
 * {@code HumanOutputFormat} ({@code stable_baselines3/common/logger.py}): keys sorted, grouped by
 * their section before the slash, values in Python's {@code %.3g} style, integers in full.
 *
 * <pre>
 * ---------------------------------
 * | rollout/           |          |
 * |    ep_rew_mean     | 22.4     |
 * | time/              |          |
 * |    total_timesteps | 2048     |
 * ---------------------------------
 * </pre>
 *
 * <p>A table is printed at the first write and then whenever at least {@code intervalSteps} steps
 * have passed since the last table; metrics written in between are merged, the latest value of
 * each name winning, so an evaluation written between two tables still appears in the next one.
 * {@link #flush()} prints whatever is pending. Unlike SB3, long keys are not truncated, so two
 * keys never collide. Closing does not close the stream (it is usually {@code System.out}).
 */
public final class ConsoleSink implements MetricSink {

    private final PrintStream out;
    private final long intervalSteps;
    private final Map<String, Double> pending = new TreeMap<>();
    private long lastTableStep = Long.MIN_VALUE;
    private boolean closed;

    /** A sink printing a table for every write. */
    public ConsoleSink(PrintStream out) {
        this(out, 0);
    }

    /** A sink printing a table at most once every {@code intervalSteps} steps. */
    public ConsoleSink(PrintStream out, long intervalSteps) {
        if (intervalSteps < 0) {
            throw new IllegalArgumentException("intervalSteps must be >= 0, got " + intervalSteps);
        }
        this.out = Objects.requireNonNull(out, "out");
        this.intervalSteps = intervalSteps;
    }

    @Override
    public void write(long step, Map<String, Double> metrics) {
        if (closed) {
            throw new IllegalStateException("ConsoleSink is closed");
        }
        MetricNames.check(step, metrics);
        pending.putAll(metrics);
        if (lastTableStep == Long.MIN_VALUE || step - lastTableStep >= intervalSteps) {
            lastTableStep = step;
            printPending();
        }
    }

    @Override
    public void flush() {
        printPending();
        out.flush();
    }

    @Override
    public void close() {
        if (!closed) {
            flush();
            closed = true;
        }
    }

    private void printPending() {
        if (!pending.isEmpty()) {
            out.print(table(pending));
            pending.clear();
        }
    }

    /** The table of {@code metrics} (sorted by name), each line ending in a line separator. */
    static String table(Map<String, Double> metrics) {
        List<String> keys = new ArrayList<>();
        List<String> values = new ArrayList<>();
        String lastSection = null;
        for (Map.Entry<String, Double> e : new TreeMap<>(metrics).entrySet()) {
            String key = e.getKey();
            int slash = key.indexOf('/');
            if (slash >= 0) {
                String section = key.substring(0, slash + 1);
                if (!section.equals(lastSection)) {
                    keys.add(section);
                    values.add("");
                    lastSection = section;
                }
                key = "   " + key.substring(slash + 1);
            }
            keys.add(key);
            values.add(format(e.getValue()));
        }
        int keyWidth = keys.stream().mapToInt(String::length).max().orElse(0);
        int valueWidth = Math.max(8, values.stream().mapToInt(String::length).max().orElse(0));
        String dashes = "-".repeat(keyWidth + valueWidth + 7);
        StringBuilder table = new StringBuilder(dashes).append(System.lineSeparator());
        for (int i = 0; i < keys.size(); i++) {
            table.append("| ").append(pad(keys.get(i), keyWidth)).append(" | ").append(pad(values.get(i), valueWidth))
                    .append(" |").append(System.lineSeparator());
        }
        return table.append(dashes).append(System.lineSeparator()).toString();
    }

    /**
     * Integers (as SB3 prints its step counters) in full; other values as Python's
     * {@code format(v, ".3g")}: three significant digits, trailing zeros dropped, scientific
     * notation below 1e-4 and from 1e3 on.
     */
    static String format(double value) {
        if (Double.isNaN(value)) {
            return "nan";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "inf" : "-inf";
        }
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        BigDecimal rounded = new BigDecimal(value).round(new MathContext(3, RoundingMode.HALF_EVEN));
        int exponent = rounded.precision() - rounded.scale() - 1;
        if (exponent < -4 || exponent >= 3) {
            String mantissa = rounded.movePointLeft(exponent).stripTrailingZeros().toPlainString();
            return String.format(Locale.ROOT, "%se%s%02d", mantissa, exponent < 0 ? "-" : "+", Math.abs(exponent));
        }
        return rounded.stripTrailingZeros().toPlainString();
    }

    private static String pad(String s, int width) {
        return s + " ".repeat(width - s.length());
    }
}

package io.github.jrl.core.sweep;

import java.util.Arrays;

/**
 * How a trial ended and what it reported.
 *
 * @param history its reports
 * @param error for a failed trial, the exception's class and message; otherwise null
 * @param seconds wall time it ran (the only figure that varies between identical sweeps)
 */
public record TrialResult(TrialSpec spec, Status status, TrialHistory history, String error, double seconds) {

    public enum Status {
        /** Ran its whole budget. */
        COMPLETED,
        /** Stopped early by the scheduler. */
        STOPPED,
        /** Threw an exception. */
        FAILED
    }

    /** The latest reported value; NaN when it reported nothing. */
    public double lastValue() {
        return history.size() == 0 ? Double.NaN : history.value(history.size() - 1);
    }

    /** The best finite reported value; NaN when there is none. */
    public double bestValue() {
        return Arrays.stream(history.values()).filter(Double::isFinite).max().orElse(Double.NaN);
    }
}

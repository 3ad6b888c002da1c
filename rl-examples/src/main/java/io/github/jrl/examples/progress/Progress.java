package io.github.jrl.examples.progress;

import java.util.Locale;

/**
 * Where a run stands: steps done of the target, the throughput since this process started
 * training, and the latest mean training return ({@code NaN} while unknown).
 */
record Progress(long stepsDone, long targetSteps, double elapsedSeconds, double stepsPerSecond, double meanReturn) {

    /** Fraction of the target done, in [0, 1]. */
    double fraction() {
        return targetSteps == 0 ? 1 : Math.min(1, (double) stepsDone / targetSteps);
    }

    /** Seconds left at the current throughput; {@code NaN} while the throughput is unknown. */
    double etaSeconds() {
        long left = Math.max(0, targetSteps - stepsDone);
        return left == 0 ? 0 : left / stepsPerSecond;
    }

    /** E.g. {@code 43,008/100,000 steps (43%) | 1,234 steps/s | elapsed 0:00:35 | ETA 0:00:54 | mean return 123.4}. */
    String summary() {
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "%,d/%,d steps (%d%%)", stepsDone, targetSteps,
                (int) Math.floor(100 * fraction())));
        s.append(" | ").append(Double.isFinite(stepsPerSecond) ? String.format(Locale.ROOT, "%,.0f", stepsPerSecond) : "?")
                .append(" steps/s");
        s.append(" | elapsed ").append(clock(elapsedSeconds));
        s.append(" | ETA ").append(clock(etaSeconds()));
        if (!Double.isNaN(meanReturn)) {
            s.append(String.format(Locale.ROOT, " | mean return %.1f", meanReturn));
        }
        return s.toString();
    }

    /** {@code H:MM:SS}, or {@code ?} when unknown. */
    private static String clock(double seconds) {
        if (!Double.isFinite(seconds)) {
            return "?";
        }
        long s = Math.round(seconds);
        return String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60);
    }
}

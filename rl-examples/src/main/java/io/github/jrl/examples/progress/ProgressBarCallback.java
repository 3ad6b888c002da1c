package io.github.jrl.examples.progress;

import io.github.jrl.core.metrics.MetricNames;
import io.github.jrl.core.train.Callback;
import io.github.jrl.core.train.Trainer;
import java.time.Duration;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A progress bar for long runs, as SB3's {@code progress_bar=True}: steps done of the target,
 * steps per second, elapsed time, ETA and the latest mean training return
 * ({@code charts/episodic_return}). On a terminal ({@link System#console()} present) one line is
 * redrawn in place, at most ten times a second; otherwise (CI, output to a file) a plain SLF4J
 * INFO line is logged at most every 10 seconds, and always when training ends.
 *
 * <p>A small class rather than a library such as {@code me.tongfei:progressbar}: that one redraws
 * from its own timer thread and, when output is not a terminal, would still need this class's
 * choice of a logging consumer and its own pacing; it also brings JLine. Updates here come from
 * the trainer's own {@code onUpdate} calls, so no thread is needed.
 */
public final class ProgressBarCallback implements Callback {

    private static final Logger LOG = LoggerFactory.getLogger(ProgressBarCallback.class);
    private static final Duration TERMINAL_INTERVAL = Duration.ofMillis(100);
    private static final Duration LOG_INTERVAL = Duration.ofSeconds(10);

    private final long targetSteps;
    private final ProgressDisplay display;
    private final long intervalNanos;
    private final LongSupplier nanoTime;
    private long startNanos;
    private long startSteps;
    private long lastShownNanos;
    private double meanReturn = Double.NaN;

    ProgressBarCallback(long targetSteps, ProgressDisplay display, Duration interval, LongSupplier nanoTime) {
        if (targetSteps < 0) {
            throw new IllegalArgumentException("targetSteps must be >= 0, got " + targetSteps);
        }
        this.targetSteps = targetSteps;
        this.display = display;
        this.intervalNanos = interval.toNanos();
        this.nanoTime = nanoTime;
    }

    /**
     * A progress bar for a run that ends when the trainer's step count reaches {@code targetSteps}
     * (the total, also when a run resumes), drawn in place on a terminal and logged otherwise.
     */
    public static ProgressBarCallback forConsole(long targetSteps) {
        boolean terminal = System.console() != null;
        return new ProgressBarCallback(targetSteps, displayFor(terminal), terminal ? TERMINAL_INTERVAL : LOG_INTERVAL,
                System::nanoTime);
    }

    static ProgressDisplay displayFor(boolean terminal) {
        return terminal ? new TerminalProgressDisplay(System.out) : new LogProgressDisplay(LOG::info);
    }

    @Override
    public void onTrainingStart(Trainer<?, ?> trainer) {
        startNanos = nanoTime.getAsLong();
        startSteps = trainer.stepsDone();
        lastShownNanos = startNanos;
        display.update(progress(trainer, startNanos));
    }

    @Override
    public boolean onUpdate(Trainer<?, ?> trainer) {
        meanReturn = trainer.latestMetrics().getOrDefault(MetricNames.EPISODIC_RETURN, meanReturn);
        long now = nanoTime.getAsLong();
        if (now - lastShownNanos >= intervalNanos) {
            lastShownNanos = now;
            display.update(progress(trainer, now));
        }
        return true;
    }

    @Override
    public void onTrainingEnd(Trainer<?, ?> trainer) {
        display.finish(progress(trainer, nanoTime.getAsLong()));
    }

    /** Throughput counts only this process's steps, so a resumed run does not look faster than it is. */
    private Progress progress(Trainer<?, ?> trainer, long now) {
        double elapsed = (now - startNanos) / 1e9;
        long steps = trainer.stepsDone();
        double rate = elapsed > 0 ? (steps - startSteps) / elapsed : Double.NaN;
        return new Progress(steps, targetSteps, elapsed, rate, meanReturn);
    }
}

package io.github.jrl.core.sweep;

/** How a running trial reports its objective to the sweep (Ray Tune's {@code tune.report}). */
@FunctionalInterface
public interface TrialReporter {

    /**
     * Reports the objective (higher is better; NaN when there is none yet) at environment step
     * {@code step}, later than the previous report's. May wait for earlier trials to catch up.
     *
     * @return {@code false} when the trial is to stop now
     */
    boolean report(long step, double value);
}

package io.github.jrl.core.sweep;

import java.util.List;

/**
 * Decides, at each report of a trial, whether it goes on (Ray Tune's {@code TrialScheduler}).
 *
 * <p>A decision sees the trial's own reports, its latest last, and the histories of the trials
 * before it in the sweep's order, each of which has ended or reported at or past the trial's
 * latest step ({@link ThreadPoolSweep} waits for them). A scheduler may use an earlier trial's
 * reports up to that step and whether it got there, nothing later: then every decision, and so
 * every trial's result, is the one a sweep running one trial at a time would reach, however many
 * trials run at once. (Ray Tune's schedulers judge a trial against whatever the others have
 * reported by then, so their decisions depend on timing.) Implementations are stateless.
 */
public interface TrialScheduler {

    /** Never stops a trial: every trial runs its whole budget (Ray Tune's {@code FIFOScheduler}). */
    TrialScheduler NONE = new TrialScheduler() {
        @Override
        public boolean shouldStop(TrialHistory trial, List<TrialHistory> earlier) {
            return false;
        }

        @Override
        public String toString() {
            return "none";
        }
    };

    /**
     * @param trial the trial's reports, at least one, the latest last
     * @param earlier the trials before it, in order
     * @return whether the trial stops now
     */
    boolean shouldStop(TrialHistory trial, List<TrialHistory> earlier);
}

package io.github.jrl.core.sweep;

import java.util.ArrayList;
import java.util.List;

/**
 * Asynchronous successive halving, ASHA (Li et al. 2020, "A System for Massively Parallel
 * Hyperparameter Tuning", MLSys; algorithm 2 with early-stopping rate s = 0), as Ray Tune's
 * {@code AsyncHyperBandScheduler} with one bracket implements it. Rungs sit at
 * {@code gracePeriod * reductionFactor^k} steps, for every {@code k} with the rung at most
 * {@code maxSteps}. A trial is judged at a rung at its first report at or past it (at the highest
 * rung when one report passes several): it stops when its value is below the
 * {@code 1 - 1/reductionFactor} quantile (NumPy's {@code nanpercentile}) of the values the trials
 * before it had at that rung, so only about the top {@code 1/reductionFactor} go on to the next.
 * A trial with no one before it at a rung goes on.
 */
public final class Asha implements TrialScheduler {

    /**
     * The reduction factor η = 3, Hyperband's (Li et al. 2018, JMLR) and Ray Tune's
     * {@code HyperBandScheduler} default; Ray Tune's {@code AsyncHyperBandScheduler} defaults to 4.
     */
    public static final double DEFAULT_REDUCTION_FACTOR = 3;

    private final long gracePeriod;
    private final long maxSteps;
    private final double reductionFactor;
    private final double[] rungs;

    /**
     * @param gracePeriod the first rung, in environment steps: the minimum resource r of the paper,
     *        Ray Tune's {@code grace_period} (1 training iteration by default)
     * @param maxSteps the maximum resource R, a trial's whole budget (Ray Tune's {@code max_t})
     * @param reductionFactor η (Ray Tune's {@code reduction_factor}), > 1
     */
    public Asha(long gracePeriod, long maxSteps, double reductionFactor) {
        if (gracePeriod < 1 || maxSteps < gracePeriod || !(reductionFactor > 1) || Double.isInfinite(reductionFactor)) {
            throw new IllegalArgumentException("ASHA needs 1 <= gracePeriod <= maxSteps and a finite reductionFactor > 1,"
                    + " got gracePeriod " + gracePeriod + ", maxSteps " + maxSteps + ", reductionFactor " + reductionFactor);
        }
        this.gracePeriod = gracePeriod;
        this.maxSteps = maxSteps;
        this.reductionFactor = reductionFactor;
        List<Double> milestones = new ArrayList<>();
        for (double m = gracePeriod; m <= maxSteps; m *= reductionFactor) {
            milestones.add(m);
        }
        rungs = milestones.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** The rungs, in environment steps, increasing. */
    public double[] rungs() {
        return rungs.clone();
    }

    @Override
    public boolean shouldStop(TrialHistory trial, List<TrialHistory> earlier) {
        int latest = trial.size() - 1;
        int rung = rungJudgedAt(trial, latest);
        if (rung < 0) {
            return false;
        }
        List<Double> recorded = new ArrayList<>();
        for (TrialHistory other : earlier) {
            for (int i = 0; i < other.size(); i++) {
                if (rungJudgedAt(other, i) == rung) {
                    recorded.add(other.value(i));
                    break;
                }
            }
        }
        double cutoff = Quantile.of(recorded.stream().mapToDouble(Double::doubleValue).toArray(), 1 - 1 / reductionFactor);
        return trial.value(latest) < cutoff;
    }

    /** The highest rung that report {@code i} is the first to reach, or -1. */
    private int rungJudgedAt(TrialHistory trial, int i) {
        long previous = i == 0 ? 0 : trial.step(i - 1);
        for (int r = rungs.length - 1; r >= 0; r--) {
            if (trial.step(i) >= rungs[r] && previous < rungs[r]) {
                return r;
            }
        }
        return -1;
    }

    @Override
    public String toString() {
        return "ASHA (grace period " + gracePeriod + " steps, max " + maxSteps + " steps, reduction factor "
                + reductionFactor + ")";
    }
}

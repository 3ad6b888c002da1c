package io.github.jrl.core.sweep;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The median stopping rule (Golovin et al. 2017, "Google Vizier: A Service for Black-Box
 * Optimization", section 3.2.2): stop a trial whose best value so far is strictly worse than the
 * median of the other trials' running averages up to the same step. As Ray Tune's
 * {@code MedianStoppingRule}: no decision before {@code gracePeriod} steps, a stop only strictly
 * after it; the other trials are those that reported at or past the step; a running average is
 * the mean of a trial's values reported from {@code gracePeriod} up to the step; and with fewer
 * than {@code minSamplesRequired} such trials the trial goes on. Non-finite values are left out
 * (a trial with no finite value in range does not count).
 */
public final class MedianStoppingRule implements TrialScheduler {

    /** Ray Tune's {@code min_samples_required} default. */
    public static final int DEFAULT_MIN_SAMPLES = 3;

    private final long gracePeriod;
    private final int minSamplesRequired;

    /**
     * @param gracePeriod environment steps before which no trial is stopped (Ray Tune's
     *        {@code grace_period}, 60 s of {@code time_total_s} by default; here in steps, so
     *        decisions do not depend on the machine's speed)
     * @param minSamplesRequired other trials needed for a decision ({@link #DEFAULT_MIN_SAMPLES})
     */
    public MedianStoppingRule(long gracePeriod, int minSamplesRequired) {
        if (gracePeriod < 0 || minSamplesRequired < 1) {
            throw new IllegalArgumentException("the median stopping rule needs gracePeriod >= 0 and minSamplesRequired"
                    + " >= 1, got " + gracePeriod + " and " + minSamplesRequired);
        }
        this.gracePeriod = gracePeriod;
        this.minSamplesRequired = minSamplesRequired;
    }

    @Override
    public boolean shouldStop(TrialHistory trial, List<TrialHistory> earlier) {
        long step = trial.lastStep();
        if (step <= gracePeriod) {
            return false;
        }
        List<Double> runningMeans = new ArrayList<>();
        for (TrialHistory other : earlier) {
            if (other.lastStep() >= step) {
                double mean = runningMean(other, step);
                if (Double.isFinite(mean)) {
                    runningMeans.add(mean);
                }
            }
        }
        if (runningMeans.size() < minSamplesRequired) {
            return false;
        }
        double median = Quantile.of(runningMeans.stream().mapToDouble(Double::doubleValue).toArray(), 0.5);
        double best = Arrays.stream(trial.values()).filter(Double::isFinite).max().orElse(Double.NaN);
        return best < median;
    }

    /** Mean of the finite values reported at steps in {@code [gracePeriod, step]}; NaN when there are none. */
    private double runningMean(TrialHistory trial, long step) {
        double sum = 0;
        int n = 0;
        for (int i = 0; i < trial.size(); i++) {
            if (trial.step(i) >= gracePeriod && trial.step(i) <= step && Double.isFinite(trial.value(i))) {
                sum += trial.value(i);
                n++;
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }

    @Override
    public String toString() {
        return "median stopping rule (grace period " + gracePeriod + " steps, min samples " + minSamplesRequired + ")";
    }
}

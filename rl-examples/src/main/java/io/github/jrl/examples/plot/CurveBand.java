package io.github.jrl.examples.plot;

import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;

/**
 * The mean of several runs and the band of their spread, on a shared grid of steps: every step
 * at which any run has a point, within the range all runs cover (outside it, the mean would be
 * over fewer runs). Each run is linearly interpolated between its own points, so runs logged at
 * the same steps (same configuration, different seeds) are averaged exactly.
 */
record CurveBand(double[] steps, double[] mean, double[] lower, double[] upper) {

    static CurveBand of(List<LearningCurve> runs, Spread spread) {
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("no runs to aggregate");
        }
        double from = runs.stream().mapToDouble(r -> r.steps()[0]).max().orElseThrow();
        double to = runs.stream().mapToDouble(r -> r.steps()[r.steps().length - 1]).min().orElseThrow();
        if (from > to) {
            throw new IllegalArgumentException("the runs share no range of steps (the latest start, " + from
                    + ", is after the earliest end, " + to + "); plot them separately");
        }
        TreeSet<Double> grid = new TreeSet<>();
        for (LearningCurve run : runs) {
            for (double step : run.steps()) {
                if (step >= from && step <= to) {
                    grid.add(step);
                }
            }
        }
        double[] steps = grid.stream().mapToDouble(Double::doubleValue).toArray();
        double[] mean = new double[steps.length];
        double[] lower = new double[steps.length];
        double[] upper = new double[steps.length];
        double[] at = new double[runs.size()];
        for (int i = 0; i < steps.length; i++) {
            for (int r = 0; r < at.length; r++) {
                at[r] = interpolate(runs.get(r), steps[i]);
            }
            mean[i] = Arrays.stream(at).average().orElseThrow();
            if (spread == Spread.STD) {
                double m = mean[i];
                double std = Math.sqrt(Arrays.stream(at).map(v -> (v - m) * (v - m)).sum() / at.length);
                lower[i] = m - std;
                upper[i] = m + std;
            } else {
                lower[i] = Arrays.stream(at).min().orElseThrow();
                upper[i] = Arrays.stream(at).max().orElseThrow();
            }
        }
        return new CurveBand(steps, mean, lower, upper);
    }

    /** The run's value at {@code step} (within its range), linear between its neighbouring points. */
    static double interpolate(LearningCurve run, double step) {
        double[] xs = run.steps();
        double[] ys = run.values();
        int i = Arrays.binarySearch(xs, step);
        if (i >= 0) {
            return ys[i];
        }
        int right = -i - 1;
        int left = right - 1;
        double t = (step - xs[left]) / (xs[right] - xs[left]);
        return ys[left] + t * (ys[right] - ys[left]);
    }
}

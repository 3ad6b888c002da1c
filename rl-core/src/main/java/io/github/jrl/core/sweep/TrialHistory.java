package io.github.jrl.core.sweep;

import java.util.Arrays;

/**
 * What a trial has reported so far: the environment step of each report (increasing) and the
 * objective's value there (higher is better; NaN where it had no value yet, e.g. before the first
 * episode ended), and whether the trial has ended (completed, stopped early, or failed).
 */
public record TrialHistory(int index, long[] steps, double[] values, boolean ended) {

    public TrialHistory {
        if (steps.length != values.length) {
            throw new IllegalArgumentException("trial " + index + ": one value per step expected, got " + steps.length
                    + " steps and " + values.length + " values");
        }
        for (int i = 1; i < steps.length; i++) {
            if (steps[i] <= steps[i - 1]) {
                throw new IllegalArgumentException("trial " + index + ": steps must increase, but " + steps[i]
                        + " follows " + steps[i - 1]);
            }
        }
        steps = steps.clone();
        values = values.clone();
    }

    @Override
    public long[] steps() {
        return steps.clone();
    }

    @Override
    public double[] values() {
        return values.clone();
    }

    public int size() {
        return steps.length;
    }

    public long step(int report) {
        return steps[report];
    }

    public double value(int report) {
        return values[report];
    }

    /** The step of the latest report; 0 before the first. */
    public long lastStep() {
        return steps.length == 0 ? 0 : steps[steps.length - 1];
    }

    /** This history with one more report. */
    public TrialHistory plus(long step, double value) {
        long[] s = Arrays.copyOf(steps, steps.length + 1);
        double[] v = Arrays.copyOf(values, values.length + 1);
        s[steps.length] = step;
        v[values.length] = value;
        return new TrialHistory(index, s, v, ended);
    }

    public TrialHistory end() {
        return new TrialHistory(index, steps, values, true);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TrialHistory h && h.index == index && h.ended == ended && Arrays.equals(h.steps, steps)
                && Arrays.equals(h.values, values);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Integer.hashCode(index) + Arrays.hashCode(steps)) + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "TrialHistory[" + index + ", steps " + Arrays.toString(steps) + ", values " + Arrays.toString(values)
                + (ended ? ", ended" : "") + "]";
    }
}

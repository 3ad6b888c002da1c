package io.github.jrl.core.sweep;

/** The work of one trial: train with the spec's parameters and seed, reporting as it goes. */
@FunctionalInterface
public interface Trial {

    /**
     * Runs the trial; returns early when a report answers {@code false}. Everything random must
     * follow from {@code spec} (its seed above all), so the trial's result depends on nothing else.
     */
    void run(TrialSpec spec, TrialReporter reporter) throws Exception;
}

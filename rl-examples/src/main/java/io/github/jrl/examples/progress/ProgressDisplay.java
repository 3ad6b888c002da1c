package io.github.jrl.examples.progress;

/** Shows a run's {@link Progress}: redrawn in place on a terminal, or as log lines. */
interface ProgressDisplay {

    void update(Progress progress);

    /** The last state of a run (training ended, by reaching its target or by being stopped). */
    void finish(Progress progress);
}

package io.github.jrl.examples.sweep;

import io.github.jrl.core.sweep.SweepResult;
import io.github.jrl.core.sweep.ThreadPoolSweep;
import io.github.jrl.core.sweep.TrialResult;
import io.github.jrl.core.sweep.TrialSpec;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/** Where a sweep's trials run: threads of this JVM by default, or a cluster (the optional rl-sweep-spark module). */
@FunctionalInterface
public interface SweepBackend {

    /**
     * Runs {@code trials} of {@code spec}, whose directory is {@code dir}, with its scheduler.
     *
     * @param onTrialEnd told of each trial's result as it ends
     */
    SweepResult run(SweepSpec spec, Path dir, List<TrialSpec> trials, Consumer<TrialResult> onTrialEnd)
            throws IOException, InterruptedException;

    /** A {@link ThreadPoolSweep} of {@code spec.concurrency()} threads running {@link AlgorithmTrials}. */
    static SweepBackend threadPool() {
        return (spec, dir, trials, onTrialEnd) -> new ThreadPoolSweep(spec.concurrency()).run(trials,
                new AlgorithmTrials(spec, dir), spec.trialScheduler(), onTrialEnd);
    }
}

package io.github.jrl.core.train;

import io.github.jrl.core.policy.Policy;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * What every algorithm's trainer shows to callbacks, sinks and tools while it learns: progress,
 * the latest metrics (named as the Python peers name them, e.g. {@code approx_kl}), the policy
 * being trained, and a way to write a checkpoint that {@code resume} continues exactly.
 *
 * @param <O> observation type of the policy
 * @param <A> action type of the policy
 */
public interface Trainer<O, A> {

    /** Environment steps taken so far (over all vector-env copies). */
    long stepsDone();

    /** Metrics of the latest update, by name; empty before the first update. */
    Map<String, Double> latestMetrics();

    /** The policy as trained so far; acting with it does not disturb training. */
    Policy<O, A> policy();

    /** Writes everything needed to continue this run exactly to {@code file}, atomically. */
    void saveCheckpoint(Path file) throws IOException;
}

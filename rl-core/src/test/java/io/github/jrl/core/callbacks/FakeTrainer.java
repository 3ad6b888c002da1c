package io.github.jrl.core.callbacks;

import io.github.jrl.core.checkpoint.Checkpoint;
import io.github.jrl.core.checkpoint.CheckpointWriter;
import io.github.jrl.core.policy.Policy;
import io.github.jrl.core.train.Callback;
import io.github.jrl.core.train.Trainer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A trainer without learning: each update adds {@code stepsPerUpdate} steps; tests set its policy
 * and metrics. Its checkpoints hold the step count in a {@code counters} section.
 */
final class FakeTrainer implements Trainer<float[], Integer> {

    final long stepsPerUpdate;
    final List<Path> checkpointsSaved = new ArrayList<>();
    final Map<String, Double> metrics = new HashMap<>();
    Policy<float[], Integer> policy;
    long steps;

    FakeTrainer(long startSteps, long stepsPerUpdate, Policy<float[], Integer> policy) {
        this.steps = startSteps;
        this.stepsPerUpdate = stepsPerUpdate;
        this.policy = policy;
    }

    /** Runs updates until {@code totalSteps}, or until a callback stops; returns the updates done. */
    int learn(long totalSteps, Callback... callbacks) {
        for (Callback c : callbacks) {
            c.onTrainingStart(this);
        }
        int updates = 0;
        boolean go = true;
        while (go && steps < totalSteps) {
            steps += stepsPerUpdate;
            updates++;
            for (Callback c : callbacks) {
                go &= c.onUpdate(this);
            }
        }
        for (Callback c : callbacks) {
            c.onTrainingEnd(this);
        }
        return updates;
    }

    @Override
    public long stepsDone() {
        return steps;
    }

    @Override
    public Map<String, Double> latestMetrics() {
        return metrics;
    }

    @Override
    public Policy<float[], Integer> policy() {
        return policy;
    }

    @Override
    public void saveCheckpoint(Path file) throws IOException {
        try (CheckpointWriter writer = CheckpointWriter.create(file)) {
            writer.section(Checkpoint.COUNTERS, out -> out.writeLong(steps)).commit();
        }
        checkpointsSaved.add(file);
    }

    static long savedStep(Path file) throws IOException {
        return Checkpoint.read(file).read(Checkpoint.COUNTERS, in -> in.readLong());
    }
}

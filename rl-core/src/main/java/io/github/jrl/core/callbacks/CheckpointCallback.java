package io.github.jrl.core.callbacks;

import io.github.jrl.core.checkpoint.CheckpointDirectory;
import io.github.jrl.core.train.Callback;
import io.github.jrl.core.train.Trainer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Saves a checkpoint every N steps into a run's {@link CheckpointDirectory} through
 * {@link Trainer#saveCheckpoint} (Stable-Baselines3's {@code CheckpointCallback}), optionally
 * keeping only the newest few. At training start it deletes the temporary files that a killed
 * predecessor left mid-write.
 */
public final class CheckpointCallback implements Callback {

    private static final Logger LOG = LoggerFactory.getLogger(CheckpointCallback.class);

    private final CheckpointDirectory directory;
    private final StepInterval interval;
    private final int keepLatest;

    /** Checkpoints every {@code everySteps} steps, keeping all of them. */
    public CheckpointCallback(CheckpointDirectory directory, long everySteps) {
        this(directory, everySteps, Integer.MAX_VALUE);
    }

    /** Checkpoints every {@code everySteps} steps, keeping the {@code keepLatest} newest. */
    public CheckpointCallback(CheckpointDirectory directory, long everySteps, int keepLatest) {
        if (keepLatest < 1) {
            throw new IllegalArgumentException("keepLatest must be >= 1, got " + keepLatest);
        }
        this.directory = directory;
        this.interval = new StepInterval(everySteps, "everySteps");
        this.keepLatest = keepLatest;
    }

    @Override
    public void onTrainingStart(Trainer<?, ?> trainer) {
        interval.start(trainer.stepsDone());
        try {
            directory.deleteTemporaryFiles();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clean " + directory.dir() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public boolean onUpdate(Trainer<?, ?> trainer) {
        long steps = trainer.stepsDone();
        if (interval.due(steps)) {
            Path file = directory.fileFor(steps);
            try {
                trainer.saveCheckpoint(file);
                directory.keepLatest(keepLatest);
            } catch (IOException e) {
                throw new UncheckedIOException("checkpoint at step " + steps + " to " + file + ": " + e.getMessage(), e);
            }
            LOG.info("saved checkpoint {}", file);
        }
        return true;
    }
}

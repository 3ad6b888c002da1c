package io.github.jrl.core.callbacks;

import io.github.jrl.core.train.Trainer;
import java.io.IOException;
import java.nio.file.Path;

/** Saves what a trainer has learned so far, e.g. when {@link EvalCallback} finds a new best model. */
@FunctionalInterface
public interface ModelSaver {

    void save(Trainer<?, ?> trainer) throws IOException;

    /** Saves a full checkpoint to {@code file} ({@link Trainer#saveCheckpoint}), replacing it atomically. */
    static ModelSaver checkpointTo(Path file) {
        return trainer -> trainer.saveCheckpoint(file);
    }
}

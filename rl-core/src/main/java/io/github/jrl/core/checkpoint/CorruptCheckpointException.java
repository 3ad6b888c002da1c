package io.github.jrl.core.checkpoint;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A checkpoint file that cannot be loaded: truncated, corrupted, of an unknown format version,
 * or lacking what its reader needs. Nothing of such a file is ever returned.
 */
public final class CorruptCheckpointException extends IOException {

    private final Path file;
    private final String problem;

    public CorruptCheckpointException(Path file, String problem) {
        this(file, problem, null);
    }

    public CorruptCheckpointException(Path file, String problem, Throwable cause) {
        super("invalid checkpoint " + file + ": " + problem, cause);
        this.file = file;
        this.problem = problem;
    }

    /** The file that was refused. */
    public Path file() {
        return file;
    }

    /** What is wrong with it, without the file name. */
    public String problem() {
        return problem;
    }
}

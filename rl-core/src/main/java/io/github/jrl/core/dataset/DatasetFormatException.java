package io.github.jrl.core.dataset;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A dataset file that cannot be read as the Minari layout: not HDF5, truncated or corrupt, or a
 * group, dataset or attribute missing, of the wrong shape or type, or episodes whose arrays
 * disagree on their length. The message names the file, the episode (or the root) and what was
 * expected.
 */
public final class DatasetFormatException extends IOException {

    private static final long serialVersionUID = 1L;

    /** {@link #episode()} of a problem with the file as a whole or its root attributes. */
    public static final int ROOT = -1;

    private final transient Path file;
    private final int episode;

    public DatasetFormatException(Path file, int episode, String problem) {
        super(file + ", " + (episode == ROOT ? "root" : "episode_" + episode) + ": " + problem);
        this.file = file;
        this.episode = episode;
    }

    public DatasetFormatException(Path file, int episode, String problem, Throwable cause) {
        this(file, episode, problem);
        initCause(cause);
    }

    public Path file() {
        return file;
    }

    /** The episode the problem is in, or {@link #ROOT}. */
    public int episode() {
        return episode;
    }
}

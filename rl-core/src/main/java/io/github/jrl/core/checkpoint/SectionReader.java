package io.github.jrl.core.checkpoint;

import java.io.DataInputStream;
import java.io.IOException;

/**
 * Reads one section's content, e.g. {@code RunningMeanStd.Snapshot::readFrom}; it must consume
 * the section exactly (see {@link Checkpoint#read(String, SectionReader)}).
 *
 * @param <T> what the section decodes to
 */
@FunctionalInterface
public interface SectionReader<T> {
    T read(DataInputStream in) throws IOException;
}

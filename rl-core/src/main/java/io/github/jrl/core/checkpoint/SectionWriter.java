package io.github.jrl.core.checkpoint;

import java.io.DataOutputStream;
import java.io.IOException;

/** Writes one section's content, e.g. {@code RunningMeanStd.Snapshot::writeTo}. */
@FunctionalInterface
public interface SectionWriter {
    void write(DataOutputStream out) throws IOException;
}

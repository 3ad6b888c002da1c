package io.github.jrl.core.checkpoint;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A file that appears complete or not at all: content goes to a temporary file in the target's
 * directory, and {@link #commit()} forces it to disk, renames it over the target with
 * {@link StandardCopyOption#ATOMIC_MOVE} and forces the directory entry too (the sequence
 * SQLite's and Lucene's commits use). A process killed at any point leaves either the old
 * target or the new one, plus at worst a stray temporary file that no reader takes for the
 * target: its name is {@code .<target name>.<random>.tmp} ({@link #isTemporary}).
 *
 * <p>Closing without committing deletes the temporary file, so try-with-resources aborts the
 * write when the content throws.
 */
public final class AtomicFile implements Closeable {

    private static final Logger LOG = LoggerFactory.getLogger(AtomicFile.class);
    private static final String TEMPORARY_SUFFIX = ".tmp";

    /** Writes a file's whole content to a stream. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private final Path target;
    private final Path temporary;
    private final FileChannel channel;
    private final OutputStream out;
    private boolean committed;
    private boolean closed;

    private AtomicFile(Path target, Path temporary, FileChannel channel) {
        this.target = target;
        this.temporary = temporary;
        this.channel = channel;
        this.out = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16);
    }

    /** Starts writing {@code target}; nothing is visible under that name until {@link #commit()}. */
    public static AtomicFile create(Path target) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path dir = absolute.getParent();
        Files.createDirectories(dir);
        Path temporary = dir.resolve("." + absolute.getFileName() + "."
                + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36) + TEMPORARY_SUFFIX);
        FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        return new AtomicFile(absolute, temporary, channel);
    }

    /** Writes {@code target} atomically with {@code content}. */
    public static void write(Path target, Content content) throws IOException {
        try (AtomicFile file = create(target)) {
            content.writeTo(file.stream());
            file.commit();
        }
    }

    /** Whether {@code file} is the temporary file of an uncommitted (possibly interrupted) write. */
    public static boolean isTemporary(Path file) {
        String name = file.getFileName().toString();
        return name.startsWith(".") && name.endsWith(TEMPORARY_SUFFIX);
    }

    /** The stream to write the content to; closing it is not needed (nor harmful). */
    public OutputStream stream() {
        return out;
    }

    /** Makes the content durable and visible under the target name, replacing any previous file. */
    public void commit() throws IOException {
        if (closed) {
            throw new IllegalStateException("already " + (committed ? "committed" : "aborted") + ": " + target);
        }
        out.flush();
        channel.force(true);
        channel.close();
        try {
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("cannot replace " + target + " atomically on this file system: " + e.getMessage(), e);
        }
        committed = true;
        closed = true;
        forceDirectory(target.getParent());
    }

    /** Aborts the write (deleting the temporary file) unless it was committed. */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            channel.close();
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /**
     * Makes the rename durable (POSIX needs an fsync of the directory for that). Windows cannot
     * open a directory as a channel; there the rename's durability is left to the file system.
     */
    private static void forceDirectory(Path dir) {
        try (FileChannel directory = FileChannel.open(dir, StandardOpenOption.READ)) {
            directory.force(true);
        } catch (IOException e) {
            LOG.debug("cannot fsync directory {} on this platform: {}", dir, e.toString());
        }
    }
}

package io.github.jrl.core.checkpoint;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.zip.CRC32C;
import java.util.zip.CheckedOutputStream;

/**
 * Writes a checkpoint file ({@link CheckpointFormat}) section by section, atomically: nothing
 * appears under the file's name until {@link #commit()}, which also replaces an older file of
 * that name in one step. Closing without committing (an exception while writing a section, a
 * kill) leaves the previous file as it was.
 *
 * <pre>{@code
 * try (CheckpointWriter w = CheckpointWriter.create(dir.resolve("step-2048.ckpt"))) {
 *     w.section(Checkpoint.PARAMS, params);
 *     w.section(Checkpoint.NORMALIZATION, obsRms.snapshot()::writeTo);
 *     w.commit();
 * }
 * }</pre>
 */
public final class CheckpointWriter implements Closeable {

    private final Path file;
    private final AtomicFile atomic;
    private final CRC32C crc = new CRC32C();
    private final DataOutputStream out;
    private final Set<String> names = new HashSet<>();
    private boolean finished;

    private CheckpointWriter(Path file, AtomicFile atomic) {
        this.file = file;
        this.atomic = atomic;
        this.out = new DataOutputStream(new CheckedOutputStream(atomic.stream(), crc));
    }

    /** Starts a checkpoint that will replace {@code file} on {@link #commit()}. */
    public static CheckpointWriter create(Path file) throws IOException {
        CheckpointWriter writer = new CheckpointWriter(file, AtomicFile.create(file));
        try {
            writer.out.write(CheckpointFormat.MAGIC);
            writer.out.writeInt(CheckpointFormat.VERSION);
        } catch (IOException e) {
            writer.close();
            throw e;
        }
        return writer;
    }

    /** Adds section {@code name} holding {@code data}. */
    public CheckpointWriter section(String name, byte[] data) throws IOException {
        writeSection(checkName(name), data);
        return this;
    }

    /** Adds section {@code name} with what {@code content} writes (buffered, to learn its length). */
    public CheckpointWriter section(String name, SectionWriter content) throws IOException {
        byte[] nameBytes = checkName(name);
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        DataOutputStream data = new DataOutputStream(buffer);
        content.write(data);
        data.flush();
        writeSection(nameBytes, buffer.toByteArray());
        return this;
    }

    private void writeSection(byte[] name, byte[] data) throws IOException {
        out.writeByte(CheckpointFormat.SECTION_MARKER);
        out.writeShort(name.length);
        out.write(name);
        out.writeLong(data.length);
        out.write(data);
    }

    private byte[] checkName(String name) {
        requireOpen();
        if (!CheckpointFormat.SECTION_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("section name must be 1 to 128 characters of letters, digits and _ . - /, got '"
                    + name + "'");
        }
        if (!names.add(name)) {
            throw new IllegalArgumentException("section '" + name + "' was already written to " + file);
        }
        return name.getBytes(StandardCharsets.US_ASCII);
    }

    private void requireOpen() {
        if (finished) {
            throw new IllegalStateException("checkpoint " + file + " was already committed or aborted");
        }
    }

    /** Ends the file with its checksum and makes it visible, durable, under its name. */
    public void commit() throws IOException {
        requireOpen();
        out.writeByte(CheckpointFormat.END_MARKER);
        // the CRC covers every byte written so far; writing it through the checked stream updates the CRC afterwards
        out.writeInt((int) crc.getValue());
        out.flush();
        atomic.commit();
        finished = true;
    }

    /** Aborts the checkpoint unless it was committed; the previous file of that name stays. */
    @Override
    public void close() throws IOException {
        finished = true;
        atomic.close();
    }
}

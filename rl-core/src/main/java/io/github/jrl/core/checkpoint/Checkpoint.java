package io.github.jrl.core.checkpoint;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.zip.CRC32C;
import java.util.zip.CheckedInputStream;

/**
 * A checkpoint read back from a file written by {@link CheckpointWriter}: named binary sections,
 * in the order they were written. {@link #read(Path)} verifies the whole file (magic, format
 * version, structure, CRC-32C, nothing after the checksum) before returning anything, so a
 * truncated or corrupted file is refused with a {@link CorruptCheckpointException}, never loaded
 * half-way.
 *
 * <p>The conventional section names below are what a trainer stores to continue a run exactly;
 * each algorithm documents the content of its sections.
 */
public final class Checkpoint {

    /** The resolved configuration of the run. */
    public static final String CONFIG = "config";
    /** Network parameters. */
    public static final String PARAMS = "params";
    /** Optimiser state (moments, step counts). */
    public static final String OPTIMIZER = "optimizer";
    /** States of the random-number generators ({@code Rng.state()}). */
    public static final String RNG = "rng";
    /** Step, update and episode counters, schedule positions. */
    public static final String COUNTERS = "counters";
    /** Observation and reward normalisation statistics. */
    public static final String NORMALIZATION = "normalization";
    /**
     * The environments' {@link Stateful} state (every copy's generator, simulator state and
     * wrappers, the vector env's observations, its normalisation statistics), for an exact resume.
     */
    public static final String ENV = "env";
    /** The replay buffer of an off-policy algorithm. */
    public static final String REPLAY = "replay";

    private final Path file;
    private final Map<String, byte[]> sections;

    private Checkpoint(Path file, Map<String, byte[]> sections) {
        this.file = file;
        this.sections = sections;
    }

    /**
     * Reads and verifies {@code file}.
     *
     * @throws CorruptCheckpointException naming the file and the problem if it is not a complete,
     *         intact checkpoint of a supported version
     * @throws java.nio.file.NoSuchFileException if there is no such file
     */
    public static Checkpoint read(Path file) throws IOException {
        long size = Files.size(file);
        CRC32C crc = new CRC32C();
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            Parser parser = new Parser(file, size, new DataInputStream(new CheckedInputStream(raw, crc)));
            Map<String, byte[]> sections = parser.parse();
            long expected = crc.getValue();
            long stored = parser.readChecksum();
            if (stored != expected) {
                throw new CorruptCheckpointException(file, String.format(
                        "checksum mismatch: stored CRC-32C %08x, content has %08x (the file was altered or damaged)",
                        stored, expected));
            }
            if (parser.position != size) {
                throw new CorruptCheckpointException(file, (size - parser.position)
                        + " bytes after the checksum (expected the file to end at byte " + parser.position + ")");
            }
            return new Checkpoint(file, Collections.unmodifiableMap(sections));
        } catch (EOFException e) {
            throw new CorruptCheckpointException(file, "the file shrank while it was read", e);
        }
    }

    /** The file this checkpoint was read from. */
    public Path file() {
        return file;
    }

    /** The section names, in the order they were written. */
    public Set<String> sectionNames() {
        return sections.keySet();
    }

    public boolean has(String name) {
        return sections.containsKey(name);
    }

    /** A copy of section {@code name}'s bytes. */
    public byte[] bytes(String name) throws CorruptCheckpointException {
        return require(name).clone();
    }

    /**
     * Checks that the run that wrote this checkpoint had the configuration whose text (the
     * {@link #CONFIG} section, e.g. a config record's {@code toString()}) is {@code config}.
     *
     * @throws IllegalArgumentException naming both configurations if they differ
     * @throws CorruptCheckpointException if there is no config section
     */
    public void requireConfig(String config) throws CorruptCheckpointException {
        String saved = new String(require(CONFIG), StandardCharsets.UTF_8);
        if (!saved.equals(config)) {
            throw new IllegalArgumentException("checkpoint " + file + " was written by a run with\n  " + saved
                    + "\nbut this run has\n  " + config);
        }
    }

    /**
     * Decodes section {@code name} with {@code reader}, which must consume it exactly.
     *
     * @throws CorruptCheckpointException if the section is missing, the reader fails on it, or
     *         bytes are left over (the section was written by something else)
     */
    public <T> T read(String name, SectionReader<T> reader) throws CorruptCheckpointException {
        byte[] data = require(name);
        ByteArrayInputStream bytes = new ByteArrayInputStream(data);
        T value;
        try {
            value = reader.read(new DataInputStream(bytes));
        } catch (IOException | IllegalArgumentException e) {
            throw new CorruptCheckpointException(file, "section '" + name + "' cannot be decoded: " + e.getMessage(), e);
        }
        if (bytes.available() > 0) {
            throw new CorruptCheckpointException(file, "section '" + name + "' has " + bytes.available()
                    + " bytes left after decoding its " + data.length + " (written in another format?)");
        }
        return value;
    }

    private byte[] require(String name) throws CorruptCheckpointException {
        byte[] data = sections.get(name);
        if (data == null) {
            throw new CorruptCheckpointException(file, "no section '" + name + "'; it has " + sections.keySet());
        }
        return data;
    }

    /** Reads the structure, checking every length against the bytes the file still has. */
    private static final class Parser {

        private final Path file;
        private final long size;
        private final DataInputStream in;
        private long position;

        Parser(Path file, long size, DataInputStream in) {
            this.file = file;
            this.size = size;
            this.in = in;
        }

        Map<String, byte[]> parse() throws IOException {
            byte[] magic = bytes(CheckpointFormat.MAGIC.length, "the magic number");
            if (!Arrays.equals(magic, CheckpointFormat.MAGIC)) {
                throw corrupt("not a jrl checkpoint: magic number " + hex(magic) + ", expected "
                        + hex(CheckpointFormat.MAGIC));
            }
            require(4, "the format version");
            int version = in.readInt();
            position += 4;
            if (version != CheckpointFormat.VERSION) {
                throw corrupt("format version " + version + ", but this reader reads version " + CheckpointFormat.VERSION
                        + (version > CheckpointFormat.VERSION ? " (written by a newer jrl)" : ""));
            }
            Map<String, byte[]> sections = new LinkedHashMap<>();
            while (true) {
                require(1, "a section marker or the end marker");
                int marker = in.readUnsignedByte();
                position++;
                if (marker == CheckpointFormat.END_MARKER) {
                    return sections;
                }
                if (marker != CheckpointFormat.SECTION_MARKER) {
                    throw corrupt("byte " + marker + " at offset " + (position - 1)
                            + " is neither a section marker nor the end marker");
                }
                require(2, "a section name length");
                int nameLength = in.readUnsignedShort();
                position += 2;
                String name = new String(bytes(nameLength, "a section name of " + nameLength + " bytes"),
                        StandardCharsets.US_ASCII);
                if (!CheckpointFormat.SECTION_NAME.matcher(name).matches()) {
                    throw corrupt("invalid section name '" + name + "' at offset " + (position - nameLength));
                }
                require(8, "the length of section '" + name + "'");
                long length = in.readLong();
                position += 8;
                if (length < 0 || length > CheckpointFormat.MAX_SECTION_BYTES) {
                    throw corrupt("section '" + name + "' claims " + length + " bytes");
                }
                byte[] data = bytes((int) length, "the " + length + " bytes of section '" + name + "'");
                if (sections.put(name, data) != null) {
                    throw corrupt("section '" + name + "' appears twice");
                }
            }
        }

        long readChecksum() throws IOException {
            require(4, "the checksum");
            long checksum = in.readInt() & 0xFFFFFFFFL;
            position += 4;
            return checksum;
        }

        private byte[] bytes(int count, String what) throws IOException {
            require(count, what);
            byte[] b = new byte[count];
            in.readFully(b);
            position += count;
            return b;
        }

        /** Refuses before allocating or reading if the file is too short for {@code what}. */
        private void require(long count, String what) throws CorruptCheckpointException {
            if (size - position < count) {
                throw corrupt("truncated: expected " + what + " at offset " + position + ", but the file ends at byte "
                        + size);
            }
        }

        private CorruptCheckpointException corrupt(String problem) {
            return new CorruptCheckpointException(file, problem);
        }

        private static String hex(byte[] bytes) {
            StringBuilder s = new StringBuilder();
            for (byte b : bytes) {
                s.append(String.format("%02x", b & 0xFF));
            }
            return s.toString();
        }
    }
}

package io.github.jrl.core.checkpoint;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.jrl.core.random.Rng;
import io.github.jrl.core.stats.RunningMeanStd;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointTest {

    @TempDir
    Path dir;

    private static RunningMeanStd statistics() {
        RunningMeanStd rms = new RunningMeanStd(3);
        rms.update(new float[] {1, 2, 3, 4, 5, 7}, 0, 2);
        return rms;
    }

    /** A small checkpoint with the sections a trainer writes. */
    private Path writeSample(Path file, Rng rng) throws IOException {
        try (CheckpointWriter writer = CheckpointWriter.create(file)) {
            writer.section(Checkpoint.CONFIG, "{\"lr\":3e-4}".getBytes(StandardCharsets.UTF_8))
                    .section(Checkpoint.NORMALIZATION, statistics().snapshot()::writeTo)
                    .section(Checkpoint.RNG, out -> {
                        for (long word : rng.state()) {
                            out.writeLong(word);
                        }
                    })
                    .section("params/actor", new byte[0]);
            writer.commit();
        }
        return file;
    }

    private static long[] readRngState(java.io.DataInputStream in) throws IOException {
        long[] state = new long[6];
        for (int i = 0; i < state.length; i++) {
            state[i] = in.readLong();
        }
        return state;
    }

    @Test
    void roundTripsSectionsInOrder() throws IOException {
        Rng rng = new Rng(42);
        rng.nextGaussian(); // leaves a cached Gaussian in the state
        Path file = writeSample(dir.resolve("a.ckpt"), rng);

        Checkpoint checkpoint = Checkpoint.read(file);
        assertEquals(List.of("config", "normalization", "rng", "params/actor"), List.copyOf(checkpoint.sectionNames()));
        assertEquals("{\"lr\":3e-4}", new String(checkpoint.bytes(Checkpoint.CONFIG), StandardCharsets.UTF_8));
        assertEquals(statistics().snapshot(), checkpoint.read(Checkpoint.NORMALIZATION, RunningMeanStd.Snapshot::readFrom));
        Rng restored = Rng.fromState(checkpoint.read(Checkpoint.RNG, CheckpointTest::readRngState));
        for (int i = 0; i < 10; i++) {
            assertEquals(rng.nextGaussian(), restored.nextGaussian(), "the restored generator continues the stream");
        }
        assertArrayEquals(new byte[0], checkpoint.bytes("params/actor"));
        assertFalse(checkpoint.has(Checkpoint.REPLAY));
    }

    @Test
    void everyTruncationIsRefused() throws IOException {
        byte[] full = Files.readAllBytes(writeSample(dir.resolve("full.ckpt"), new Rng(1)));
        Path cut = dir.resolve("cut.ckpt");
        for (int length = 0; length < full.length; length++) {
            Files.write(cut, Arrays.copyOf(full, length));
            CorruptCheckpointException e = assertThrows(CorruptCheckpointException.class, () -> Checkpoint.read(cut),
                    "truncated to " + length + " of " + full.length + " bytes");
            assertEquals(cut, e.file());
            assertTrue(e.getMessage().contains(cut.toString()) && e.getMessage().contains("truncated"), e.getMessage());
        }
    }

    @Test
    void everyDamagedByteIsRefused() throws IOException {
        byte[] full = Files.readAllBytes(writeSample(dir.resolve("full.ckpt"), new Rng(1)));
        Path damaged = dir.resolve("damaged.ckpt");
        Rng rng = new Rng(7);
        for (int i = 0; i < full.length; i++) {
            byte[] bytes = full.clone();
            bytes[i] ^= (byte) (1 << rng.nextInt(8)); // one flipped bit
            Files.write(damaged, bytes);
            assertThrows(CorruptCheckpointException.class, () -> Checkpoint.read(damaged), "bit flipped in byte " + i);
            bytes[i] = (byte) ~full[i]; // a whole byte inverted
            Files.write(damaged, bytes);
            assertThrows(CorruptCheckpointException.class, () -> Checkpoint.read(damaged), "byte " + i + " inverted");
        }
    }

    @Test
    void namesWhatIsWrong() throws IOException {
        byte[] full = Files.readAllBytes(writeSample(dir.resolve("full.ckpt"), new Rng(1)));
        Path file = dir.resolve("x.ckpt");

        Files.write(file, "not a checkpoint at all".getBytes(StandardCharsets.UTF_8));
        assertProblem(file, "not a jrl checkpoint: magic number");

        byte[] future = full.clone();
        ByteBuffer.wrap(future).putInt(8, 2);
        Files.write(file, future);
        assertProblem(file, "format version 2, but this reader reads version 1 (written by a newer jrl)");

        byte[] damaged = full.clone();
        damaged[30] ^= 1; // inside the data of section "config" (bytes 29 to 39)
        Files.write(file, damaged);
        assertProblem(file, "checksum mismatch");

        Files.write(file, concat(full, new byte[] {0}));
        assertProblem(file, "1 bytes after the checksum");

        byte[] huge = full.clone();
        int lengthOffset = 8 + 4 + 1 + 2 + "config".length();
        ByteBuffer.wrap(huge).putLong(lengthOffset, Long.MAX_VALUE);
        Files.write(file, huge);
        assertProblem(file, "section 'config' claims " + Long.MAX_VALUE + " bytes");
    }

    private static void assertProblem(Path file, String expected) {
        CorruptCheckpointException e = assertThrows(CorruptCheckpointException.class, () -> Checkpoint.read(file));
        assertTrue(e.problem().contains(expected), e.getMessage());
        assertTrue(e.getMessage().startsWith("invalid checkpoint " + file + ": "), e.getMessage());
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] c = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

    @Test
    void sectionReadersMustFindTheirSectionAndConsumeItExactly() throws IOException {
        Checkpoint checkpoint = Checkpoint.read(writeSample(dir.resolve("a.ckpt"), new Rng(1)));
        CorruptCheckpointException missing = assertThrows(CorruptCheckpointException.class,
                () -> checkpoint.bytes(Checkpoint.REPLAY));
        assertTrue(missing.problem().contains("no section 'replay'; it has [config, normalization, rng, params/actor]"),
                missing.problem());
        CorruptCheckpointException leftOver = assertThrows(CorruptCheckpointException.class,
                () -> checkpoint.read(Checkpoint.RNG, in -> in.readLong()));
        assertTrue(leftOver.problem().contains("section 'rng' has 40 bytes left"), leftOver.problem());
        CorruptCheckpointException undecodable = assertThrows(CorruptCheckpointException.class,
                () -> checkpoint.read(Checkpoint.CONFIG, RunningMeanStd.Snapshot::readFrom));
        assertTrue(undecodable.problem().startsWith("section 'config' cannot be decoded"), undecodable.problem());
    }

    @Test
    void aCommitReplacesTheOldFileAndAnAbortLeavesIt() throws IOException {
        Path file = dir.resolve("c.ckpt");
        try (CheckpointWriter writer = CheckpointWriter.create(file)) {
            writer.section("v", new byte[] {1}).commit();
        }
        try (CheckpointWriter writer = CheckpointWriter.create(file)) {
            writer.section("v", new byte[] {2});
            assertThrows(IOException.class, () -> writer.section("w", out -> {
                throw new IOException("serialiser failed");
            }));
        }
        assertArrayEquals(new byte[] {1}, Checkpoint.read(file).bytes("v"), "the aborted write left the old file");
        try (CheckpointWriter writer = CheckpointWriter.create(file)) {
            writer.section("v", new byte[] {3}).commit();
        }
        assertArrayEquals(new byte[] {3}, Checkpoint.read(file).bytes("v"));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(file), files.toList(), "no temporary file is left behind");
        }
    }

    @Test
    void theWriterRefusesBadSectionNamesDuplicatesAndUseAfterCommit() throws IOException {
        try (CheckpointWriter writer = CheckpointWriter.create(dir.resolve("d.ckpt"))) {
            assertThrows(IllegalArgumentException.class, () -> writer.section("", new byte[0]));
            assertThrows(IllegalArgumentException.class, () -> writer.section("has space", new byte[0]));
            assertThrows(IllegalArgumentException.class, () -> writer.section("x".repeat(129), new byte[0]));
            writer.section("a", new byte[0]);
            IllegalArgumentException duplicate = assertThrows(IllegalArgumentException.class,
                    () -> writer.section("a", new byte[0]));
            assertTrue(duplicate.getMessage().contains("'a' was already written"));
            writer.commit();
            assertThrows(IllegalStateException.class, () -> writer.section("b", new byte[0]));
            assertThrows(IllegalStateException.class, writer::commit);
        }
    }
}

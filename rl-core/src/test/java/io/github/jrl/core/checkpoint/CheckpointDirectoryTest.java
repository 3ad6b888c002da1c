package io.github.jrl.core.checkpoint;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointDirectoryTest {

    @TempDir
    Path root;

    private static void save(CheckpointDirectory checkpoints, long step) throws IOException {
        try (CheckpointWriter writer = CheckpointWriter.create(checkpoints.fileFor(step))) {
            writer.section(Checkpoint.COUNTERS, out -> out.writeLong(step)).commit();
        }
    }

    private static void truncate(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(bytes, bytes.length - 1));
    }

    @Test
    void listsCheckpointFilesByNumericStepAndIgnoresOtherFiles() throws IOException {
        CheckpointDirectory checkpoints = new CheckpointDirectory(root.resolve("checkpoints"));
        assertEquals(List.of(), checkpoints.entries(), "a missing directory has no checkpoints");
        for (long step : new long[] {9, 10, 100}) {
            save(checkpoints, step);
        }
        Files.writeString(checkpoints.dir().resolve("best.ckpt"), "");
        Files.writeString(checkpoints.dir().resolve("step-x.ckpt"), "");
        Files.writeString(checkpoints.dir().resolve(".step-200.ckpt.abc.tmp"), "");
        assertEquals(List.of(new CheckpointDirectory.Entry(9, checkpoints.fileFor(9)),
                new CheckpointDirectory.Entry(10, checkpoints.fileFor(10)),
                new CheckpointDirectory.Entry(100, checkpoints.fileFor(100))), checkpoints.entries());
        assertEquals("step-100.ckpt", checkpoints.fileFor(100).getFileName().toString());
    }

    @Test
    void latestValidSkipsAndReportsDamagedNewerFiles() throws IOException {
        CheckpointDirectory checkpoints = new CheckpointDirectory(root);
        assertEquals(Optional.empty(), checkpoints.latestValid());
        save(checkpoints, 1000);
        save(checkpoints, 2000);
        save(checkpoints, 3000);
        truncate(checkpoints.fileFor(3000));
        Files.write(checkpoints.fileFor(2000), new byte[] {1, 2, 3});

        CheckpointDirectory.Latest latest = checkpoints.latestValid().orElseThrow();
        assertEquals(1000, latest.step());
        assertEquals(1000L, latest.checkpoint().<Long>read(Checkpoint.COUNTERS, in -> in.readLong()));
        assertEquals(List.of(checkpoints.fileFor(3000), checkpoints.fileFor(2000)),
                latest.skipped().stream().map(CorruptCheckpointException::file).toList());
    }

    @Test
    void refusesToStartOverWhenEveryCheckpointIsDamaged() throws IOException {
        CheckpointDirectory checkpoints = new CheckpointDirectory(root);
        save(checkpoints, 1);
        save(checkpoints, 2);
        truncate(checkpoints.fileFor(1));
        truncate(checkpoints.fileFor(2));
        CorruptCheckpointException e = assertThrows(CorruptCheckpointException.class, checkpoints::latestValid);
        assertTrue(e.getMessage().contains("none of its 2 checkpoint files is valid"), e.getMessage());
        assertEquals(2, e.getSuppressed().length);
    }

    @Test
    void keepsTheNewestAndDeletesTemporaryFiles() throws IOException {
        CheckpointDirectory checkpoints = new CheckpointDirectory(root);
        for (long step = 1; step <= 5; step++) {
            save(checkpoints, step);
        }
        Path stray = root.resolve(".step-6.ckpt.k2j4.tmp");
        Files.write(stray, new byte[] {(byte) 0x89, 'J'});
        checkpoints.keepLatest(2);
        assertArrayEquals(new long[] {4, 5}, checkpoints.entries().stream().mapToLong(CheckpointDirectory.Entry::step).toArray());
        assertEquals(List.of(stray), checkpoints.deleteTemporaryFiles());
        assertTrue(Files.notExists(stray));
        assertThrows(IllegalArgumentException.class, () -> checkpoints.keepLatest(0));
    }
}

package io.github.jrl.core.checkpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills (SIGKILL on POSIX) a separate JVM in the middle of writing a large checkpoint and shows
 * that the previous checkpoint still loads and the partial file is never taken for a checkpoint.
 */
class CheckpointKillTest {

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void aKillDuringAWriteLeavesThePreviousCheckpointLoadable() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(java.toString(), "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                CheckpointWriterProcess.class.getName(), dir.toString()).redirectErrorStream(true).start();
        try {
            BufferedReader output = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            List<String> seen = new ArrayList<>();
            for (String line = output.readLine(); !"WRITING".equals(line); line = output.readLine()) {
                assertNotEquals(null, line, "the writer process ended before writing step 2: " + seen);
                seen.add(line);
            }
            assertTrue(seen.contains("READY"), seen.toString());
            Path partial = awaitTemporaryFileOfAtLeast(4L << 20);
            process.destroyForcibly();
            assertTrue(process.waitFor(10, TimeUnit.SECONDS));
            assertNotEquals(0, process.exitValue(), "the writer was killed, not finished");

            CheckpointDirectory checkpoints = new CheckpointDirectory(dir);
            assertTrue(Files.notExists(checkpoints.fileFor(2)), "the interrupted checkpoint never got its name");
            assertTrue(Files.size(partial) < (long) CheckpointWriterProcess.SECTIONS * CheckpointWriterProcess.SECTION_BYTES);
            CorruptCheckpointException refused = assertThrows(CorruptCheckpointException.class, () -> Checkpoint.read(partial));
            assertTrue(refused.problem().startsWith("truncated"), refused.problem());

            CheckpointDirectory.Latest latest = checkpoints.latestValid().orElseThrow();
            assertEquals(1, latest.step());
            assertEquals(1L, latest.checkpoint().<Long>read(Checkpoint.COUNTERS, in -> in.readLong()));
            assertEquals(List.of(), latest.skipped());
            assertEquals(List.of(partial), checkpoints.deleteTemporaryFiles());
        } finally {
            process.destroyForcibly();
        }
    }

    /** Waits until the writer's temporary file holds at least {@code bytes}, so the kill is mid-file. */
    private Path awaitTemporaryFileOfAtLeast(long bytes) throws IOException, InterruptedException {
        while (true) {
            try (Stream<Path> files = Files.list(dir)) {
                for (Path file : files.filter(AtomicFile::isTemporary).toList()) {
                    if (Files.size(file) >= bytes) {
                        return file;
                    }
                }
            }
            Thread.sleep(5);
        }
    }
}

package io.github.jrl.algorithms.ppo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.jrl.core.checkpoint.AtomicFile;
import io.github.jrl.core.checkpoint.Checkpoint;
import io.github.jrl.core.checkpoint.CheckpointDirectory;
import io.github.jrl.core.checkpoint.CorruptCheckpointException;
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
 * Kills (SIGKILL on POSIX) a JVM training PPO while it writes a checkpoint, then shows that the
 * previous checkpoint loads, the partial file is never taken for a checkpoint, and the run
 * resumed from it reaches the same parameters as a run that was never killed.
 */
class PpoKillTest {

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aRunKilledWhileCheckpointingResumesFromThePreviousCheckpoint() throws Exception {
        long rollout = PpoTrainingProcess.config().rolloutSize();
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(java.toString(), "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                PpoTrainingProcess.class.getName(), dir.toString()).redirectErrorStream(true).start();
        try {
            List<String> seen = awaitLineStartingWith(process, "WRITING");
            assertTrue(seen.contains("SAVED " + rollout), seen.toString());
            process.destroyForcibly();
            assertTrue(process.waitFor(10, TimeUnit.SECONDS));
            assertNotEquals(0, process.exitValue(), "the training process was killed, not finished");
            Path partial;
            try (Stream<Path> files = Files.list(dir)) {
                partial = files.filter(AtomicFile::isTemporary).findFirst().orElseThrow();
            }
            assertTrue(Files.size(partial) >= 1 << 20, "the kill came in the middle of the checkpoint");

            CheckpointDirectory checkpoints = new CheckpointDirectory(dir);
            assertTrue(Files.notExists(checkpoints.fileFor(2 * rollout)), "the interrupted checkpoint never got its name");
            CorruptCheckpointException refused = assertThrows(CorruptCheckpointException.class, () -> Checkpoint.read(partial));
            assertTrue(refused.problem().startsWith("truncated"), refused.problem());
            CheckpointDirectory.Latest latest = checkpoints.latestValid().orElseThrow();
            assertEquals(rollout, latest.step());
            assertEquals(List.of(), latest.skipped());

            Ppo resumed = Ppo.resume(PpoTrainingProcess.config(), PpoTrainingProcess::env, latest.checkpoint());
            resumed.learn(PpoTrainingProcess.TOTAL_STEPS);
            Ppo uninterrupted = new Ppo(PpoTrainingProcess.config(), PpoTrainingProcess::env);
            uninterrupted.learn(PpoTrainingProcess.TOTAL_STEPS);
            assertArrayEquals(io.github.jrl.nd4j.Buffers.toArray(uninterrupted.model().parameters().params()),
                    io.github.jrl.nd4j.Buffers.toArray(resumed.model().parameters().params()));
        } finally {
            process.destroyForcibly();
        }
    }

    /** The process's output up to the first line starting with {@code prefix}. */
    private static List<String> awaitLineStartingWith(Process process, String prefix) throws IOException {
        BufferedReader output = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        List<String> seen = new ArrayList<>();
        for (String line = output.readLine(); line == null || !line.startsWith(prefix); line = output.readLine()) {
            assertNotEquals(null, line, "the training process ended before " + prefix + ": " + seen);
            seen.add(line);
        }
        return seen;
    }
}

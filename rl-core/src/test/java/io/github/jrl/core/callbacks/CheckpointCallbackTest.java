package io.github.jrl.core.callbacks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.jrl.core.checkpoint.CheckpointDirectory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointCallbackTest {

    @TempDir
    Path run;

    @Test
    void savesEveryNStepsKeepingTheNewestAndCleansInterruptedWrites() throws IOException {
        CheckpointDirectory checkpoints = new CheckpointDirectory(run.resolve("checkpoints"));
        Files.createDirectories(checkpoints.dir());
        Path stray = checkpoints.dir().resolve(".step-99.ckpt.x1.tmp");
        Files.write(stray, new byte[10]);
        FakeTrainer trainer = new FakeTrainer(0, 2048, Walkers.always(1));

        trainer.learn(16384, new CheckpointCallback(checkpoints, 4096, 2));

        assertEquals(List.of(checkpoints.fileFor(4096), checkpoints.fileFor(8192), checkpoints.fileFor(12288),
                checkpoints.fileFor(16384)), trainer.checkpointsSaved);
        assertEquals(List.of(12288L, 16384L), checkpoints.entries().stream().map(CheckpointDirectory.Entry::step).toList());
        assertEquals(16384, FakeTrainer.savedStep(checkpoints.fileFor(16384)));
        assertTrue(Files.notExists(stray));
    }

    @Test
    void aResumedRunSavesAtTheNextMultiple() throws IOException {
        CheckpointDirectory checkpoints = new CheckpointDirectory(run);
        FakeTrainer trainer = new FakeTrainer(5000, 1000, Walkers.always(1));
        trainer.learn(9000, new CheckpointCallback(checkpoints, 4000));
        assertEquals(List.of(checkpoints.fileFor(8000)), trainer.checkpointsSaved);
    }

    @Test
    void refusesInvalidSettings() {
        CheckpointDirectory checkpoints = new CheckpointDirectory(run);
        assertThrows(IllegalArgumentException.class, () -> new CheckpointCallback(checkpoints, 0));
        assertThrows(IllegalArgumentException.class, () -> new CheckpointCallback(checkpoints, 10, 0));
    }
}

package io.github.jrl.core.callbacks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.jrl.core.metrics.JsonLinesSink;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MetricsCallbackTest {

    @TempDir
    Path run;

    @Test
    void writesEachUpdatesMetricsAtItsStepAndFlushesAtTheEnd() throws IOException {
        Path file = run.resolve("metrics.jsonl");
        try (JsonLinesSink sink = new JsonLinesSink(file)) {
            FakeTrainer trainer = new FakeTrainer(0, 10, Walkers.always(1));
            trainer.metrics.put("train/loss", 1.5);
            trainer.learn(20, new MetricsCallback(sink));
            // flushed by onTrainingEnd, before the sink is closed
            assertEquals("{\"step\":10,\"train/loss\":1.5}\n{\"step\":20,\"train/loss\":1.5}\n", Files.readString(file));
        }
    }
}

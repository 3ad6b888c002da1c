package io.github.jrl.core.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonLinesSinkTest {

    @TempDir
    Path dir;

    @Test
    void writesOneSortedStrictJsonObjectPerWrite() throws IOException {
        Path file = dir.resolve("metrics.jsonl");
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("train/loss", Double.NaN);
        metrics.put("a\"b\\c", Double.POSITIVE_INFINITY);
        metrics.put("rollout/ep_rew_mean", 22.5);
        try (JsonLinesSink sink = new JsonLinesSink(file)) {
            sink.write(2048, metrics);
            sink.write(4096, Map.of());
            sink.write(4096, Map.of("x", 1e-7));
            // each line reaches the file as it is written, so a killed run keeps it
            assertEquals("""
                    {"step":2048,"a\\"b\\\\c":"Infinity","rollout/ep_rew_mean":22.5,"train/loss":"NaN"}
                    {"step":4096,"x":1.0E-7}
                    """, Files.readString(file));
        }
    }

    @Test
    void continuesAnExistingFileAfterDroppingAnInterruptedLine() throws IOException {
        Path file = dir.resolve("metrics.jsonl");
        Files.writeString(file, "{\"step\":1,\"a\":1.0}\n{\"step\":2,\"a\":", StandardOpenOption.CREATE_NEW);
        try (JsonLinesSink sink = new JsonLinesSink(file)) {
            sink.write(2, Map.of("a", 2.0));
        }
        assertEquals("{\"step\":1,\"a\":1.0}\n{\"step\":2,\"a\":2.0}\n", Files.readString(file));
    }

    @Test
    void refusesWritesAfterClose() throws IOException {
        JsonLinesSink sink = new JsonLinesSink(dir.resolve("m.jsonl"));
        sink.close();
        sink.close();
        assertThrows(IllegalStateException.class, () -> sink.write(1, Map.of("a", 1.0)));
    }
}

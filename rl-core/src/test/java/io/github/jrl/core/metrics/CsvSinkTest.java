package io.github.jrl.core.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvSinkTest {

    @TempDir
    Path dir;

    private String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }

    @Test
    void writesAHeaderThenOneRowPerWriteWithEmptyCellsForAbsentMetrics() throws IOException {
        Path file = dir.resolve("metrics.csv");
        try (CsvSink sink = new CsvSink(file)) {
            sink.write(100, Map.of("train/loss", 0.5, "rollout/ep_rew_mean", 10.0));
            sink.write(200, Map.of("train/loss", 0.25));
            // each row reaches the file as it is written, so a killed run keeps it
            assertEquals("step,rollout/ep_rew_mean,train/loss\n100,10.0,0.5\n200,,0.25\n", read(file));
        }
    }

    @Test
    void metricsAppearingLaterAddColumnsAndPadEarlierRows() throws IOException {
        Path file = dir.resolve("metrics.csv");
        try (CsvSink sink = new CsvSink(file)) {
            sink.write(1, Map.of("b", 1.0));
            sink.write(2, Map.of("b", 2.0, "eval/mean_reward", 5.0, "a", 0.5));
            sink.write(3, Map.of("b", 3.0));
        }
        assertEquals("step,b,a,eval/mean_reward\n1,1.0,,\n2,2.0,0.5,5.0\n3,3.0,,\n", read(file));
        try (var files = Files.list(dir)) {
            assertEquals(List.of(file), files.toList(), "the atomic rewrite leaves no temporary file");
        }
    }

    @Test
    void valuesRoundTripThroughTheReaderIncludingNonFiniteOnes() throws IOException {
        Path file = dir.resolve("metrics.csv");
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("nan", Double.NaN);
        metrics.put("inf", Double.NEGATIVE_INFINITY);
        metrics.put("tiny", 1e-300);
        metrics.put("third", 1.0 / 3);
        metrics.put("with,comma \"quoted\"", 7.0);
        try (CsvSink sink = new CsvSink(file)) {
            sink.write(5, metrics);
            sink.write(6, Map.of("tiny", 2.0));
        }
        MetricsCsv csv = MetricsCsv.read(file);
        assertEquals(List.of("inf", "nan", "third", "tiny", "with,comma \"quoted\""), csv.metricNames());
        for (String name : List.of("nan", "inf", "third", "with,comma \"quoted\"")) {
            assertArrayEquals(new long[] {5}, csv.series(name).steps(), "empty cells are not values");
            assertArrayEquals(new double[] {metrics.get(name)}, csv.series(name).values(), name);
        }
        assertArrayEquals(new long[] {5, 6}, csv.series("tiny").steps());
        assertArrayEquals(new double[] {1e-300, 2.0}, csv.series("tiny").values());
    }

    @Test
    void aReopenedFileIsContinuedAndAnInterruptedLastLineDropped() throws IOException {
        Path file = dir.resolve("metrics.csv");
        try (CsvSink sink = new CsvSink(file)) {
            sink.write(1, Map.of("a", 1.0));
        }
        Files.writeString(file, "2,2.", StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND); // killed mid-line
        try (CsvSink sink = new CsvSink(file)) {
            sink.write(2, Map.of("a", 2.0, "b", 3.0));
        }
        assertEquals("step,a,b\n1,1.0,\n2,2.0,3.0\n", read(file));
    }

    @Test
    void refusesReservedAndMalformedNames() throws IOException {
        try (CsvSink sink = new CsvSink(dir.resolve("m.csv"))) {
            IllegalArgumentException reserved = assertThrows(IllegalArgumentException.class,
                    () -> sink.write(1, Map.of("step", 1.0)));
            assertTrue(reserved.getMessage().contains("reserved"), reserved.getMessage());
            IllegalArgumentException control = assertThrows(IllegalArgumentException.class,
                    () -> sink.write(1, Map.of("a\nb", 1.0)));
            assertTrue(control.getMessage().contains("U+000A"), control.getMessage());
            assertThrows(IllegalArgumentException.class, () -> sink.write(1, Map.of(" ", 1.0)));
            assertThrows(IllegalArgumentException.class, () -> sink.write(-5, Map.of("a", 1.0)));
        }
        assertEquals("", read(dir.resolve("m.csv")), "nothing was written");
    }

    @Test
    void theReaderNamesTheFileLineAndProblem() throws IOException {
        Path file = dir.resolve("bad.csv");
        assertThrows(NoSuchFileException.class, () -> MetricsCsv.read(file));
        Files.writeString(file, "step,a\n1,1.0\n2,abc\n");
        IOException notANumber = assertThrows(IOException.class, () -> MetricsCsv.read(file));
        assertTrue(notANumber.getMessage().contains("line 3, column 'a': 'abc' is not a number"), notANumber.getMessage());
        Files.writeString(file, "time,a\n1,1.0\n");
        assertTrue(assertThrows(IOException.class, () -> MetricsCsv.read(file)).getMessage()
                .contains("first column must be 'step'"));
        Files.writeString(file, "step,a\n1,1.0,2.0\n");
        assertTrue(assertThrows(IOException.class, () -> MetricsCsv.read(file)).getMessage()
                .contains("line 2: 3 fields, but the header has 2"));
        Files.writeString(file, "");
        assertTrue(assertThrows(IOException.class, () -> MetricsCsv.read(file)).getMessage().contains("no header"));
        Files.writeString(file, "step,a\n1,1\n");
        IllegalArgumentException column = assertThrows(IllegalArgumentException.class,
                () -> MetricsCsv.read(file).series("rollout/ep_rew_mean"));
        assertTrue(column.getMessage().contains("no column 'rollout/ep_rew_mean'; its metrics are [a]"), column.getMessage());
    }
}

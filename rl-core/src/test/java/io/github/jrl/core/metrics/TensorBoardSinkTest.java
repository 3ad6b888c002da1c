package io.github.jrl.core.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TensorBoardSinkTest {

    private static final Clock CLOCK = Clock.fixed(Instant.ofEpochSecond(1_700_000_000L, 250_000_000), ZoneOffset.UTC);

    @TempDir
    Path dir;

    /** Splits a TFRecord file into its records, checking both CRCs of each. */
    static List<byte[]> records(Path file) throws IOException {
        ByteBuffer in = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        List<byte[]> records = new ArrayList<>();
        while (in.hasRemaining()) {
            byte[] lengthBytes = new byte[8];
            in.get(lengthBytes);
            assertEquals(TfRecord.maskedCrc32c(lengthBytes, 0, 8), in.getInt(), "length CRC of record " + records.size());
            byte[] data = new byte[(int) ByteBuffer.wrap(lengthBytes).order(ByteOrder.LITTLE_ENDIAN).getLong()];
            in.get(data);
            assertEquals(TfRecord.maskedCrc32c(data, 0, data.length), in.getInt(), "data CRC of record " + records.size());
            records.add(data);
        }
        return records;
    }

    @Test
    void writesAFileVersionEventThenOneEventPerWrite() throws IOException {
        Path file;
        try (TensorBoardSink sink = new TensorBoardSink(dir, CLOCK)) {
            file = sink.file();
            sink.write(2048, Map.of("rollout/ep_rew_mean", 22.5, "train/loss", 0.25));
            sink.write(4096, Map.of());
            sink.write(4096, Map.of("rollout/ep_rew_mean", 40.0));
        }
        assertTrue(file.getFileName().toString().matches("events\\.out\\.tfevents\\.1700000000\\.[A-Za-z0-9._-]+"),
                file.getFileName().toString());
        List<byte[]> records = records(file);
        assertEquals(3, records.size(), "file version and two non-empty writes");
        assertArrayEquals(SummaryEvents.fileVersion(1_700_000_000.25), records.get(0));
        assertArrayEquals(SummaryEvents.scalars(1_700_000_000.25, 2048,
                Map.of("rollout/ep_rew_mean", 22.5, "train/loss", 0.25)), records.get(1));
        assertArrayEquals(SummaryEvents.scalars(1_700_000_000.25, 4096, Map.of("rollout/ep_rew_mean", 40.0)),
                records.get(2));
    }

    @Test
    void aSecondSinkInTheSameSecondGetsItsOwnFile() throws IOException {
        try (TensorBoardSink first = new TensorBoardSink(dir, CLOCK); TensorBoardSink second = new TensorBoardSink(dir, CLOCK)) {
            assertNotEquals(first.file(), second.file());
            assertEquals(first.file().getFileName() + ".1", second.file().getFileName().toString());
        }
    }

    @Test
    void flushMakesRecordsVisibleWhileTheSinkIsOpen() throws IOException {
        try (TensorBoardSink sink = new TensorBoardSink(dir, CLOCK)) {
            sink.write(1, Map.of("a", 1.0));
            sink.flush();
            assertEquals(2, records(sink.file()).size());
        }
    }

    @Test
    void refusesInvalidInputAndWritesAfterClose() throws IOException {
        TensorBoardSink sink = new TensorBoardSink(dir, CLOCK);
        assertThrows(IllegalArgumentException.class, () -> sink.write(-1, Map.of("a", 1.0)));
        assertThrows(IllegalArgumentException.class, () -> sink.write(1, Map.of("step", 1.0)));
        sink.close();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> sink.write(1, Map.of("a", 1.0)));
        assertTrue(e.getMessage().contains("closed"));
    }
}

package io.github.jrl.core.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MultiSinkTest {

    /** Records calls; fails every call if given an exception. */
    private static final class RecordingSink implements MetricSink {
        final List<String> calls = new ArrayList<>();
        final IOException failure;

        RecordingSink(IOException failure) {
            this.failure = failure;
        }

        private void call(String what) throws IOException {
            calls.add(what);
            if (failure != null) {
                throw failure;
            }
        }

        @Override
        public void write(long step, Map<String, Double> metrics) throws IOException {
            call("write " + step + " " + metrics);
        }

        @Override
        public void flush() throws IOException {
            call("flush");
        }

        @Override
        public void close() throws IOException {
            call("close");
        }
    }

    @Test
    void forwardsEveryCallToEverySink() throws IOException {
        RecordingSink a = new RecordingSink(null);
        RecordingSink b = new RecordingSink(null);
        try (MultiSink sink = new MultiSink(a, b)) {
            sink.write(3, Map.of("x", 1.0));
            sink.flush();
        }
        List<String> expected = List.of("write 3 {x=1.0}", "flush", "close");
        assertEquals(expected, a.calls);
        assertEquals(expected, b.calls);
    }

    @Test
    void aFailingSinkDoesNotStopTheOthersAndItsErrorIsThrownAfterwards() {
        IOException first = new IOException("disk full");
        IOException second = new IOException("gone");
        RecordingSink failing = new RecordingSink(first);
        RecordingSink healthy = new RecordingSink(null);
        RecordingSink alsoFailing = new RecordingSink(second);
        MultiSink sink = new MultiSink(failing, healthy, alsoFailing);
        IOException thrown = assertThrows(IOException.class, sink::close);
        assertSame(first, thrown);
        assertSame(second, thrown.getSuppressed()[0]);
        assertEquals(List.of("close"), healthy.calls);
        assertEquals(List.of("close"), alsoFailing.calls);
    }

    @Test
    void checksItsInputBeforeAnySinkSeesIt() {
        RecordingSink a = new RecordingSink(null);
        MultiSink sink = new MultiSink(List.of(a));
        assertThrows(IllegalArgumentException.class, () -> sink.write(1, Map.of("step", 1.0)));
        assertTrue(a.calls.isEmpty());
    }
}

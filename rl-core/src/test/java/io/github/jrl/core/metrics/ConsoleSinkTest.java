package io.github.jrl.core.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConsoleSinkTest {

    private static String lines(String... lines) {
        return String.join(System.lineSeparator(), lines) + System.lineSeparator();
    }

    @Test
    void printsSb3StyleTablesGroupedBySection() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ConsoleSink sink = new ConsoleSink(new PrintStream(bytes, true, StandardCharsets.UTF_8))) {
            sink.write(2048, Map.of("time/total_timesteps", 2048.0, "rollout/ep_rew_mean", 1234.5,
                    "rollout/ep_len_mean", 22.4, "loss", 0.5));
        }
        assertEquals(lines(
                "---------------------------------",
                "| loss               | 0.5      |",
                "| rollout/           |          |",
                "|    ep_len_mean     | 22.4     |",
                "|    ep_rew_mean     | 1.23e+03 |",
                "| time/              |          |",
                "|    total_timesteps | 2048     |",
                "---------------------------------"), bytes.toString(StandardCharsets.UTF_8));
    }

    @Test
    void formatsLikePythonsPoint3g() {
        assertEquals("0.5", ConsoleSink.format(0.5));
        assertEquals("22.4", ConsoleSink.format(22.4));
        assertEquals("1.23e+03", ConsoleSink.format(1234.5));
        assertEquals("1.2e+03", ConsoleSink.format(1200.5));
        assertEquals("0.000123", ConsoleSink.format(0.0001234));
        assertEquals("1.23e-05", ConsoleSink.format(0.00001234));
        assertEquals("1.12", ConsoleSink.format(1.125), "ties round half-even, as Python does");
        assertEquals("-3.14", ConsoleSink.format(-Math.PI));
        assertEquals("2048", ConsoleSink.format(2048));
        assertEquals("1e+20", ConsoleSink.format(1e20));
        assertEquals("nan", ConsoleSink.format(Double.NaN));
        assertEquals("-inf", ConsoleSink.format(Double.NEGATIVE_INFINITY));
    }

    @Test
    void mergesWritesBetweenTablesAndFlushesThePendingOnes() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ConsoleSink sink = new ConsoleSink(new PrintStream(bytes, true, StandardCharsets.UTF_8), 1000)) {
            sink.write(100, Map.of("a", 1.0));
            sink.write(600, Map.of("a", 2.0, "eval/mean_reward", 9.0));
            sink.write(900, Map.of("a", 3.0));
            sink.write(1100, Map.of("a", 4.0));
            sink.write(1500, Map.of("b", 5.0));
        }
        assertEquals(ConsoleSink.table(Map.of("a", 1.0))
                + ConsoleSink.table(Map.of("a", 4.0, "eval/mean_reward", 9.0))
                + ConsoleSink.table(Map.of("b", 5.0)), bytes.toString(StandardCharsets.UTF_8));
    }
}

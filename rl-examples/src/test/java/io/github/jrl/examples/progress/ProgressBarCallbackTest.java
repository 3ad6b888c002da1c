package io.github.jrl.examples.progress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.github.jrl.core.metrics.MetricNames;
import io.github.jrl.core.policy.Policy;
import io.github.jrl.core.train.Trainer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProgressBarCallbackTest {

    /** A trainer that only counts steps and holds metrics. */
    private static final class CountingTrainer implements Trainer<Object, Object> {
        long steps;
        final Map<String, Double> metrics = new HashMap<>();

        CountingTrainer(long steps) {
            this.steps = steps;
        }

        @Override
        public long stepsDone() {
            return steps;
        }

        @Override
        public Map<String, Double> latestMetrics() {
            return metrics;
        }

        @Override
        public Policy<Object, Object> policy() {
            throw new UnsupportedOperationException();
        }

        @Override
        public void saveCheckpoint(Path file) {
            throw new UnsupportedOperationException();
        }
    }

    @Test
    void summaryShowsStepsRateTimesAndReturn() {
        assertEquals("43,008/100,000 steps (43%) | 1,229 steps/s | elapsed 0:00:35 | ETA 0:00:46 | mean return 123.4",
                new Progress(43_008, 100_000, 35, 1228.8, 123.44).summary());
        assertEquals("0/5,000 steps (0%) | ? steps/s | elapsed 0:00:00 | ETA ?",
                new Progress(0, 5000, 0, Double.NaN, Double.NaN).summary());
        assertEquals("7,200/7,200 steps (100%) | 2 steps/s | elapsed 1:00:00 | ETA 0:00:00",
                new Progress(7200, 7200, 3600, 2, Double.NaN).summary());
    }

    @Test
    void logsAtMostOncePerIntervalAndAlwaysAtTheEnd() {
        List<String> lines = new ArrayList<>();
        long[] now = {0};
        ProgressBarCallback bar = new ProgressBarCallback(10_000, new LogProgressDisplay(lines::add), Duration.ofSeconds(10),
                () -> now[0]);
        CountingTrainer trainer = new CountingTrainer(2_000); // a resumed run
        bar.onTrainingStart(trainer);
        for (int update = 1; update <= 4; update++) {
            now[0] += 4_000_000_000L; // 4 s per update of 2,000 steps: 500 steps/s
            trainer.steps += 2_000;
            trainer.metrics.put(MetricNames.EPISODIC_RETURN, 10.0 * update);
            bar.onUpdate(trainer);
        }
        trainer.metrics.clear(); // an update without finished episodes keeps the last known return
        bar.onTrainingEnd(trainer);
        assertEquals(List.of(
                "2,000/10,000 steps (20%) | ? steps/s | elapsed 0:00:00 | ETA ?",
                "8,000/10,000 steps (80%) | 500 steps/s | elapsed 0:00:12 | ETA 0:00:04 | mean return 30.0",
                "training ended at 10,000/10,000 steps (100%) | 500 steps/s | elapsed 0:00:16 | ETA 0:00:00 | mean return 40.0"),
                lines);
    }

    @Test
    void terminalDisplayRedrawsOneLineInPlace() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        TerminalProgressDisplay display = new TerminalProgressDisplay(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        Progress longer = new Progress(500, 1000, 1, 500, 123.0);
        Progress shorter = new Progress(1000, 1000, 2, 500, Double.NaN);
        display.update(longer);
        display.finish(shorter);
        String first = TerminalProgressDisplay.bar(0.5) + " " + longer.summary();
        String last = TerminalProgressDisplay.bar(1) + " " + shorter.summary();
        assertEquals("[" + "#".repeat(15) + "-".repeat(15) + "]", TerminalProgressDisplay.bar(0.5));
        assertEquals("\r" + first + "\r" + last + " ".repeat(first.length() - last.length()) + System.lineSeparator(),
                bytes.toString(StandardCharsets.UTF_8));
    }

    @Test
    void withoutATerminalItDegradesToLogLines() {
        assertInstanceOf(LogProgressDisplay.class, ProgressBarCallback.displayFor(false));
        assertInstanceOf(TerminalProgressDisplay.class, ProgressBarCallback.displayFor(true));
    }
}

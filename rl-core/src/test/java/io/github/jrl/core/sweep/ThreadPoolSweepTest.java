package io.github.jrl.core.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ThreadPoolSweepTest {

    /** A learning curve made up of the trial's parameters and seed: rate * step / 1000 + seed, and a failing trial. */
    private static final Trial SYNTHETIC = (spec, reporter) -> {
        double rate = ((Number) spec.params().get("rate")).doubleValue();
        if (rate < 0) {
            throw new IllegalStateException("negative rate");
        }
        for (long step = 1000; step <= 9000; step += 1000) {
            if (!reporter.report(step, rate * step / 1000 + spec.seed())) {
                return;
            }
        }
    };

    private static SweepResult sweep(int concurrency, TrialScheduler scheduler, List<TrialResult> ended)
            throws InterruptedException {
        List<TrialSpec> trials = new SearchSpace().grid("rate", List.of(1.0, 3.0, 0.5, 2.0, -1.0, 4.0, 0.25))
                .seeds(List.of(0L, 1L)).expand(1, 0);
        return new ThreadPoolSweep(concurrency).run(trials, SYNTHETIC, scheduler, ended::add);
    }

    @Test
    void resultsDoNotDependOnConcurrency() throws InterruptedException {
        for (TrialScheduler scheduler : List.of(new Asha(1000, 9000, 3), new MedianStoppingRule(2000, 3),
                TrialScheduler.NONE)) {
            List<TrialResult> ended = Collections.synchronizedList(new ArrayList<>());
            SweepResult one = sweep(1, scheduler, ended);
            assertEquals(14, ended.size());
            for (int concurrency : new int[] {2, 4}) {
                SweepResult many = sweep(concurrency, scheduler, new ArrayList<>());
                for (int i = 0; i < 14; i++) {
                    assertEquals(one.trials().get(i).history(), many.trials().get(i).history(), scheduler + ", trial " + i);
                    assertEquals(one.trials().get(i).status(), many.trials().get(i).status(), scheduler + ", trial " + i);
                }
            }
        }
    }

    @Test
    void ashaStopsTheWeakTrialsAndFailuresAreRecorded() throws InterruptedException {
        SweepResult result = sweep(2, new Asha(1000, 9000, 3), new ArrayList<>());
        List<String> statuses = result.trials().stream().map(t -> t.status().name().charAt(0) + "@" + t.history().lastStep())
                .toList();
        // rates 1, 3, 0.5, 2, -1 (fails), 4, 0.25, each with seeds 0 and 1
        assertEquals(List.of("C@9000", "C@9000", "C@9000", "C@9000", "S@1000", "S@1000", "S@1000", "S@3000",
                "F@0", "F@0", "C@9000", "C@9000", "S@1000", "S@1000"), statuses);
        assertEquals("IllegalStateException: negative rate", result.trials().get(8).error());
        // the same decisions as a sequential replay of Ray Tune's ASHA with NumPy's nanpercentile
        assertEquals(11, result.best().orElseThrow().spec().index());
        assertEquals(37.0, result.best().orElseThrow().lastValue()); // rate 4, seed 1: 4 * 9 + 1
    }

    @Test
    void trialsMustBeNumberedInOrder() {
        List<TrialSpec> trials = List.of(new TrialSpec(1, Map.of(), 0));
        assertThrows(IllegalArgumentException.class,
                () -> new ThreadPoolSweep(1).run(trials, SYNTHETIC, TrialScheduler.NONE, r -> { }));
        assertThrows(IllegalArgumentException.class, () -> new ThreadPoolSweep(0));
    }
}

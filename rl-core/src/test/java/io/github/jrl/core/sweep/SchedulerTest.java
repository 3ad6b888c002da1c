package io.github.jrl.core.sweep;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class SchedulerTest {

    private static TrialHistory curve(int index, long[] steps, double... values) {
        return new TrialHistory(index, steps, values, false);
    }

    private static long[] steps(long... steps) {
        return steps;
    }

    @Test
    void ashaRungsFollowTheReductionFactor() {
        assertArrayEquals(new double[] {1000, 3000, 9000}, new Asha(1000, 9000, 3).rungs());
        assertArrayEquals(new double[] {1000, 3000, 9000}, new Asha(1000, 26_999, 3).rungs());
        assertArrayEquals(new double[] {2000, 8000}, new Asha(2000, 20_000, 4).rungs());
        assertThrows(IllegalArgumentException.class, () -> new Asha(1000, 999, 3));
        assertThrows(IllegalArgumentException.class, () -> new Asha(1000, 9000, 1));
    }

    @Test
    void ashaKeepsTheTopThirdAtEachRung() {
        Asha asha = new Asha(1000, 9000, 3);
        List<TrialHistory> earlier = List.of(
                curve(0, steps(1000, 2000, 3000), 10, 20, 30),
                curve(1, steps(1000), 5),
                curve(2, steps(1000), 8));
        // rung 1000 holds 10, 5, 8: the 2/3 quantile (linear) is 8 + (10 - 8) / 3 = 8.67
        assertTrue(asha.shouldStop(curve(3, steps(1000), 8.6), earlier));
        assertFalse(asha.shouldStop(curve(3, steps(1000), 8.7), earlier));
        // no rung at 2000
        assertFalse(asha.shouldStop(curve(3, steps(1000, 2000), 9, -100), earlier));
        // rung 3000 holds trial 0's 30 alone
        assertTrue(asha.shouldStop(curve(3, steps(1000, 2000, 3000), 9, 10, 29), earlier));
        assertFalse(asha.shouldStop(curve(3, steps(1000, 2000, 3000), 9, 10, 30), earlier));
        // the first trial at a rung goes on
        assertFalse(asha.shouldStop(curve(0, steps(1000), -1), List.of()));
        // a report passing rungs 3000 and 9000 is judged at 9000, where no one is yet
        assertFalse(asha.shouldStop(curve(3, steps(1000, 9500), 9, -100), earlier));
        // a trial's first report past a rung counts there: 3500 is trial 4's value at rung 3000
        List<TrialHistory> withLate = List.of(earlier.get(0), curve(1, steps(1500, 3500), 0, 100));
        assertTrue(asha.shouldStop(curve(2, steps(3000), 60), withLate)); // cutoff 30 + (100 - 30) * 2/3 = 76.7
        assertFalse(asha.shouldStop(curve(2, steps(3000), 77), withLate));
    }

    @Test
    void ashaIgnoresValuesThatAreNotFinite() {
        Asha asha = new Asha(1000, 9000, 3);
        List<TrialHistory> earlier = List.of(curve(0, steps(1000), Double.NaN), curve(1, steps(1000), 4));
        assertTrue(asha.shouldStop(curve(2, steps(1000), 3), earlier));
        assertFalse(asha.shouldStop(curve(2, steps(1000), Double.NaN), earlier));
    }

    @Test
    void medianRuleStopsTrialsWhoseBestIsBelowTheMedianOfRunningMeans() {
        MedianStoppingRule rule = new MedianStoppingRule(1000, 3);
        List<TrialHistory> earlier = List.of(
                curve(0, steps(1000, 2000, 3000), 10, 20, 30),   // running mean to 2000: 15
                curve(1, steps(1000, 2000), 0, 10),              // 5
                curve(2, steps(1000, 2000), 4, 6),               // 5
                curve(3, steps(1000), 100));                     // not at 2000 yet: left out
        assertTrue(rule.shouldStop(curve(4, steps(1000, 2000), 1, 2), earlier));
        assertFalse(rule.shouldStop(curve(4, steps(1000, 2000), 5, 2), earlier)); // best 5 is not below 5
        // within the grace period, and at it, nothing stops
        assertFalse(rule.shouldStop(curve(4, steps(1000), -50), earlier));
        assertFalse(rule.shouldStop(curve(4, steps(500, 1000), -50, -50), earlier));
        // at 3000 only trial 0 is there: fewer than 3 samples
        assertFalse(rule.shouldStop(curve(4, steps(1000, 2000, 3000), 1, 1, 1), earlier));
        assertFalse(new MedianStoppingRule(1000, 4).shouldStop(curve(4, steps(1000, 2000), 1, 2), earlier));
        // the running mean starts at the grace period: with grace 1500, trial 1's is 10, the median 10
        assertTrue(new MedianStoppingRule(1500, 3).shouldStop(curve(4, steps(1000, 2000), 1, 9), earlier));
        assertFalse(new MedianStoppingRule(1500, 3).shouldStop(curve(4, steps(1000, 2000), 1, 10), earlier));
    }
}

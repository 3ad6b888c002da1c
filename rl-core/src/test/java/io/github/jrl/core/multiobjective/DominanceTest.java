package io.github.jrl.core.multiobjective;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class DominanceTest {

    @Test
    void dominanceNeedsOneStrictlyBetterComponent() {
        assertTrue(Dominance.dominates(new double[] {2, 1}, new double[] {1, 1}));
        assertFalse(Dominance.dominates(new double[] {1, 1}, new double[] {1, 1}));
        assertFalse(Dominance.dominates(new double[] {2, 0}, new double[] {1, 1}));
        assertTrue(Dominance.weaklyDominates(new double[] {1, 1}, new double[] {1, 1}));
        assertTrue(Dominance.weaklyDominates(new double[] {1, 2, 3}, new double[] {1, 2, -3}));
        assertFalse(Dominance.weaklyDominates(new double[] {1, 2, 3}, new double[] {1, 2.5, -3}));
    }

    @Test
    void comparingVectorsOfDifferentLengthRaises() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Dominance.dominates(new double[] {1, 2}, new double[] {1, 2, 3}));
        assertTrue(e.getMessage().contains("2 and 3 objectives"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> Dominance.weaklyDominates(new double[] {1}, new double[] {1, 2}));
    }

    @Test
    void nonDominatedKeepsTheFrontInOrderWithTheFirstOfEqualPoints() {
        double[] a = {1, 5};
        double[] dominated = {0, 4};
        double[] b = {3, 3};
        double[] equalToB = {3, 3};
        double[] c = {5, 1};
        double[] weaklyDominated = {5, 0};
        List<double[]> front = Dominance.nonDominated(List.of(a, dominated, b, equalToB, c, weaklyDominated));
        assertEquals(3, front.size());
        assertSame(a, front.get(0));
        assertSame(b, front.get(1));
        assertSame(c, front.get(2));
        assertTrue(Dominance.nonDominated(List.of()).isEmpty());
    }

    @Test
    void nonDominatedRejectsMixedDimensionsAndNonFiniteValues() {
        IllegalArgumentException mixed = assertThrows(IllegalArgumentException.class,
                () -> Dominance.nonDominated(List.of(new double[] {1, 2}, new double[] {1, 2, 3})));
        assertTrue(mixed.getMessage().contains("candidate point 1 must have 2 objectives"), mixed.getMessage());
        IllegalArgumentException nan = assertThrows(IllegalArgumentException.class,
                () -> Dominance.nonDominated(List.of(new double[] {1, Double.NaN})));
        assertTrue(nan.getMessage().contains("finite"), nan.getMessage());
    }
}

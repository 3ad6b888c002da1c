package io.github.jrl.envs.toytext;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class TransitionTableTest {

    @Test
    void outcomesMustFormADistributionOverKnownStates() {
        assertThrows(IllegalArgumentException.class,
                () -> TransitionTable.build(2, 1, (s, a) -> List.of(new Transition(0.5, 0, 0, false))));
        assertThrows(IllegalArgumentException.class, () -> TransitionTable.build(2, 1, (s, a) -> List.of()));
        assertThrows(IllegalArgumentException.class,
                () -> TransitionTable.build(2, 1, (s, a) -> List.of(new Transition(1.0, 2, 0, false))));
        assertThrows(IllegalArgumentException.class, () -> new Transition(1.5, 0, 0, false));
        assertThrows(IllegalArgumentException.class, () -> new Transition(1.0, 0, Double.NaN, false));
    }

    @Test
    void theTableIsImmutableAndIndexChecked() {
        TransitionTable table = TransitionTable.build(2, 3, (s, a) -> List.of(new Transition(1.0, 1 - s, a, false)));
        assertEquals(2, table.numStates());
        assertEquals(3, table.numActions());
        assertEquals(List.of(new Transition(1.0, 0, 2, false)), table.transitions(1, 2));
        assertThrows(UnsupportedOperationException.class, () -> table.transitions(0, 0).clear());
        assertThrows(IndexOutOfBoundsException.class, () -> table.transitions(2, 0));
        assertThrows(IndexOutOfBoundsException.class, () -> table.transitions(0, 3));
    }
}

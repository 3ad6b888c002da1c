package io.github.jrl.core.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ScheduleTest {

    @Test
    void zooNotation() {
        assertEquals(1e-3, Schedule.parse("lin_1e-3").value(1.0), 1e-15);
        assertEquals(0.5e-3, Schedule.parse("lin_1e-3").value(0.5), 1e-15);
        assertEquals(0.0, Schedule.parse("lin_0.2").value(0.0), 1e-15);
        assertEquals(3e-4, Schedule.parse("3e-4").value(0.1), 1e-15);
        assertEquals(0.15, Schedule.linear(0.2, 0.1).value(0.5), 1e-15);
        assertThrows(IllegalArgumentException.class, () -> Schedule.parse("lin_fast"));
        assertThrows(IllegalArgumentException.class, () -> Schedule.constant(Double.NaN));
    }
}

package io.github.jrl.core.parallel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class WorkerTeamTest {

    @Test
    void everyMemberRunsItsTaskEveryTime() {
        try (WorkerTeam team = new WorkerTeam(3, "test-team")) {
            long[] sums = new long[3];
            String[] threads = new String[3];
            for (int round = 1; round <= 1000; round++) {
                int r = round;
                team.run(member -> {
                    sums[member] += r * (member + 1L);
                    threads[member] = Thread.currentThread().getName();
                });
            }
            long total = 1000L * 1001 / 2;
            assertArrayEquals(new long[] {total, 2 * total, 3 * total}, sums);
            assertEquals(Thread.currentThread().getName(), threads[0]);
            assertNotEquals(threads[1], threads[2]);
        }
    }

    @Test
    void aFailureReachesTheCallerAfterEveryMemberFinished() {
        try (WorkerTeam team = new WorkerTeam(2, "test-team")) {
            boolean[] finished = new boolean[2];
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> team.run(member -> {
                if (member == 1) {
                    throw new IllegalStateException("member 1 failed");
                }
                finished[0] = true;
            }));
            assertEquals("member 1 failed", e.getMessage());
            assertEquals(true, finished[0]);
            team.run(member -> finished[member] = true); // the team still works
            assertEquals(true, finished[1]);
        }
    }

    @Test
    void aPairRunsOnceEachOnTwoThreadsOrInOrderOnOne() {
        for (int size : new int[] {1, 2, 3}) {
            try (WorkerTeam team = new WorkerTeam(size, "test-team")) {
                List<String> order = Collections.synchronizedList(new ArrayList<>());
                String[] threads = new String[2];
                team.runPair(() -> {
                    threads[0] = Thread.currentThread().getName();
                    order.add("first");
                }, () -> {
                    threads[1] = Thread.currentThread().getName();
                    order.add("second");
                });
                assertEquals(2, order.size(), "size " + size);
                assertEquals(Thread.currentThread().getName(), threads[0]);
                if (size == 1) {
                    assertEquals(List.of("first", "second"), order);
                    assertEquals(Thread.currentThread().getName(), threads[1]);
                } else {
                    assertEquals("test-team-1", threads[1]);
                }
            }
        }
    }

    @Test
    void aTeamOfOneRunsOnTheCallerAndAClosedTeamRefuses() {
        WorkerTeam team = new WorkerTeam(1, "test-team");
        String[] thread = new String[1];
        team.run(member -> thread[member] = Thread.currentThread().getName());
        assertEquals(Thread.currentThread().getName(), thread[0]);
        team.close();
        assertThrows(IllegalStateException.class, () -> team.run(member -> { }));
        assertThrows(IllegalArgumentException.class, () -> new WorkerTeam(0, "none"));
    }
}

package io.github.jrl.core.multiobjective;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ParetoArchiveTest {

    @Test
    void keepsTheNonDominatedPointsWithTheirPayloads() {
        ParetoArchive<String> archive = new ParetoArchive<>(2);
        assertTrue(archive.isEmpty());
        assertTrue(archive.add(new double[] {1, 1}, "p1"));
        assertTrue(archive.add(new double[] {0, 3}, "p2"));
        assertFalse(archive.add(new double[] {0.5, 0.5}, "dominated"));
        assertTrue(archive.add(new double[] {2, 2}, "p3"), "dominates p1, which leaves");
        assertEquals(2, archive.size());
        List<ParetoArchive.Entry<String>> entries = archive.entries();
        assertArrayEquals(new double[] {0, 3}, entries.get(0).point());
        assertEquals("p2", entries.get(0).payload());
        assertArrayEquals(new double[] {2, 2}, entries.get(1).point());
        assertEquals("p3", entries.get(1).payload());
    }

    @Test
    void anEqualPointLeavesTheFirstPayloadInPlace() {
        ParetoArchive<String> archive = new ParetoArchive<>(2);
        archive.add(new double[] {1, 2}, "first");
        assertFalse(archive.add(new double[] {1, 2}, "second"));
        assertEquals(List.of("first"), archive.entries().stream().map(ParetoArchive.Entry::payload).toList());
    }

    @Test
    void pointsAreCopiesInBothDirections() {
        ParetoArchive<Integer> archive = new ParetoArchive<>(2);
        double[] point = {1, 2};
        archive.add(point, 7);
        point[0] = 100;
        archive.points().get(0)[1] = 100;
        archive.entries().get(0).point()[1] = 100;
        assertArrayEquals(new double[] {1, 2}, archive.points().get(0));
    }

    @Test
    void rejectsBadPointsAndPayloads() {
        ParetoArchive<String> archive = new ParetoArchive<>(2);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> archive.add(new double[] {1, 2, 3}, "x"));
        assertTrue(e.getMessage().contains("must have 2 objectives"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> archive.add(new double[] {1, Double.NaN}, "x"));
        assertThrows(NullPointerException.class, () -> archive.add(new double[] {1, 2}, null));
        assertThrows(IllegalArgumentException.class, () -> new ParetoArchive<String>(0));
        assertTrue(archive.isEmpty());
    }
}

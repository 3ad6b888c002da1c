package io.github.jrl.core.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class DatasetMetricsTest {

    private static Episode walk(int id, float[] observations, float[] actions, float[] rewards) {
        boolean[] terminations = new boolean[actions.length];
        terminations[actions.length - 1] = true;
        return new Episode(id, 1, 1, 1, observations, actions, rewards, terminations, new boolean[actions.length]);
    }

    private static OfflineDataset discrete(double random, double expert, Episode... episodes) {
        return new OfflineDataset(new DatasetInfo("walk/x-v0", "Walk-v0", 1, 1, 2, 1, "p", "", 0, random, expert),
                List.of(episodes));
    }

    @Test
    void trajectoryQualityNormalisesTheMeanEpisodeReturn() {
        // returns 3 and 7: mean 5, (5 - (-5)) / (15 - (-5)) = 0.5
        OfflineDataset d = discrete(-5, 15, walk(0, new float[] {0, 1}, new float[] {1}, new float[] {3}),
                walk(1, new float[] {0, 1, 2}, new float[] {1, 1}, new float[] {3, 4}));
        assertEquals(0.5, DatasetMetrics.trajectoryQuality(d), 1e-12);
        OfflineDataset unknown = discrete(Double.NaN, Double.NaN, walk(0, new float[] {0, 1}, new float[] {1},
                new float[] {3}));
        assertThrows(IllegalStateException.class, () -> DatasetMetrics.trajectoryQuality(unknown));
    }

    @Test
    void countsUniqueStateActionCellsWithDiscreteActionsAsTheirIndex() {
        StateActionGrid grid = new StateActionGrid(new float[] {0}, new float[] {4}, 1, 2, 4);
        // observation cells 0, 1, 2, 3 (4.0 is the top edge of cell 3); action index leads
        assertEquals(6, grid.cell(new float[] {2.5f}, 0, new float[] {1}, 0));
        assertEquals(3, grid.cell(new float[] {4f}, 0, new float[] {0}, 0));

        OfflineDataset wide = discrete(0, 1, walk(0, new float[] {0, 1, 2, 3, 4}, new float[] {0, 0, 1, 1},
                new float[] {0, 0, 0, 0}));
        // pairs (0, a0) (1, a0) (2, a1) (3, a1): 4 cells
        assertEquals(4, DatasetMetrics.uniqueStateActionPairs(wide, grid));
        OfflineDataset narrow = discrete(0, 1, walk(0, new float[] {0, 0.5f, 0.9f, 5}, new float[] {0, 0, 0},
                new float[] {0, 0, 0}));
        // the last observation (5, off the grid) has no action: only 0, 0.5, 0.9 count, all in cell (0, a0)
        assertEquals(1, DatasetMetrics.uniqueStateActionPairs(narrow, grid));
        assertEquals(0.25, DatasetMetrics.stateActionCoverage(narrow, wide, grid), 1e-12);
    }

    @Test
    void continuousActionsAreBinnedLikeObservations() {
        StateActionGrid grid = new StateActionGrid(new float[] {0, -1}, new float[] {1, 1}, 1, 0, 2);
        // obs 0.5 -> cell 1, action -1 -> cell 0: 1 * 2 + 0
        assertEquals(2, grid.cell(new float[] {0.5f}, 0, new float[] {-1}, 0));
        assertEquals(3, grid.cell(new float[] {1f}, 0, new float[] {0.25f}, 0));
        IllegalArgumentException off = assertThrows(IllegalArgumentException.class,
                () -> grid.cell(new float[] {0.5f}, 0, new float[] {1.5f}, 0));
        assertTrue(off.getMessage().contains("value 1.5 of dimension 1 lies outside the grid's range [-1.0, 1.0]"),
                off.getMessage());
    }

    @Test
    void fitSpansEveryDatasetItCounts() {
        Episode a = new Episode(0, 1, 1, 1, new float[] {-2, 3}, new float[] {0.5f}, new float[] {0},
                new boolean[] {false}, new boolean[] {true});
        Episode b = new Episode(0, 1, 1, 1, new float[] {6, 1}, new float[] {-0.5f}, new float[] {0},
                new boolean[] {false}, new boolean[] {true});
        DatasetInfo info = new DatasetInfo("c/x-v0", "C-v0", 1, 1, 0, 1, "p", "", 0, 0, 1);
        StateActionGrid grid = StateActionGrid.fit(List.of(new OfflineDataset(info, List.of(a)),
                new OfflineDataset(info, List.of(b))), 4);
        // observations span [-2, 6] (cells of 2), actions [-0.5, 0.5] (cells of 0.25)
        assertEquals(0 * 4 + 3, grid.cell(new float[] {-2}, 0, new float[] {0.5f}, 0));
        assertEquals(3 * 4 + 0, grid.cell(new float[] {6}, 0, new float[] {-0.5f}, 0));
        assertEquals(2 * 4 + 2, grid.cell(new float[] {3}, 0, new float[] {0.1f}, 0));
    }

    @Test
    void refusesGridsTooFineToNumber() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new StateActionGrid(new float[16], new float[16], 16, 0, 100));
        assertTrue(e.getMessage().contains("use fewer bins"), e.getMessage());
    }
}

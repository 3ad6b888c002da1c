package io.github.jrl.core.dataset;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.jrl.core.buffer.ReplayBuffer;
import io.github.jrl.core.random.Rng;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Episode, DatasetInfo and OfflineDataset. */
class DatasetVocabularyTest {

    private static final DatasetInfo INFO = new DatasetInfo("walk/x-v0", "Walk-v0", 1, 1, 2, 2, "p", "", 0, -5, 15);

    private static Episode episode(int id, float start) {
        return new Episode(id, 1, 1, 2, new float[] {start, start + 1, start + 2}, new float[] {1, 0},
                new float[] {1, 10, 2, 20}, new boolean[] {false, true}, new boolean[] {false, false});
    }

    @Test
    void anEpisodeChecksItsArraysAgreeAndOnlyItsLastStepEnds() {
        IllegalArgumentException rows = assertThrows(IllegalArgumentException.class, () -> new Episode(3, 1, 1, 1,
                new float[] {0, 1}, new float[] {1, 1}, new float[] {0, 0}, new boolean[2], new boolean[2]));
        assertEquals("episode 3: observations has 2 values, expected 3", rows.getMessage());
        IllegalArgumentException early = assertThrows(IllegalArgumentException.class, () -> new Episode(0, 1, 1, 1,
                new float[] {0, 1, 2}, new float[] {1, 1}, new float[] {0, 0}, new boolean[] {false, false},
                new boolean[] {true, false}));
        assertTrue(early.getMessage().contains("at step 0 of 2"), early.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Episode(0, 1, 1, 1, new float[] {0, Float.NaN},
                new float[] {1}, new float[] {0}, new boolean[1], new boolean[1]));
    }

    @Test
    void anEpisodeReportsItsStepsReturnsAndEnd() {
        Episode e = episode(0, 4);
        assertEquals(2, e.length());
        assertEquals(3.0, e.undiscountedReturn(0));
        assertEquals(30.0, e.undiscountedReturn(1));
        assertTrue(e.terminated());
        assertArrayEquals(new float[] {5}, e.observation(1));
        assertArrayEquals(new float[] {0}, e.action(1));
        assertEquals(7, e.withId(7).id());
        assertEquals(e.withId(7).withId(0), e);
    }

    @Test
    void normalisedScoreIsD4rls() {
        assertEquals(50.0, INFO.normalizedScore(5));
        assertEquals(0.0, INFO.normalizedScore(-5));
        assertEquals(125.0, INFO.normalizedScore(20));
        assertThrows(IllegalStateException.class,
                () -> INFO.withReferenceReturns(Double.NaN, 1).normalizedScore(0));
        assertThrows(IllegalStateException.class, () -> INFO.withReferenceReturns(1, 1).normalizedScore(0));
    }

    @Test
    void aDatasetChecksIdsSizesAndDiscreteActions() {
        IllegalArgumentException ids = assertThrows(IllegalArgumentException.class,
                () -> new OfflineDataset(INFO, List.of(episode(1, 0))));
        assertTrue(ids.getMessage().contains("has id 1"), ids.getMessage());
        Episode outOfRange = new Episode(0, 1, 1, 2, new float[] {0, 1}, new float[] {2}, new float[] {0, 0},
                new boolean[] {true}, new boolean[] {false});
        IllegalArgumentException action = assertThrows(IllegalArgumentException.class,
                () -> new OfflineDataset(INFO, List.of(outOfRange)));
        assertTrue(action.getMessage().contains("expected an index in [0, 2)"), action.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new OfflineDataset(INFO, List.of()));
    }

    @Test
    void concatRenumbersEpisodesInOrder() {
        OfflineDataset a = new OfflineDataset(INFO, List.of(episode(0, 0), episode(1, 10)));
        OfflineDataset b = new OfflineDataset(INFO, List.of(episode(0, 20)));
        OfflineDataset both = OfflineDataset.concat(INFO, List.of(a, b));
        assertEquals(List.of(episode(0, 0), episode(1, 10), episode(2, 20)), both.episodes());
        assertEquals(6, both.transitionCount());
        assertArrayEquals(new double[] {3, 3, 3}, both.episodeReturns(0));
    }

    @Test
    void toReplayBufferHoldsEachTransitionWithItsNextObservationAndFlags() {
        OfflineDataset d = new OfflineDataset(INFO, List.of(episode(0, 0), episode(1, 10)));
        ReplayBuffer buffer = d.toReplayBuffer(10, 1);
        assertEquals(4, buffer.size());
        ReplayBuffer.Batch batch = buffer.newBatch(16);
        buffer.sample(new Rng(0), batch);
        float[] starts = {0, 1, 10, 11};
        float[] rewards = {10, 20, 10, 20};
        for (int k = 0; k < batch.size(); k++) {
            int row = batch.indices()[k];
            assertEquals(starts[row], batch.observations()[k]);
            assertEquals(starts[row] + 1, batch.nextObservations()[k]);
            assertEquals(row % 2 == 0 ? 1 : 0, batch.actions()[k]);
            assertEquals(rewards[row], batch.rewards()[k]);
            assertEquals(row % 2 == 1, batch.terminated()[k]);
            assertEquals(false, batch.truncated()[k]);
        }
        assertThrows(IllegalArgumentException.class, () -> d.toReplayBuffer(3, 0));
        assertThrows(IndexOutOfBoundsException.class, () -> d.toReplayBuffer(4, 2));
    }
}

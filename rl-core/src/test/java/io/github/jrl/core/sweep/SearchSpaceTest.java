package io.github.jrl.core.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SearchSpaceTest {

    @Test
    void gridIsCrossedWithSeedsInnermost() {
        SearchSpace space = new SearchSpace().grid("learningRate", List.of(1e-3, 3e-4))
                .grid("numEpochs", List.of(4, 10, 20)).seeds(List.of(0L, 1L));
        List<TrialSpec> trials = space.expand(1, 7);
        assertEquals(12, space.size(1));
        assertEquals(12, trials.size());
        assertEquals(new TrialSpec(0, Map.of("learningRate", 1e-3, "numEpochs", 4), 0), trials.get(0));
        assertEquals(new TrialSpec(1, Map.of("learningRate", 1e-3, "numEpochs", 4), 1), trials.get(1));
        assertEquals(new TrialSpec(2, Map.of("learningRate", 1e-3, "numEpochs", 10), 0), trials.get(2));
        assertEquals(new TrialSpec(11, Map.of("learningRate", 3e-4, "numEpochs", 20), 1), trials.get(11));
        assertEquals(List.of("learningRate", "numEpochs"), List.copyOf(trials.get(5).params().keySet()));
        assertEquals(36, space.size(3));
    }

    @Test
    void samplesAreSeededPerTrialAndWithinTheirRanges() {
        SearchSpace space = new SearchSpace().logUniform("learningRate", 1e-5, 1e-2).uniform("gaeLambda", 0.9, 0.99)
                .choice("activation", List.of("tanh", "relu")).grid("numEpochs", List.of(5, 10));
        List<TrialSpec> trials = space.expand(4, 42);
        assertEquals(8, trials.size());
        assertEquals(trials, space.expand(4, 42));
        assertNotEquals(trials, space.expand(4, 43));
        // trial i's draws come from stream i alone: fewer samples give the same first trials
        assertEquals(trials.subList(0, 4), space.expand(2, 42));
        for (TrialSpec t : trials) {
            double lr = (Double) t.params().get("learningRate");
            double lambda = (Double) t.params().get("gaeLambda");
            assertTrue(lr >= 1e-5 && lr < 1e-2, t.toString());
            assertTrue(lambda >= 0.9 && lambda < 0.99, t.toString());
            assertTrue(List.of("tanh", "relu").contains(t.params().get("activation")), t.toString());
        }
        assertEquals(8, trials.stream().map(TrialSpec::seed).distinct().count());
        assertEquals(List.of(5, 10, 5, 10), trials.subList(0, 4).stream().map(t -> t.params().get("numEpochs")).toList());
    }

    @Test
    void badSpacesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new SearchSpace().grid("seed", List.of(1, 2)));
        assertThrows(IllegalArgumentException.class, () -> new SearchSpace().grid("a", List.of(1)).choice("a", List.of(2)));
        assertThrows(IllegalArgumentException.class, () -> new SearchSpace().grid("a", List.of()));
        assertThrows(IllegalArgumentException.class, () -> new SearchSpace().logUniform("a", 0, 1));
        assertThrows(IllegalArgumentException.class, () -> new SearchSpace().uniform("a", 1, 1));
        assertThrows(IllegalArgumentException.class, () -> new SearchSpace().seeds(List.of(1L, 1L)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new SearchSpace().expand(0, 0));
        assertEquals("samples must be >= 1, got 0", e.getMessage());
    }
}

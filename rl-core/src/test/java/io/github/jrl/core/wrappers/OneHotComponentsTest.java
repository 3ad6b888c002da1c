package io.github.jrl.core.wrappers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.jrl.core.env.AbstractEnvironment;
import io.github.jrl.core.env.Reset;
import io.github.jrl.core.env.Step;
import io.github.jrl.core.random.Rng;
import io.github.jrl.core.space.Discrete;
import io.github.jrl.core.space.IntBox;
import io.github.jrl.core.space.Space;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OneHotComponentsTest {

    /** Observes [1, 3] then [2, 2] in the box [1..2] x [2..4]. */
    private static final class TwoCells extends AbstractEnvironment<int[], Integer> {
        TwoCells() {
            super("two-cells");
        }

        @Override
        public Space<int[]> observationSpace() {
            return new IntBox(new int[] {1, 2}, new int[] {2, 4});
        }

        @Override
        public Space<Integer> actionSpace() {
            return new Discrete(1);
        }

        @Override
        protected Reset<int[]> resetEpisode(Rng rng, Map<String, ?> options) {
            return Reset.of(new int[] {1, 3});
        }

        @Override
        protected Step<int[]> applyAction(Integer action) {
            return Step.of(new int[] {2, 2}, 1.0, true);
        }
    }

    @Test
    void encodesEachComponentOneHotOverItsRange() {
        OneHotComponents<Integer> env = new OneHotComponents<>(new TwoCells());
        assertEquals(5, env.observationSpace().size());
        assertArrayEquals(new float[] {1, 0, 0, 1, 0}, env.reset(0).observation());
        assertArrayEquals(new float[] {0, 1, 1, 0, 0}, env.step(0).observation());
    }
}

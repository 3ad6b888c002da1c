package io.github.jrl.core.env;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class AbstractEnvironmentTest {

    @Test
    void stepBeforeResetRaises() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> new RandomWalk().step(1));
        assertTrue(e.getMessage().contains("before the first reset"), e.getMessage());
    }

    @Test
    void unseededResetRaises() {
        assertThrows(IllegalStateException.class, () -> new RandomWalk().reset());
    }

    @Test
    void stepAfterTerminationRaisesUntilReset() {
        RandomWalk env = new RandomWalk();
        env.reset(0);
        env.setState(new double[] {3});
        assertTrue(env.step(1).terminated());
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> env.step(1));
        assertTrue(e.getMessage().contains("after the episode terminated"), e.getMessage());
        env.reset();
        env.step(1);
    }

    @Test
    void actionOutsideTheSpaceNamesEnvActionAndSpace() {
        RandomWalk env = new RandomWalk();
        env.reset(0);
        InvalidActionException e = assertThrows(InvalidActionException.class, () -> env.step(2));
        assertEquals("RandomWalk got action 2, which is outside its action space Discrete(2)", e.getMessage());
        assertThrows(InvalidActionException.class, () -> env.step(null));
    }

    @Test
    void unknownResetOptionRaises() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new RandomWalk().reset(0, Map.of("difficulty", 3)));
        assertTrue(e.getMessage().contains("difficulty"), e.getMessage());
    }

    @Test
    void sameSeedSameEpisodeAndResetContinuesTheStream() {
        RandomWalk a = new RandomWalk();
        RandomWalk b = new RandomWalk();
        for (long seed = 0; seed < 20; seed++) {
            assertArrayEquals(a.reset(seed).observation(), b.reset(seed).observation());
            assertArrayEquals(a.reset().observation(), b.reset().observation());
        }
    }

    @Test
    void vectorRewardsThroughTheSameInterface() {
        RandomWalk env = new RandomWalk(2);
        env.reset(0);
        env.setState(new double[] {0});
        Step<float[]> step = env.step(1);
        assertEquals(2, step.rewardDim());
        assertArrayEquals(new double[] {1, -1}, step.rewards());
        assertEquals(-1, step.reward(1));
        assertThrows(IllegalStateException.class, step::reward);
    }
}

package io.github.jrl.envs.mo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.jrl.core.env.Environment;
import io.github.jrl.core.env.InvalidActionException;
import io.github.jrl.core.env.Step;
import io.github.jrl.core.space.Discrete;
import io.github.jrl.core.space.IntBox;
import io.github.jrl.envs.EnvRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ResourceGatheringTest {

    private static final int UP = 0;
    private static final int DOWN = 1;
    private static final int LEFT = 2;
    private static final int RIGHT = 3;

    @Test
    void spacesAndStart() {
        ResourceGathering env = new ResourceGathering();
        assertEquals("resource-gathering-v0", env.id());
        assertEquals(IntBox.uniform(0, 5, 4), env.observationSpace());
        assertEquals(new Discrete(4), env.actionSpace());
        assertEquals(3, env.rewardDim());
        assertArrayEquals(new int[] {4, 2, 0, 0}, env.reset(1).observation());
        assertArrayEquals(new double[] {4, 2, 0, 0}, env.getState());
        assertEquals(100, EnvRegistry.defaults().spec("resource-gathering-v0").maxEpisodeSteps());
    }

    @Test
    void goldDeliveredHomeAvoidingTheEnemies() {
        ResourceGathering env = new ResourceGathering();
        env.reset(0);
        Step<int[]> last = walk(env, LEFT, UP, UP, UP, UP);
        assertArrayEquals(new int[] {0, 1, 0, 0}, last.observation());
        Step<int[]> gold = env.step(RIGHT);
        assertArrayEquals(new int[] {0, 2, 1, 0}, gold.observation());
        assertArrayEquals(new double[] {0, 0, 0}, gold.rewards());
        assertFalse(gold.terminated());
        walk(env, LEFT, DOWN, DOWN, DOWN, DOWN);
        Step<int[]> home = env.step(RIGHT);
        assertArrayEquals(new int[] {4, 2, 1, 0}, home.observation());
        assertArrayEquals(new double[] {0, 1, 0}, home.rewards());
        assertTrue(home.terminated());
    }

    @Test
    void gemDeliveredHome() {
        ResourceGathering env = new ResourceGathering();
        env.reset(0);
        Step<int[]> gem = walk(env, RIGHT, RIGHT, UP, UP, UP);
        assertArrayEquals(new int[] {1, 4, 0, 1}, gem.observation());
        walk(env, DOWN, DOWN, DOWN, LEFT);
        Step<int[]> home = env.step(LEFT);
        assertArrayEquals(new double[] {0, 0, 1}, home.rewards());
        assertTrue(home.terminated());
    }

    @Test
    void bothResourcesDeliveredTogether() {
        ResourceGathering env = new ResourceGathering();
        env.reset(0);
        walk(env, LEFT, UP, UP, UP, UP, RIGHT); // gold
        walk(env, LEFT, DOWN, DOWN, RIGHT, RIGHT, UP, RIGHT); // around both enemies to the gem
        assertArrayEquals(new double[] {1, 4, 1, 1}, env.getState());
        walk(env, DOWN, DOWN, DOWN, LEFT);
        Step<int[]> home = env.step(LEFT);
        assertArrayEquals(new double[] {0, 1, 1}, home.rewards());
        assertTrue(home.terminated());
    }

    @Test
    void homeTerminatesEvenEmptyHandedAndWhenBumpingFromIt() {
        ResourceGathering env = new ResourceGathering();
        env.reset(0);
        Step<int[]> bump = env.step(DOWN);
        assertArrayEquals(new int[] {4, 2, 0, 0}, bump.observation());
        assertArrayEquals(new double[] {0, 0, 0}, bump.rewards());
        assertTrue(bump.terminated());
    }

    @Test
    void edgesLeaveTheAgentInPlace() {
        ResourceGathering env = new ResourceGathering();
        env.reset(0);
        env.setState(new double[] {2, 0, 1, 0});
        Step<int[]> step = env.step(LEFT);
        assertArrayEquals(new int[] {2, 0, 1, 0}, step.observation());
        assertArrayEquals(new double[] {0, 0, 0}, step.rewards());
        assertFalse(step.terminated());
    }

    /**
     * Stepping onto an enemy cell N times from a fixed seed: the number of attacks is
     * Binomial(N, 0.1), so with N = 20000 its standard deviation is sqrt(N * 0.1 * 0.9) ~ 42.4;
     * five of them (212 attacks, a rate of +-0.0106) bound the two-sided chance of failing a
     * correct implementation below 6e-7 (normal tail; the seed is fixed anyway, so the test is
     * deterministic). Every attack must give exactly [-1, 0, 0] and terminate, and every other
     * visit nothing.
     */
    @Test
    void enemiesAttackWithProbabilityOneTenth() {
        int trials = 20_000;
        double p = ResourceGathering.ATTACK_PROBABILITY;
        double tolerance = 5 * Math.sqrt(p * (1 - p) / trials);
        ResourceGathering env = new ResourceGathering();
        env.reset(12345);
        int attacks = 0;
        for (int i = 0; i < trials; i++) {
            // Alternate between E1 (entered from below) and E2 (entered from the right).
            boolean e1 = i % 2 == 0;
            env.setState(e1 ? new double[] {2, 2, 0, 1} : new double[] {0, 4, 1, 1});
            Step<int[]> step = env.step(e1 ? UP : LEFT);
            assertArrayEquals(e1 ? new int[] {1, 2, 0, 1} : new int[] {0, 3, 1, 1}, step.observation());
            if (step.terminated()) {
                attacks++;
                assertArrayEquals(new double[] {-1, 0, 0}, step.rewards());
            } else {
                assertArrayEquals(new double[] {0, 0, 0}, step.rewards());
            }
        }
        assertEquals(p, attacks / (double) trials, tolerance, attacks + " attacks in " + trials);
    }

    @Test
    void anAttackEndsTheEpisodeAndTheCarriedResourcesAreLost() {
        ResourceGathering env = new ResourceGathering();
        env.reset(7);
        Step<int[]> attacked = null;
        while (attacked == null) {
            env.setState(new double[] {0, 1, 1, 1});
            Step<int[]> step = env.step(RIGHT);
            assertArrayEquals(new int[] {0, 2, 1, 1}, step.observation());
            step = env.step(RIGHT); // onto E2 carrying gold and gem
            if (step.terminated()) {
                attacked = step;
            }
        }
        assertArrayEquals(new double[] {-1, 0, 0}, attacked.rewards(), "nothing is delivered");
        assertThrows(IllegalStateException.class, () -> env.step(DOWN), "the episode is over");
        assertArrayEquals(new int[] {4, 2, 0, 0}, env.reset().observation(), "home, carrying nothing");
    }

    @Test
    void attacksAreReproducibleFromTheSeed() {
        assertEquals(attackPattern(99), attackPattern(99));
    }

    @Test
    void paretoFrontOfTheReference() {
        List<double[]> undiscounted = ResourceGathering.paretoFront(1.0);
        assertEquals(3, undiscounted.size());
        assertArrayEquals(new double[] {0, 0, 1}, undiscounted.get(0), 1e-12);
        assertArrayEquals(new double[] {-0.1, 0.9, 0.9}, undiscounted.get(1), 1e-12);
        assertArrayEquals(new double[] {0, 1, 0}, undiscounted.get(2), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> ResourceGathering.paretoFront(-0.1));
    }

    @Test
    void invalidActionsStatesAndArguments() {
        ResourceGathering env = new ResourceGathering();
        env.reset(0);
        assertThrows(InvalidActionException.class, () -> env.step(4));
        assertThrows(InvalidActionException.class, () -> env.step(-1));
        assertThrows(IllegalArgumentException.class, () -> env.setState(new double[] {4, 2}));
        assertThrows(IllegalArgumentException.class, () -> env.setState(new double[] {5, 2, 0, 0}));
        assertThrows(IllegalArgumentException.class, () -> env.setState(new double[] {4, 2, 0, -1}));
        assertThrows(IllegalArgumentException.class, () -> env.reset(0, Map.of("bogus", 1)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> EnvRegistry.defaults().make("resource-gathering-v0", Map.of("bogus", 1)));
        assertTrue(e.getMessage().contains("bogus"), e.getMessage());
    }

    private static List<Boolean> attackPattern(long seed) {
        Environment<int[], Integer> env = EnvRegistry.defaults().make("resource-gathering-v0");
        env.reset(seed);
        ResourceGathering raw = (ResourceGathering) env.unwrapped();
        List<Boolean> pattern = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            raw.setState(new double[] {2, 2, 0, 0});
            pattern.add(raw.step(UP).terminated());
        }
        return pattern;
    }

    private static Step<int[]> walk(ResourceGathering env, int... actions) {
        Step<int[]> step = null;
        for (int action : actions) {
            step = env.step(action);
            assertFalse(step.terminated(), "terminated on the way");
        }
        return step;
    }
}

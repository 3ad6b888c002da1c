package io.github.jrl.envs.toytext;

import static io.github.jrl.envs.toytext.FrozenLake.DOWN;
import static io.github.jrl.envs.toytext.FrozenLake.LEFT;
import static io.github.jrl.envs.toytext.FrozenLake.RIGHT;
import static io.github.jrl.envs.toytext.FrozenLake.UP;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.jrl.core.env.Environment;
import io.github.jrl.core.env.InvalidActionException;
import io.github.jrl.core.env.Step;
import io.github.jrl.core.space.Discrete;
import io.github.jrl.core.wrappers.TimeLimit;
import io.github.jrl.envs.EnvRegistry;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FrozenLakeTest {

    private static final EnvRegistry REGISTRY = EnvRegistry.defaults();

    private static FrozenLake lake(boolean slippery) {
        FrozenLake env = new FrozenLake(FrozenLake.map("4x4"), slippery);
        env.reset(0L);
        return env;
    }

    private static Step<Integer> stepFrom(FrozenLake env, int state, int action) {
        env.setState(new double[] {state});
        return env.step(action);
    }

    private static void assertStep(Step<Integer> step, int state, double reward, boolean terminated) {
        assertEquals(state, step.observation());
        assertEquals(reward, step.reward());
        assertEquals(terminated, step.terminated());
        assertFalse(step.truncated());
    }

    @Test
    void resetStartsOnTheStartCell() {
        FrozenLake env = new FrozenLake(FrozenLake.map("4x4"), true);
        var reset = env.reset(42L);
        assertEquals(0, reset.observation());
        assertEquals(Map.of("prob", 1.0), reset.info());
        assertEquals(new Discrete(16), env.observationSpace());
        assertEquals(new Discrete(4), env.actionSpace());
    }

    @Test
    void deterministicMovesFollowTheGrid() {
        FrozenLake env = lake(false);
        assertStep(stepFrom(env, 0, RIGHT), 1, 0, false);
        assertStep(stepFrom(env, 0, DOWN), 4, 0, false);
        assertStep(stepFrom(env, 6, UP), 2, 0, false);
        assertStep(stepFrom(env, 6, LEFT), 5, 0, true);
        assertEquals(Map.of("prob", 1.0), stepFrom(env, 0, RIGHT).info());
        assertArrayEquals(new double[] {1}, env.getState());
    }

    @Test
    void movesIntoTheBorderStayInPlace() {
        FrozenLake env = lake(false);
        assertStep(stepFrom(env, 0, LEFT), 0, 0, false);
        assertStep(stepFrom(env, 0, UP), 0, 0, false);
        assertStep(stepFrom(env, 3, RIGHT), 3, 0, false);
        assertStep(stepFrom(env, 8, LEFT), 8, 0, false);
        assertStep(stepFrom(env, 13, DOWN), 13, 0, false);
        assertStep(stepFrom(env, 14, DOWN), 14, 0, false);
    }

    @Test
    void holesTerminateWithoutRewardAndTheGoalPaysOne() {
        FrozenLake env = lake(false);
        assertStep(stepFrom(env, 1, DOWN), 5, 0, true);
        assertStep(stepFrom(env, 10, RIGHT), 11, 0, true);
        assertStep(stepFrom(env, 14, RIGHT), 15, 1, true);
        assertStep(stepFrom(env, 11, UP), 11, 0, true);
        assertStep(stepFrom(env, 15, LEFT), 15, 0, true);
    }

    @Test
    void terminalCellsAreAbsorbingInTheTable() {
        TransitionTable table = lake(true).transitionTable();
        for (int terminal : new int[] {5, 7, 11, 12, 15}) {
            for (int a = 0; a < 4; a++) {
                assertEquals(List.of(new Transition(1.0, terminal, 0, true)), table.transitions(terminal, a));
            }
        }
    }

    @Test
    void slipperyTableListsTheIntendedAndBothPerpendicularMovesInReferenceOrder() {
        TransitionTable table = lake(true).transitionTable();
        double third = 1.0 / 3.0;
        assertEquals(List.of(new Transition(third, 0, 0, false), new Transition(third, 0, 0, false),
                new Transition(third, 4, 0, false)), table.transitions(0, LEFT));
        assertEquals(List.of(new Transition(third, 5, 0, true), new Transition(third, 10, 0, false),
                new Transition(third, 7, 0, true)), table.transitions(6, DOWN));
        assertEquals(List.of(new Transition(third, 14, 0, false), new Transition(third, 15, 1, true),
                new Transition(third, 10, 0, false)), table.transitions(14, RIGHT));
        for (int s = 0; s < 16; s++) {
            for (int a = 0; a < 4; a++) {
                List<Transition> outcomes = table.transitions(s, a);
                double sum = outcomes.stream().mapToDouble(Transition::probability).sum();
                assertEquals(1.0, sum, 1e-12);
                if (outcomes.size() == 3) {
                    outcomes.forEach(t -> assertEquals(third, t.probability()));
                }
            }
        }
    }

    @Test
    void slipperyStepsDrawEachOutcomeAThirdOfTheTime() {
        FrozenLake env = new FrozenLake(FrozenLake.map("4x4"), true);
        env.reset(7L);
        int[] counts = new int[16];
        int n = 30_000;
        for (int i = 0; i < n; i++) {
            Step<Integer> step = stepFrom(env, 6, DOWN);
            assertEquals(1.0 / 3.0, step.info().get("prob"));
            counts[step.observation()]++;
        }
        assertEquals(n, counts[5] + counts[10] + counts[7]);
        for (int s : new int[] {5, 10, 7}) {
            assertEquals(1.0 / 3.0, counts[s] / (double) n, 0.015, "frequency of state " + s);
        }
    }

    @Test
    void slipperyEpisodesAreReproducibleFromTheSeed() {
        assertEquals(rollout(123L), rollout(123L));
        assertNotEquals(rollout(123L), rollout(124L));
    }

    private static List<Integer> rollout(long seed) {
        FrozenLake env = new FrozenLake(FrozenLake.map("8x8"), true);
        env.reset(seed);
        List<Integer> states = new java.util.ArrayList<>();
        for (int i = 0; i < 200; i++) {
            Step<Integer> step = env.step(i % 4);
            states.add(step.observation());
            if (step.terminated()) {
                env.reset();
            }
        }
        return states;
    }

    @Test
    void customMapsDefineTheGridAndStartDistribution() {
        FrozenLake env = new FrozenLake(List.of("SFH", "FFG"), false);
        assertEquals(new Discrete(6), env.observationSpace());
        assertEquals(2, env.nrow());
        assertEquals(3, env.ncol());
        env.reset(0L);
        assertStep(stepFrom(env, 1, RIGHT), 2, 0, true);
        assertStep(stepFrom(env, 4, RIGHT), 5, 1, true);
        assertStep(stepFrom(env, 3, DOWN), 3, 0, false);

        FrozenLake twoStarts = new FrozenLake(List.of("SS", "FG"), false);
        Set<Integer> starts = new HashSet<>();
        for (long seed = 0; seed < 50; seed++) {
            starts.add(twoStarts.reset(seed).observation());
        }
        assertEquals(Set.of(0, 1), starts);
    }

    @Test
    void malformedMapsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new FrozenLake(List.of(), false));
        assertThrows(IllegalArgumentException.class, () -> new FrozenLake(List.of("SFF", "FG"), false));
        assertThrows(IllegalArgumentException.class, () -> new FrozenLake(List.of("SX", "FG"), false));
        assertThrows(IllegalArgumentException.class, () -> new FrozenLake(List.of("FF", "FG"), false));
        assertThrows(IllegalArgumentException.class, () -> FrozenLake.map("16x16"));
    }

    @Test
    void eightByEightMapHasItsHolesAndGoal() {
        Environment<Integer, Integer> made = REGISTRY.make("FrozenLake8x8-v1", Map.of("is_slippery", false));
        assertEquals("FrozenLake8x8-v1", made.id());
        assertEquals(200, ((TimeLimit<?, ?>) made).maxEpisodeSteps());
        FrozenLake env = (FrozenLake) made.unwrapped();
        assertEquals(new Discrete(64), env.observationSpace());
        assertEquals(FrozenLake.map("8x8"), env.desc());
        env.reset(0L);
        assertStep(stepFrom(env, 18, RIGHT), 19, 0, true);
        assertStep(stepFrom(env, 62, RIGHT), 63, 1, true);
        assertStep(stepFrom(env, 55, DOWN), 63, 1, true);
        assertStep(stepFrom(env, 40, RIGHT), 41, 0, true);
    }

    @Test
    void registryPassesMapNameDescAndSlipperiness() {
        Environment<Integer, Integer> made = REGISTRY.make("FrozenLake-v1");
        assertEquals(100, ((TimeLimit<?, ?>) made).maxEpisodeSteps());
        FrozenLake defaults = (FrozenLake) made.unwrapped();
        assertTrue(defaults.isSlippery());
        assertEquals(FrozenLake.map("4x4"), defaults.desc());
        FrozenLake big = (FrozenLake) REGISTRY.make("FrozenLake-v1", Map.of("map_name", "8x8")).unwrapped();
        assertEquals(64, big.transitionTable().numStates());
        FrozenLake custom = (FrozenLake) REGISTRY.make("FrozenLake-v1",
                Map.of("desc", List.of("SH", "FG"), "map_name", "8x8", "is_slippery", false)).unwrapped();
        assertEquals(List.of("SH", "FG"), custom.desc());
        assertFalse(custom.isSlippery());
        assertThrows(IllegalArgumentException.class, () -> REGISTRY.make("FrozenLake-v1", Map.of("map_name", "5x5")));
        assertThrows(IllegalArgumentException.class, () -> REGISTRY.make("FrozenLake-v1", Map.of("is_slippery", "no")));
    }

    @Test
    void unknownKeywordArgumentsAreRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> REGISTRY.make("FrozenLake-v1", Map.of("bogus", 1)));
        assertTrue(e.getMessage().contains("bogus"), e.getMessage());
    }

    @Test
    void outOfRangeActionsRaise() {
        FrozenLake env = lake(false);
        assertThrows(InvalidActionException.class, () -> env.step(4));
        assertThrows(InvalidActionException.class, () -> env.step(-1));
        Environment<Integer, Integer> made = REGISTRY.make("FrozenLake-v1");
        made.reset(0L);
        assertThrows(InvalidActionException.class, () -> made.step(4));
    }

    @Test
    void setStateValidatesAndResumesTheEpisode() {
        FrozenLake fresh = new FrozenLake(FrozenLake.map("4x4"), false);
        assertThrows(IllegalStateException.class, () -> fresh.setState(new double[] {0}));
        FrozenLake env = lake(false);
        assertStep(stepFrom(env, 1, DOWN), 5, 0, true);
        assertThrows(IllegalStateException.class, () -> env.step(RIGHT));
        env.setState(new double[] {4});
        assertStep(env.step(RIGHT), 5, 0, true);
        assertThrows(IllegalArgumentException.class, () -> env.setState(new double[] {16}));
        assertThrows(IllegalArgumentException.class, () -> env.setState(new double[] {-1}));
        assertThrows(IllegalArgumentException.class, () -> env.setState(new double[] {0.5}));
        assertThrows(IllegalArgumentException.class, () -> env.setState(new double[] {0, 1}));
        assertThrows(IllegalArgumentException.class, () -> env.setState(new double[] {Double.NaN}));
    }

    @Test
    void resetOptionsAreRejected() {
        FrozenLake env = new FrozenLake(FrozenLake.map("4x4"), false);
        assertThrows(IllegalArgumentException.class, () -> env.reset(0L, Map.of("start", 3)));
    }

    @Test
    void randomMapsAreSeededAndAlwaysSolvable() {
        assertEquals(FrozenLake.generateRandomMap(8, 0.8, 5L), FrozenLake.generateRandomMap(8, 0.8, 5L));
        Set<List<String>> distinct = new HashSet<>();
        for (long seed = 0; seed < 200; seed++) {
            int size = 2 + (int) (seed % 9);
            List<String> map = FrozenLake.generateRandomMap(size, 0.6, seed);
            distinct.add(map);
            assertEquals(size, map.size());
            for (int r = 0; r < size; r++) {
                assertEquals(size, map.get(r).length());
                for (int c = 0; c < size; c++) {
                    String allowed = r == 0 && c == 0 ? "S" : r == size - 1 && c == size - 1 ? "G" : "FH";
                    assertTrue(allowed.indexOf(map.get(r).charAt(c)) >= 0, "cell (" + r + ", " + c + ") of " + map);
                }
            }
            assertTrue(reachable(map), "no path in " + map);
            assertEquals(size * size, new FrozenLake(map, true).transitionTable().numStates());
        }
        assertTrue(distinct.size() > 150, "maps should differ between seeds");
        assertEquals(List.of("SFF", "FFF", "FFG"), FrozenLake.generateRandomMap(3, 1.5, 0L));
    }

    @Test
    void randomMapArgumentsThatCouldNeverYieldAMapAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> FrozenLake.generateRandomMap(1, 0.8, 0L));
        assertThrows(IllegalArgumentException.class, () -> FrozenLake.generateRandomMap(4, 0.0, 0L));
        assertThrows(IllegalArgumentException.class, () -> FrozenLake.generateRandomMap(4, Double.NaN, 0L));
    }

    /** Breadth-first search, independent of the generator's depth-first check. */
    private static boolean reachable(List<String> map) {
        int n = map.size();
        boolean[] seen = new boolean[n * n];
        Deque<Integer> queue = new ArrayDeque<>(List.of(0));
        seen[0] = true;
        while (!queue.isEmpty()) {
            int s = queue.poll();
            if (map.get(s / n).charAt(s % n) == 'G') {
                return true;
            }
            int[][] moves = {{1, 0}, {-1, 0}, {0, 1}, {0, -1}};
            for (int[] m : moves) {
                int r = s / n + m[0];
                int c = s % n + m[1];
                if (r >= 0 && r < n && c >= 0 && c < n && !seen[r * n + c] && map.get(r).charAt(c) != 'H') {
                    seen[r * n + c] = true;
                    queue.add(r * n + c);
                }
            }
        }
        return false;
    }
}

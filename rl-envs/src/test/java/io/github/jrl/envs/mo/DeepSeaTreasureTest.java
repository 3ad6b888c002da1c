package io.github.jrl.envs.mo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.jrl.core.env.Environment;
import io.github.jrl.core.env.InvalidActionException;
import io.github.jrl.core.env.Step;
import io.github.jrl.core.multiobjective.Dominance;
import io.github.jrl.core.multiobjective.Hypervolume;
import io.github.jrl.core.space.Box;
import io.github.jrl.core.space.Discrete;
import io.github.jrl.core.space.IntBox;
import io.github.jrl.envs.EnvRegistry;
import io.github.jrl.envs.mo.DeepSeaTreasure.TreasureMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class DeepSeaTreasureTest {

    private static final int UP = 0;
    private static final int DOWN = 1;
    private static final int LEFT = 2;
    private static final int RIGHT = 3;

    /** MO-Gymnasium's CONVEX_FRONT and CONCAVE_FRONT, written out. */
    private static final double[][] CONVEX_FRONT = {
        {0.7, -1}, {8.2, -3}, {11.5, -5}, {14.0, -7}, {15.1, -8},
        {16.1, -9}, {19.6, -13}, {20.3, -14}, {22.4, -17}, {23.7, -19},
    };
    private static final double[][] CONCAVE_FRONT = {
        {1.0, -1}, {2.0, -3}, {3.0, -5}, {5.0, -7}, {8.0, -8},
        {16.0, -9}, {24.0, -13}, {50.0, -14}, {74.0, -17}, {124.0, -19},
    };

    @Test
    void spacesAndStart() {
        DeepSeaTreasure<int[]> env = DeepSeaTreasure.of(TreasureMap.CONVEX);
        assertEquals("deep-sea-treasure-v0", env.id());
        assertEquals(new IntBox(new int[] {0, 0}, new int[] {11, 11}), env.observationSpace());
        assertEquals(new Discrete(4), env.actionSpace());
        assertEquals(2, env.rewardDim());
        assertArrayEquals(new int[] {0, 0}, env.reset(7).observation());
        assertArrayEquals(new double[] {0, 0}, env.getState());
    }

    @Test
    void firstTreasureIsOneStepDownWithItsFloat32Value() {
        DeepSeaTreasure<int[]> env = DeepSeaTreasure.of(TreasureMap.CONVEX);
        env.reset(0);
        Step<int[]> step = env.step(DOWN);
        assertArrayEquals(new int[] {1, 0}, step.observation());
        assertArrayEquals(new double[] {0.699999988079071, -1.0}, step.rewards());
        assertTrue(step.terminated());
        assertFalse(step.truncated());
    }

    @ParameterizedTest
    @EnumSource(TreasureMap.class)
    void everyTreasureIsReachedInItsFrontStepsWithTimePenaltyEachStep(TreasureMap map) {
        double[][] front = map == TreasureMap.CONVEX ? CONVEX_FRONT : CONCAVE_FRONT;
        int[][] treasureCells = {{1, 0}, {2, 1}, {3, 2}, {4, 3}, {4, 4}, {4, 5}, {7, 6}, {7, 7}, {9, 8}, {10, 9}};
        for (int t = 0; t < treasureCells.length; t++) {
            DeepSeaTreasure<int[]> env = DeepSeaTreasure.of(map);
            env.reset(0);
            List<Integer> route = new ArrayList<>();
            for (int c = 0; c < treasureCells[t][1]; c++) {
                route.add(RIGHT);
            }
            for (int r = 0; r < treasureCells[t][0]; r++) {
                route.add(DOWN);
            }
            double time = 0;
            Step<int[]> step = null;
            for (int i = 0; i < route.size(); i++) {
                step = env.step(route.get(i));
                time += step.reward(1);
                assertEquals(-1.0, step.reward(1));
                assertEquals(i == route.size() - 1, step.terminated(), "terminated at step " + i);
                if (i < route.size() - 1) {
                    assertEquals(0.0, step.reward(0));
                }
            }
            assertArrayEquals(treasureCells[t], step.observation());
            assertEquals((double) (float) front[t][0], step.reward(0), "treasure " + t + " as float32");
            assertEquals(front[t][1], time, "steps to treasure " + t);
        }
    }

    @Test
    void bumpingIntoTheEdgeOrTheSeaFloorLeavesTheSubmarineInPlace() {
        DeepSeaTreasure<int[]> env = DeepSeaTreasure.of(TreasureMap.CONVEX);
        env.reset(0);
        for (int action : new int[] {UP, LEFT}) {
            Step<int[]> step = env.step(action);
            assertArrayEquals(new int[] {0, 0}, step.observation());
            assertArrayEquals(new double[] {0.0, -1.0}, step.rewards());
            assertFalse(step.terminated());
        }
        // (5, 5) is sea floor; (5, 6) open water above it.
        env.setState(new double[] {5, 6});
        Step<int[]> floor = env.step(LEFT);
        assertArrayEquals(new int[] {5, 6}, floor.observation());
        assertArrayEquals(new double[] {0.0, -1.0}, floor.rewards());
        assertFalse(floor.terminated());

        env.setState(new double[] {10, 10});
        assertArrayEquals(new int[] {10, 10}, env.step(DOWN).observation());
        assertArrayEquals(new int[] {10, 10}, env.step(RIGHT).observation());
        assertArrayEquals(new int[] {9, 10}, env.step(UP).observation());
    }

    @Test
    void floatStateObservesPositionTimesOneTenthInFloat32() {
        EnvRegistry registry = EnvRegistry.defaults();
        Environment<float[], Integer> env = registry.make("deep-sea-treasure-v0", Map.of("float_state", true));
        assertEquals(Box.uniform(0f, 1f, 2), env.observationSpace());
        assertArrayEquals(new float[] {0f, 0f}, env.reset(0).observation());
        assertArrayEquals(new float[] {0f, 0.1f}, env.step(RIGHT).observation());
        env.step(RIGHT);
        // NumPy multiplies the float32 position by 0.1 in float32: 3 * 0.1 gives 0.3f.
        assertArrayEquals(new float[] {0f, 0.3f}, env.step(RIGHT).observation());
        assertArrayEquals(new float[] {0.1f, 0.3f}, env.step(DOWN).observation());
        DeepSeaTreasure<float[]> direct = DeepSeaTreasure.withFloatState(TreasureMap.CONCAVE);
        direct.reset(0);
        direct.setState(new double[] {3, 7});
        assertArrayEquals(new float[] {0.3f, 0.6f}, direct.step(LEFT).observation());
    }

    @Test
    void registryBuildsBothMapsAndRejectsUnknownArguments() {
        EnvRegistry registry = EnvRegistry.defaults();
        assertEquals(100, registry.spec("deep-sea-treasure-v0").maxEpisodeSteps());
        assertEquals(100, registry.spec("deep-sea-treasure-concave-v0").maxEpisodeSteps());
        DeepSeaTreasure<?> convex = (DeepSeaTreasure<?>) registry.make("deep-sea-treasure-v0").unwrapped();
        DeepSeaTreasure<?> concave = (DeepSeaTreasure<?>) registry.make("deep-sea-treasure-concave-v0").unwrapped();
        assertEquals(TreasureMap.CONVEX, convex.map());
        assertEquals(TreasureMap.CONCAVE, concave.map());
        assertEquals("deep-sea-treasure-concave-v0", concave.id());
        DeepSeaTreasure<?> viaKwarg = (DeepSeaTreasure<?>) registry
                .make("deep-sea-treasure-v0", Map.of("dst_map", "concave")).unwrapped();
        assertEquals(TreasureMap.CONCAVE, viaKwarg.map());

        for (String id : List.of("deep-sea-treasure-v0", "deep-sea-treasure-concave-v0")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> registry.make(id, Map.of("bogus", 1)));
            assertTrue(e.getMessage().contains("bogus"), e.getMessage());
        }
        IllegalArgumentException badMap = assertThrows(IllegalArgumentException.class,
                () -> registry.make("deep-sea-treasure-v0", Map.of("dst_map", "mirrored")));
        assertTrue(badMap.getMessage().contains("dst_map"), badMap.getMessage());
    }

    @Test
    void timeLimitTruncatesAfterOneHundredSteps() {
        Environment<int[], Integer> env = EnvRegistry.defaults().make("deep-sea-treasure-v0");
        env.reset(0);
        for (int t = 1; t <= 100; t++) {
            Step<int[]> step = env.step(UP);
            assertFalse(step.terminated());
            assertEquals(t == 100, step.truncated(), "truncated at step " + t);
        }
    }

    @Test
    void outOfRangeActionsRaise() {
        DeepSeaTreasure<int[]> env = DeepSeaTreasure.of(TreasureMap.CONVEX);
        env.reset(0);
        assertThrows(InvalidActionException.class, () -> env.step(4));
        assertThrows(InvalidActionException.class, () -> env.step(-1));
        assertThrows(InvalidActionException.class, () -> env.step(null));
    }

    @Test
    void setStateRejectsImpossibleStates() {
        DeepSeaTreasure<int[]> env = DeepSeaTreasure.of(TreasureMap.CONVEX);
        assertThrows(IllegalStateException.class, () -> env.setState(new double[] {0, 1}), "before any reset");
        env.reset(0);
        assertThrows(IllegalArgumentException.class, () -> env.setState(new double[] {0}));
        assertThrows(IllegalArgumentException.class, () -> env.setState(new double[] {0, 0, 0}));
        assertThrows(IllegalArgumentException.class, () -> env.setState(new double[] {2, 0}), "sea floor");
        assertThrows(IllegalArgumentException.class, () -> env.setState(new double[] {11, 10}), "off the grid");
        assertThrows(IllegalArgumentException.class, () -> env.setState(new double[] {-1, 0}), "off the grid");
        assertThrows(IllegalArgumentException.class, () -> env.setState(new double[] {0.5, 0}));
        assertThrows(IllegalArgumentException.class, () -> env.setState(new double[] {Double.NaN, 0}));
        assertArrayEquals(new double[] {0, 0}, env.getState(), "a rejected state changes nothing");
    }

    @Test
    void setStateContinuesAfterTermination() {
        DeepSeaTreasure<int[]> env = DeepSeaTreasure.of(TreasureMap.CONVEX);
        env.reset(0);
        assertTrue(env.step(DOWN).terminated());
        assertThrows(IllegalStateException.class, () -> env.step(RIGHT));
        env.setState(new double[] {1, 1});
        Step<int[]> step = env.step(DOWN);
        assertArrayEquals(new int[] {2, 1}, step.observation());
        assertArrayEquals(new double[] {(float) 8.2, -1.0}, step.rewards());
    }

    @Test
    void undiscountedFrontsAreTheReferenceFronts() {
        assertFront(CONVEX_FRONT, TreasureMap.CONVEX.paretoFront());
        assertFront(CONCAVE_FRONT, TreasureMap.CONCAVE.paretoFront(1.0));
        assertFront(CONVEX_FRONT, DeepSeaTreasure.of(TreasureMap.CONVEX).paretoFront());
    }

    @Test
    void discountedFrontDiscountsTreasureByStepsMinusOneAndSumsTheTimePenalty() {
        List<double[]> front = TreasureMap.CONVEX.paretoFront(0.5);
        assertEquals(10, front.size());
        assertArrayEquals(new double[] {0.7, -1.0}, front.get(0), 1e-12);
        assertArrayEquals(new double[] {8.2 * 0.25, -(1 + 0.5 + 0.25)}, front.get(1), 1e-12);
        double gamma = 0.99;
        double time19 = (1 - Math.pow(gamma, 19)) / (1 - gamma);
        assertArrayEquals(new double[] {124.0 * Math.pow(gamma, 18), -time19},
                DeepSeaTreasure.of(TreasureMap.CONCAVE).paretoFront(gamma).get(9), 1e-9);
        assertEquals(10, Dominance.nonDominated(TreasureMap.CONVEX.paretoFront(0.98)).size());
        assertEquals(2, Dominance.nonDominated(TreasureMap.CONVEX.paretoFront(0.8)).size(),
                "discounting makes farther treasures worth less than 8.2 two steps below the surface");
        assertEquals(6, Dominance.nonDominated(TreasureMap.CONCAVE.paretoFront(0.8)).size());
        assertThrows(IllegalArgumentException.class, () -> TreasureMap.CONVEX.paretoFront(1.5));
        assertThrows(IllegalArgumentException.class, () -> TreasureMap.CONVEX.paretoFront(Double.NaN));
    }

    @Test
    void hypervolumesOfTheKnownFronts() {
        double[] reference = {0, -25};
        assertEquals(401.8, Hypervolume.of(TreasureMap.CONVEX.paretoFront(), reference), 1e-9);
        assertEquals(1155.0, Hypervolume.of(TreasureMap.CONCAVE.paretoFront(), reference), 1e-9);
    }

    private static void assertFront(double[][] expected, List<double[]> actual) {
        assertEquals(expected.length, actual.size());
        for (int i = 0; i < expected.length; i++) {
            assertArrayEquals(expected[i], actual.get(i), "front point " + i);
        }
    }
}

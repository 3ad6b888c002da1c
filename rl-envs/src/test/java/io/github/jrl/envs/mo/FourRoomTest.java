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
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FourRoomTest {

    private static final double[] NOTHING = {0, 0, 0};

    @Test
    void spacesAndStart() {
        FourRoom env = new FourRoom();
        assertEquals("four-room-v0", env.id());
        assertEquals(12, env.shapeCount());
        assertEquals(IntBox.uniform(0, 13, 14), env.observationSpace());
        assertEquals(new Discrete(4), env.actionSpace());
        assertEquals(3, env.rewardDim());
        int[] start = new int[14];
        start[0] = 12;
        assertArrayEquals(start, env.reset(3).observation());
        assertArrayEquals(toDouble(start), env.getState());
    }

    @Test
    void edgesAndWallsBlockMoves() {
        FourRoom env = new FourRoom();
        env.reset(0);
        for (int action : new int[] {FourRoom.LEFT, FourRoom.DOWN}) {
            Step<int[]> step = env.step(action);
            assertEquals(12, step.observation()[0]);
            assertEquals(0, step.observation()[1]);
            assertArrayEquals(NOTHING, step.rewards());
            assertFalse(step.terminated());
        }
        env.setState(state(1, 5));
        Step<int[]> wall = env.step(FourRoom.RIGHT);
        assertArrayEquals(new int[] {1, 5}, new int[] {wall.observation()[0], wall.observation()[1]});
        assertArrayEquals(NOTHING, wall.rewards());
    }

    @Test
    void collectingAShapeRewardsItsTypeOnceAndSetsItsFlag() {
        FourRoom env = new FourRoom();
        env.reset(0);
        env.step(FourRoom.UP);
        env.step(FourRoom.UP);
        for (int i = 0; i < 5; i++) {
            assertArrayEquals(NOTHING, env.step(FourRoom.RIGHT).rewards());
        }
        // (10, 6) holds a shape of type 2, the seventh shape counted column by column.
        Step<int[]> collect = env.step(FourRoom.RIGHT);
        int[] expected = new int[14];
        expected[0] = 10;
        expected[1] = 6;
        expected[2 + 6] = 1;
        assertArrayEquals(expected, collect.observation());
        assertArrayEquals(new double[] {0, 1, 0}, collect.rewards());
        assertFalse(collect.terminated());

        env.step(FourRoom.RIGHT);
        Step<int[]> again = env.step(FourRoom.LEFT);
        assertArrayEquals(expected, again.observation());
        assertArrayEquals(NOTHING, again.rewards(), "an already collected shape gives nothing");
    }

    @Test
    void shapeTypesMapToRewardComponents() {
        FourRoom env = new FourRoom();
        env.reset(0);
        // (0, 0) is type 1 (flag 0), (5, 0) type 2 (flag 1), (6, 2) type 3 (flag 2).
        env.setState(state(1, 0));
        assertArrayEquals(new double[] {1, 0, 0}, env.step(FourRoom.UP).rewards());
        env.setState(state(4, 0));
        Step<int[]> two = env.step(FourRoom.DOWN);
        assertArrayEquals(new double[] {0, 1, 0}, two.rewards());
        assertEquals(1, two.observation()[2 + 1]);
        env.setState(state(7, 2));
        Step<int[]> three = env.step(FourRoom.UP);
        assertArrayEquals(new double[] {0, 0, 1}, three.rewards());
        assertEquals(1, three.observation()[2 + 2]);
    }

    @Test
    void theGoalGivesOnesAndTerminates() {
        FourRoom env = new FourRoom();
        env.reset(0);
        double[] state = state(0, 11);
        state[2 + 5] = 1;
        env.setState(state);
        Step<int[]> step = env.step(FourRoom.RIGHT);
        assertArrayEquals(new double[] {1, 1, 1}, step.rewards());
        assertTrue(step.terminated());
        assertEquals(0, step.observation()[0]);
        assertEquals(12, step.observation()[1]);
        assertEquals(1, step.observation()[2 + 5], "flags are kept");
        assertThrows(IllegalStateException.class, () -> env.step(FourRoom.LEFT));
    }

    @Test
    void customMazeFromKeywordArgument() {
        EnvRegistry registry = EnvRegistry.defaults();
        assertEquals(200, registry.spec("four-room-v0").maxEpisodeSteps());
        Environment<int[], Integer> env = registry.make("four-room-v0", Map.of("maze", List.of("_3X", " 1G")));
        assertEquals(IntBox.uniform(0, 2, 4), env.observationSpace());
        assertArrayEquals(new int[] {0, 0, 0, 0}, env.reset(0).observation());
        Step<int[]> three = env.step(FourRoom.RIGHT);
        assertArrayEquals(new int[] {0, 1, 1, 0}, three.observation());
        assertArrayEquals(new double[] {0, 0, 1}, three.rewards());
        assertArrayEquals(new int[] {0, 1, 1, 0}, env.step(FourRoom.RIGHT).observation(), "wall");
        Step<int[]> one = env.step(FourRoom.DOWN);
        assertArrayEquals(new int[] {1, 1, 1, 1}, one.observation());
        assertArrayEquals(new double[] {1, 0, 0}, one.rewards());
        assertTrue(env.step(FourRoom.RIGHT).terminated());
    }

    @Test
    void malformedMazesAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new FourRoom("m", List.of("_ G", "  ")), "ragged");
        assertThrows(IllegalArgumentException.class, () -> new FourRoom("m", List.of("_  ")), "no goal");
        assertThrows(IllegalArgumentException.class, () -> new FourRoom("m", List.of("_GG")), "two goals");
        assertThrows(IllegalArgumentException.class, () -> new FourRoom("m", List.of("  G")), "no start");
        assertThrows(IllegalArgumentException.class, () -> new FourRoom("m", List.of("_4G")), "shape type 4");
        assertThrows(IllegalArgumentException.class, () -> new FourRoom("m", List.of()), "empty");
    }

    @Test
    void invalidActionsStateAndArguments() {
        FourRoom env = new FourRoom();
        env.reset(0);
        assertThrows(InvalidActionException.class, () -> env.step(4));
        assertThrows(InvalidActionException.class, () -> env.step(-1));
        assertThrows(IllegalArgumentException.class, () -> env.setState(new double[] {12, 0}), "flags missing");
        assertThrows(IllegalArgumentException.class, () -> env.setState(state(6, 0)), "wall");
        double[] badFlag = state(12, 0);
        badFlag[3] = 2;
        assertThrows(IllegalArgumentException.class, () -> env.setState(badFlag));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> EnvRegistry.defaults().make("four-room-v0", Map.of("bogus", 1)));
        assertTrue(e.getMessage().contains("bogus"), e.getMessage());
    }

    private static double[] state(int row, int col) {
        double[] s = new double[14];
        s[0] = row;
        s[1] = col;
        return s;
    }

    private static double[] toDouble(int[] values) {
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i];
        }
        return out;
    }
}

package io.github.jrl.envs.toytext;

import static io.github.jrl.envs.toytext.CliffWalking.DOWN;
import static io.github.jrl.envs.toytext.CliffWalking.LEFT;
import static io.github.jrl.envs.toytext.CliffWalking.RIGHT;
import static io.github.jrl.envs.toytext.CliffWalking.UP;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.jrl.core.env.Environment;
import io.github.jrl.core.env.InvalidActionException;
import io.github.jrl.core.env.Step;
import io.github.jrl.core.space.Discrete;
import io.github.jrl.envs.EnvRegistry;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CliffWalkingTest {

    private static CliffWalking env() {
        CliffWalking env = new CliffWalking();
        env.reset(0L);
        return env;
    }

    private static void assertStepFrom(CliffWalking env, int state, int action, int next, double reward,
            boolean terminated) {
        env.setState(new double[] {state});
        Step<Integer> step = env.step(action);
        assertEquals(next, step.observation());
        assertEquals(reward, step.reward());
        assertEquals(terminated, step.terminated());
        assertFalse(step.truncated());
        assertEquals(Map.of("prob", 1.0), step.info());
    }

    @Test
    void startsAtTheBottomLeftCorner() {
        CliffWalking env = new CliffWalking();
        var reset = env.reset(3L);
        assertEquals(36, reset.observation());
        assertEquals(Map.of("prob", 1.0), reset.info());
        assertEquals(new Discrete(48), env.observationSpace());
        assertEquals(new Discrete(4), env.actionSpace());
    }

    @Test
    void ordinaryMovesCostOne() {
        CliffWalking env = env();
        assertStepFrom(env, 36, UP, 24, -1, false);
        assertStepFrom(env, 24, RIGHT, 25, -1, false);
        assertStepFrom(env, 13, DOWN, 25, -1, false);
        assertStepFrom(env, 13, LEFT, 12, -1, false);
        assertStepFrom(env, 36, LEFT, 36, -1, false);
        assertStepFrom(env, 36, DOWN, 36, -1, false);
        assertStepFrom(env, 0, UP, 0, -1, false);
        assertStepFrom(env, 11, RIGHT, 11, -1, false);
    }

    @Test
    void theCliffSendsTheAgentBackToTheStartWithoutEndingTheEpisode() {
        CliffWalking env = env();
        assertStepFrom(env, 36, RIGHT, 36, -100, false);
        for (int col = 1; col <= 10; col++) {
            assertStepFrom(env, 24 + col, DOWN, 36, -100, false);
        }
        env.setState(new double[] {36});
        env.step(RIGHT);
        assertEquals(-1, env.step(UP).reward());
    }

    @Test
    void enteringTheGoalTerminates() {
        CliffWalking env = env();
        assertStepFrom(env, 35, DOWN, 47, -1, true);
        assertEquals(List.of(new Transition(1.0, 47, -1, true)), env.transitionTable().transitions(35, DOWN));
        // The reference's table also has outcomes from the goal and cliff cells, which no episode reaches.
        assertEquals(List.of(new Transition(1.0, 35, -1, false)), env.transitionTable().transitions(47, UP));
        assertEquals(List.of(new Transition(1.0, 36, -100, false)), env.transitionTable().transitions(37, RIGHT));
    }

    @Test
    void cliffCellsAreRowThreeBetweenStartAndGoal() {
        for (int col = 0; col < 12; col++) {
            assertEquals(col >= 1 && col <= 10, CliffWalking.isCliff(3, col));
            assertFalse(CliffWalking.isCliff(2, col));
        }
    }

    @Test
    void theRegistryAddsNoTimeLimit() {
        EnvRegistry registry = EnvRegistry.defaults();
        assertEquals(0, registry.spec("CliffWalking-v0").maxEpisodeSteps());
        Environment<Integer, Integer> env = registry.make("CliffWalking-v0");
        assertInstanceOf(CliffWalking.class, env.unwrapped());
        env.reset(0L);
        for (int i = 0; i < 1000; i++) {
            Step<Integer> step = env.step(LEFT);
            assertFalse(step.done());
        }
        assertThrows(InvalidActionException.class, () -> env.step(4));
        assertThrows(IllegalArgumentException.class, () -> registry.make("CliffWalking-v0", Map.of("is_slippery", true)));
    }

    @Test
    void setStateRejectsCellsOutsideTheGrid() {
        CliffWalking env = env();
        assertThrows(IllegalArgumentException.class, () -> env.setState(new double[] {48}));
        assertThrows(IllegalArgumentException.class, () -> env.setState(new double[0]));
    }
}

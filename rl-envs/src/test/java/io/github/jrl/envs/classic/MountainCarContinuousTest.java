package io.github.jrl.envs.classic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.jrl.core.env.Environment;
import io.github.jrl.core.env.InvalidActionException;
import io.github.jrl.core.env.Step;
import io.github.jrl.core.space.Box;
import io.github.jrl.envs.Envs;
import io.github.jrl.envs.MakeOptions;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MountainCarContinuousTest {

    private static MountainCarContinuous resetAt(double position, double velocity) {
        MountainCarContinuous env = new MountainCarContinuous();
        env.reset(0);
        env.setState(new double[] {position, velocity});
        return env;
    }

    @Test
    void stepPushesWithTheForceTimesThePowerAndStoresFloat32() {
        MountainCarContinuous env = resetAt(-0.5, 0.01);
        Step<float[]> step = env.step(new float[] {0.5f});
        double velocity = 0.01 + (0.5 * 0.0015 - 0.0025 * Math.cos(3 * -0.5));
        double position = -0.5 + velocity;
        assertArrayEquals(new double[] {(float) position, (float) velocity}, env.getState());
        assertArrayEquals(new float[] {(float) position, (float) velocity}, step.observation());
        assertEquals(-0.1 * 0.25, step.reward(), 1e-17);
        assertFalse(step.terminated());
    }

    @Test
    void outOfRangeForceIsClippedButTheRewardSquaresTheRawAction() {
        MountainCarContinuous clipped = resetAt(-0.5, 0.01);
        MountainCarContinuous full = resetAt(-0.5, 0.01);
        Step<float[]> big = clipped.step(new float[] {1.5f});
        full.step(new float[] {1.0f});
        assertArrayEquals(full.getState(), clipped.getState());
        assertEquals(-0.1 * 2.25, big.reward(), 1e-16);
        Step<float[]> negative = resetAt(-0.5, 0.01).step(new float[] {-3f});
        assertEquals(-0.9, negative.reward(), 1e-15);
    }

    @Test
    void reachingTheGoalPaysOneHundredMinusTheActionCost() {
        Step<float[]> goal = resetAt(0.44, 0.02).step(new float[] {0f});
        assertTrue(goal.terminated());
        assertEquals(100.0, goal.reward());
        Step<float[]> pushing = resetAt(0.44, 0.02).step(new float[] {1f});
        assertEquals(100.0 - 0.1, pushing.reward(), 1e-13);
        assertFalse(resetAt(0.40, 0.02).step(new float[] {0f}).terminated());
        MountainCarContinuous demanding = new MountainCarContinuous(0.05);
        demanding.reset(0);
        demanding.setState(new double[] {0.44, 0.02});
        assertFalse(demanding.step(new float[] {0f}).terminated());
    }

    @Test
    void nanAndWrongLengthActionsAreRejected() {
        MountainCarContinuous env = resetAt(-0.5, 0);
        assertThrows(InvalidActionException.class, () -> env.step(new float[] {Float.NaN}));
        assertThrows(InvalidActionException.class, () -> env.step(new float[] {0.1f, 0.2f}));
        assertThrows(InvalidActionException.class, () -> env.step(null));
    }

    @Test
    void theRegistryRejectsOutOfRangeActionsUnlessTheCheckerIsDisabled() {
        Environment<float[], float[]> checked = Envs.make(MountainCarContinuous.ID);
        checked.reset(0);
        assertThrows(InvalidActionException.class, () -> checked.step(new float[] {1.5f}));
        Environment<float[], float[]> raw = Envs.make(MountainCarContinuous.ID,
                MakeOptions.defaults().withEnvCheckerDisabled());
        raw.reset(0);
        assertEquals(-0.225, raw.step(new float[] {1.5f}).reward(), 1e-16);
    }

    @Test
    void resetStateIsFloat64AtRest() {
        MountainCarContinuous env = new MountainCarContinuous();
        boolean anyNotFloat32 = false;
        for (int seed = 0; seed < 100; seed++) {
            env.reset(seed);
            double[] s = env.getState();
            assertTrue(s[0] >= -0.6 && s[0] < -0.4);
            assertEquals(0.0, s[1]);
            anyNotFloat32 |= (float) s[0] != s[0];
        }
        assertTrue(anyNotFloat32, "the reference rounds to float32 only from the first step on");
        env.reset(1, Map.of("low", -0.3, "high", -0.3));
        assertEquals(-0.3, env.getState()[0]);
    }

    @Test
    void spacesKwargsAndStateValidation() {
        MountainCarContinuous env = new MountainCarContinuous();
        assertEquals(Box.uniform(-1f, 1f, 1), env.actionSpace());
        assertEquals(Box.of(new float[] {-1.2f, -0.07f}, new float[] {0.6f, 0.07f}), env.observationSpace());
        assertThrows(IllegalArgumentException.class, () -> Envs.make(MountainCarContinuous.ID, Map.of("g", 1.0)));
        Envs.make(MountainCarContinuous.ID, Map.of("goal_velocity", 0.01));
        env.reset(0);
        assertThrows(IllegalArgumentException.class, () -> env.setState(new double[3]));
    }
}

package io.github.jrl.envs.classic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.jrl.core.env.Environment;
import io.github.jrl.core.env.InvalidActionException;
import io.github.jrl.core.env.SimulatorState;
import io.github.jrl.core.env.Step;
import io.github.jrl.core.space.Box;
import io.github.jrl.core.space.Discrete;
import io.github.jrl.envs.Envs;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MountainCarTest {

    private static MountainCar resetAt(double position, double velocity) {
        MountainCar env = new MountainCar();
        env.reset(0);
        env.setState(new double[] {position, velocity});
        return env;
    }

    @Test
    void stepFollowsMooresEquations() {
        // v' = v + (a - 1) * 0.001 - 0.0025 cos(3 p), p' = p + v'.
        for (int action = 0; action < 3; action++) {
            MountainCar env = resetAt(-0.5, 0.01);
            Step<float[]> step = env.step(action);
            double velocity = 0.01 + ((action - 1) * 0.001 - 0.0025 * Math.cos(3 * -0.5));
            double position = -0.5 + velocity;
            assertArrayEquals(new double[] {position, velocity}, env.getState(), 1e-17);
            assertArrayEquals(new float[] {(float) position, (float) velocity}, step.observation());
            assertEquals(-1.0, step.reward());
            assertFalse(step.terminated());
        }
    }

    @Test
    void velocityIsClippedToTheMaximumSpeed() {
        // At p = -pi/6 the slope is flat (cos(3p) = 0), so only the engine changes the velocity.
        MountainCar env = resetAt(-Math.PI / 6, 0.0695);
        env.step(2);
        assertArrayEquals(new double[] {-Math.PI / 6 + 0.07, 0.07}, env.getState());
        MountainCar back = resetAt(-Math.PI / 6, -0.0695);
        back.step(0);
        assertEquals(-0.07, back.getState()[1]);
    }

    @Test
    void theLeftWallStopsTheCar() {
        MountainCar env = resetAt(-1.19, -0.05);
        env.step(0);
        assertArrayEquals(new double[] {-1.2, 0.0}, env.getState());
    }

    @Test
    void terminatesAtTheGoalWithEnoughVelocity() {
        Step<float[]> goal = resetAt(0.49, 0.02).step(1);
        assertTrue(goal.terminated());
        assertEquals(-1.0, goal.reward());
        assertFalse(resetAt(0.45, 0.02).step(1).terminated());
        MountainCar demanding = new MountainCar(0.05);
        demanding.reset(0);
        demanding.setState(new double[] {0.49, 0.02});
        assertFalse(demanding.step(1).terminated(), "goal_velocity 0.05 not reached");
    }

    @Test
    void goalVelocityComesFromKwargs() {
        Environment<float[], Integer> env = Envs.make(MountainCar.ID, Map.of("goal_velocity", 0.05));
        env.reset(0);
        ((SimulatorState) env.unwrapped()).setState(new double[] {0.49, 0.02});
        assertFalse(env.step(1).terminated());
        assertThrows(IllegalArgumentException.class, () -> Envs.make(MountainCar.ID, Map.of("goal_velocity", "x")));
        assertThrows(IllegalArgumentException.class, () -> new MountainCar(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> Envs.make(MountainCar.ID, Map.of("bogus", 1)));
    }

    @Test
    void resetPutsTheCarAtRestInTheValley() {
        MountainCar env = new MountainCar();
        for (int seed = 0; seed < 200; seed++) {
            float[] obs = env.reset(seed).observation();
            double[] s = env.getState();
            assertTrue(s[0] >= -0.6 && s[0] < -0.4, String.valueOf(s[0]));
            assertEquals(0.0, s[1]);
            assertArrayEquals(new float[] {(float) s[0], 0f}, obs);
        }
        MountainCar other = new MountainCar();
        assertArrayEquals(env.reset(3).observation(), other.reset(3).observation());
        env.reset(3, Map.of("low", 0.1, "high", 0.2));
        assertTrue(env.getState()[0] >= 0.1 && env.getState()[0] < 0.2);
        assertThrows(IllegalArgumentException.class, () -> env.reset(3, Map.of("low", 0.3, "high", 0.2)));
        assertThrows(IllegalArgumentException.class, () -> env.reset(3, Map.of("x_init", 0.3)));
    }

    @Test
    void spacesAndValidation() {
        MountainCar env = new MountainCar();
        assertEquals(new Discrete(3), env.actionSpace());
        assertEquals(Box.of(new float[] {-1.2f, -0.07f}, new float[] {0.6f, 0.07f}), env.observationSpace());
        env.reset(0);
        assertThrows(InvalidActionException.class, () -> env.step(3));
        assertThrows(IllegalArgumentException.class, () -> env.setState(new double[] {0.1}));
    }
}

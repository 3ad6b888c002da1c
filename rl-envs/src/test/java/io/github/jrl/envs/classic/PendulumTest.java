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
import io.github.jrl.envs.Envs;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PendulumTest {

    private static Pendulum resetAt(double theta, double thetaDot) {
        return resetAt(new Pendulum(), theta, thetaDot);
    }

    private static Pendulum resetAt(Pendulum env, double theta, double thetaDot) {
        env.reset(0);
        env.setState(new double[] {theta, thetaDot});
        return env;
    }

    @Test
    void torqueFromUprightRest() {
        // theta_dot' = 0 + (3g/2l sin 0 + 3/(m l^2) u) dt = 3 * 1 * 0.05 = 0.15, theta' = 0.15 * 0.05;
        // cost = 0^2 + 0.1 * 0^2 + 0.001 * 1^2.
        Pendulum env = resetAt(0, 0);
        Step<float[]> step = env.step(new float[] {1f});
        assertArrayEquals(new double[] {0.15 * 0.05, 0.15}, env.getState(), 1e-16);
        assertArrayEquals(new float[] {(float) Math.cos(0.0075), (float) Math.sin(0.0075), 0.15f}, step.observation());
        assertEquals(-0.001, step.reward(), 1e-18);
        assertFalse(step.terminated());
    }

    @Test
    void gravityPullsAHorizontalPendulumDown() {
        // 3 g / (2 l) sin(pi/2) dt = 15 * 0.05 = 0.75.
        Pendulum env = resetAt(Math.PI / 2, 0);
        env.step(new float[] {0f});
        assertEquals(0.75, env.getState()[1], 1e-15);
        Pendulum weightless = resetAt(new Pendulum(0.0), Math.PI / 2, 0);
        weightless.step(new float[] {0f});
        assertArrayEquals(new double[] {Math.PI / 2, 0}, weightless.getState());
    }

    @Test
    void gravityComesFromKwargs() {
        Environment<float[], float[]> env = Envs.make(Pendulum.ID, Map.of("g", 9.81));
        env.reset(0);
        ((SimulatorState) env.unwrapped()).setState(new double[] {Math.PI / 2, 0});
        env.step(new float[] {0f});
        assertEquals(3 * 9.81 / 2 * 0.05, ((SimulatorState) env.unwrapped()).getState()[1], 1e-15);
        assertThrows(IllegalArgumentException.class, () -> Envs.make(Pendulum.ID, Map.of("g", "strong")));
        assertThrows(IllegalArgumentException.class, () -> Envs.make(Pendulum.ID, Map.of("bogus", 1)));
        assertThrows(IllegalArgumentException.class, () -> new Pendulum(Double.POSITIVE_INFINITY));
    }

    @Test
    void costUsesThePreStepStateAndTheClippedTorque() {
        Step<float[]> step = resetAt(Math.PI / 2, 1.0).step(new float[] {5f});
        assertEquals(-(Math.PI / 2 * (Math.PI / 2) + 0.1 + 0.001 * 4), step.reward(), 1e-15);
        Pendulum clipped = resetAt(0.3, -0.2);
        Pendulum max = resetAt(0.3, -0.2);
        assertEquals(max.step(new float[] {-2f}).reward(), clipped.step(new float[] {-7f}).reward());
        assertArrayEquals(max.getState(), clipped.getState());
    }

    @Test
    void angleIsNormalisedWithAFlooredModulo() {
        assertEquals(-Math.PI / 2, Pendulum.angleNormalize(3 * Math.PI / 2), 1e-15);
        assertEquals(-Math.PI, Pendulum.angleNormalize(Math.PI), 0.0);
        assertEquals(-Math.PI, Pendulum.angleNormalize(-Math.PI), 0.0);
        assertEquals(7 - 2 * Math.PI, Pendulum.angleNormalize(7), 1e-15);
        assertEquals(-7 + 2 * Math.PI, Pendulum.angleNormalize(-7), 1e-15);
        assertEquals(0.5, Pendulum.angleNormalize(0.5 + 4 * Math.PI), 1e-14);
    }

    @Test
    void angularVelocityIsClippedToEight() {
        Pendulum env = resetAt(0, 7.9);
        env.step(new float[] {2f});
        assertEquals(8.0, env.getState()[1]);
        assertEquals(0.4, env.getState()[0], 1e-15);
    }

    @Test
    void neverTerminatesAndIsTruncatedAtTwoHundredSteps() {
        Environment<float[], float[]> env = Envs.make(Pendulum.ID);
        env.reset(0);
        for (int t = 1; t < 200; t++) {
            Step<float[]> step = env.step(new float[] {0.5f});
            assertFalse(step.terminated() || step.truncated());
        }
        Step<float[]> last = env.step(new float[] {0.5f});
        assertFalse(last.terminated());
        assertTrue(last.truncated());
    }

    @Test
    void resetDrawsAngleAndVelocitySymmetrically() {
        Pendulum env = new Pendulum();
        for (int seed = 0; seed < 200; seed++) {
            float[] obs = env.reset(seed).observation();
            double[] s = env.getState();
            assertTrue(s[0] >= -Math.PI && s[0] < Math.PI);
            assertTrue(s[1] >= -1 && s[1] < 1);
            assertArrayEquals(new float[] {(float) Math.cos(s[0]), (float) Math.sin(s[0]), (float) s[1]}, obs);
        }
        env.reset(1, Map.of("x_init", 0.1, "y_init", 0.2));
        assertTrue(Math.abs(env.getState()[0]) <= 0.1 && Math.abs(env.getState()[1]) <= 0.2);
        env.reset(1, Map.of("y_init", 0));
        assertEquals(0.0, env.getState()[1], 0.0);
        Pendulum other = new Pendulum();
        assertArrayEquals(env.reset(9).observation(), other.reset(9).observation());
        assertThrows(IllegalArgumentException.class, () -> env.reset(1, Map.of("low", 0.1)));
        assertThrows(IllegalArgumentException.class, () -> env.reset(1, Map.of("x_init", "a")));
    }

    @Test
    void spacesAndActionValidation() {
        Pendulum env = resetAt(0, 0);
        assertEquals(Box.uniform(-2f, 2f, 1), env.actionSpace());
        assertEquals(Box.of(new float[] {-1, -1, -8}, new float[] {1, 1, 8}), env.observationSpace());
        assertThrows(InvalidActionException.class, () -> env.step(new float[] {Float.NaN}));
        assertThrows(InvalidActionException.class, () -> env.step(new float[0]));
        assertThrows(IllegalArgumentException.class, () -> env.setState(new double[] {1, 2, 3}));
        Environment<float[], float[]> checked = Envs.make(Pendulum.ID);
        checked.reset(0);
        assertThrows(InvalidActionException.class, () -> checked.step(new float[] {2.5f}));
    }
}

package io.github.jrl.envs.classic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.jrl.core.env.InvalidActionException;
import io.github.jrl.core.env.Step;
import io.github.jrl.core.space.Box;
import io.github.jrl.core.space.Discrete;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AcrobotTest {

    private static Acrobot resetAt(double... state) {
        Acrobot env = new Acrobot();
        env.reset(0);
        env.setState(state);
        return env;
    }

    @Test
    void bookDynamicsAtRestUnderTorque() {
        // Hanging at rest: d1 = m1 lc1^2 + m2 (l1^2 + lc2^2 + 2 l1 lc2) + I1 + I2 = 4.5,
        // d2 = m2 (lc2^2 + l1 lc2) + I2 = 1.75, phi1 = phi2 = 0 (up to cos(-pi/2) ~ 6e-17), so
        // ddtheta2 = a / (m2 lc2^2 + I2 - d2^2 / d1) = 72/41 a and ddtheta1 = -d2 ddtheta2 / d1 = -28/41 a.
        double[] out = new double[4];
        Acrobot.dsdt(new double[] {0, 0, 0, 0}, 1.0, out);
        assertArrayEquals(new double[] {0, 0, -28.0 / 41, 72.0 / 41}, out, 1e-14);
    }

    @Test
    void bookDynamicsWithTheFirstLinkHorizontal() {
        // theta1 = pi/2, theta2 = 0, at rest, no torque: phi2 = m2 lc2 g = 4.9,
        // phi1 = (m1 lc1 + m2 l1) g + phi2 = 19.6, ddtheta2 = (d2/d1 phi1 - phi2) / (41/72) = 196/41,
        // ddtheta1 = -(d2 ddtheta2 + phi1) / d1 = -254.8/41.
        double[] out = new double[4];
        Acrobot.dsdt(new double[] {Math.PI / 2, 0, 0.5, -0.25}, 0.0, out);
        assertEquals(0.5, out[0], "the angles' derivatives are the velocities");
        assertEquals(-0.25, out[1]);
        Acrobot.dsdt(new double[] {Math.PI / 2, 0, 0, 0}, 0.0, out);
        assertArrayEquals(new double[] {0, 0, -254.8 / 41, 196.0 / 41}, out, 1e-13);
    }

    @Test
    void wrapAndBoundFollowTheReference() {
        assertEquals(4 - 2 * Math.PI, Acrobot.wrap(4, -Math.PI, Math.PI), 0.0);
        assertEquals(-7 + 2 * Math.PI, Acrobot.wrap(-7, -Math.PI, Math.PI), 0.0);
        assertEquals(10 - 4 * Math.PI, Acrobot.wrap(10, -Math.PI, Math.PI), 1e-15);
        assertEquals(Math.PI, Acrobot.wrap(Math.PI, -Math.PI, Math.PI), 0.0);
        assertEquals(1.0, Acrobot.wrap(1.0, -Math.PI, Math.PI), 0.0);
        assertEquals(4 * Math.PI, Acrobot.bound(20, -4 * Math.PI, 4 * Math.PI), 0.0);
        assertEquals(-4 * Math.PI, Acrobot.bound(-20, -4 * Math.PI, 4 * Math.PI), 0.0);
        assertEquals(3.0, Acrobot.bound(3.0, -4 * Math.PI, 4 * Math.PI), 0.0);
    }

    @Test
    void stepWrapsAnglesAndBoundsVelocities() {
        Acrobot env = resetAt(Math.PI - 0.01, -Math.PI + 0.01, 4 * Math.PI, -9 * Math.PI);
        env.step(1);
        double[] s = env.getState();
        assertTrue(s[0] >= -Math.PI && s[0] <= Math.PI, "theta1 " + s[0]);
        assertTrue(s[1] >= -Math.PI && s[1] <= Math.PI, "theta2 " + s[1]);
        assertTrue(Math.abs(s[2]) <= Acrobot.MAX_VEL_1, "dtheta1 " + s[2]);
        assertTrue(Math.abs(s[3]) <= Acrobot.MAX_VEL_2, "dtheta2 " + s[3]);
    }

    @Test
    void torqueDirectionFollowsTheAction() {
        Acrobot plus = resetAt(0, 0, 0, 0);
        plus.step(2);
        Acrobot minus = resetAt(0, 0, 0, 0);
        minus.step(0);
        Acrobot none = resetAt(0, 0, 0, 0);
        none.step(1);
        // About 72/41 * 0.2 = 0.35 for joint 2 and -28/41 * 0.2 = -0.14 for joint 1, less gravity.
        assertTrue(plus.getState()[3] > 0.3 && plus.getState()[2] < -0.1, "torque +1 speeds up joint 2");
        double[] p = plus.getState();
        double[] m = minus.getState();
        for (int i = 0; i < 4; i++) {
            assertEquals(-p[i], m[i], 1e-14, "torque -1 mirrors torque +1");
        }
        assertArrayEquals(new double[] {0, 0, 0, 0}, none.getState(), 1e-14, "hanging at rest is an equilibrium");
    }

    @Test
    void terminatesWithRewardZeroWhenTheTipIsAboveTheBar() {
        Step<float[]> up = resetAt(Math.PI, 0, 0, 0).step(1);
        assertTrue(up.terminated());
        assertEquals(0.0, up.reward());
        Step<float[]> down = resetAt(0, 0, 0, 0).step(1);
        assertFalse(down.terminated());
        assertEquals(-1.0, down.reward());
    }

    @Test
    void observationIsCosSinOfTheAnglesAndTheVelocities() {
        Acrobot env = resetAt(0.3, -1.2, 0.5, -2.0);
        float[] obs = env.step(1).observation();
        double[] s = env.getState();
        assertArrayEquals(new float[] {(float) Math.cos(s[0]), (float) Math.sin(s[0]), (float) Math.cos(s[1]),
            (float) Math.sin(s[1]), (float) s[2], (float) s[3]}, obs);
    }

    @Test
    void resetStateIsFloat32ValuedAndInBounds() {
        Acrobot env = new Acrobot();
        for (int seed = 0; seed < 200; seed++) {
            float[] obs = env.reset(seed).observation();
            double[] s = env.getState();
            for (double v : s) {
                assertTrue(v >= -0.1 && v <= 0.1, String.valueOf(v));
                assertEquals((float) v, v, 0.0, "reset state is float32");
            }
            assertEquals((float) Math.cos(s[0]), obs[0]);
            assertEquals((float) s[3], obs[5]);
        }
        Acrobot other = new Acrobot();
        env.reset(7);
        other.reset(7);
        assertArrayEquals(env.getState(), other.getState());
        env.reset(7, Map.of("low", 0.5, "high", 0.6));
        for (double v : env.getState()) {
            assertTrue(v >= 0.5f && v <= 0.6f);
        }
        assertThrows(IllegalArgumentException.class, () -> env.reset(7, Map.of("x_init", 1)));
    }

    @Test
    void spacesAndInvalidActions() {
        Acrobot env = new Acrobot();
        assertEquals(new Discrete(3), env.actionSpace());
        assertArrayEquals(new float[] {1, 1, 1, 1, (float) (4 * Math.PI), (float) (9 * Math.PI)},
                ((Box) env.observationSpace()).high());
        env.reset(0);
        assertThrows(InvalidActionException.class, () -> env.step(3));
        assertThrows(IllegalArgumentException.class, () -> env.setState(new double[5]));
    }
}

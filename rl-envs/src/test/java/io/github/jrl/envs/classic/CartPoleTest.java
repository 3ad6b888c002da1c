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
import io.github.jrl.core.space.Discrete;
import io.github.jrl.envs.Envs;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CartPoleTest {

    private static CartPole resetAt(double... state) {
        CartPole env = new CartPole();
        env.reset(0);
        env.setState(state);
        return env;
    }

    @Test
    void stepFromRestPushingRightMatchesTheEquationsByHand() {
        // At rest and upright: sin = 0, cos = 1, so temp = F / (m_c + m_p) = 100/11,
        // theta_acc = -temp / (l (4/3 - m_p / (m_c + m_p))) = -(100/11) / (41/66) = -600/41,
        // x_acc = temp - m_p l theta_acc / (m_c + m_p) = 100/11 + 300/451 = 400/41.
        CartPole env = resetAt(0, 0, 0, 0);
        Step<float[]> step = env.step(1);
        double[] s = env.getState();
        assertEquals(0.0, s[0], 0.0);
        assertEquals(0.02 * 400 / 41, s[1], 1e-15);
        assertEquals(0.0, s[2], 0.0);
        assertEquals(0.02 * -600 / 41, s[3], 1e-15);
        assertArrayEquals(new float[] {0f, (float) s[1], 0f, (float) s[3]}, step.observation());
        assertEquals(1.0, step.reward());
        assertFalse(step.terminated());
        assertFalse(step.truncated());
    }

    @Test
    void pushingLeftIsTheMirrorImage() {
        CartPole right = resetAt(0.1, 0.2, 0.03, -0.4);
        CartPole left = resetAt(-0.1, -0.2, -0.03, 0.4);
        right.step(1);
        left.step(0);
        double[] r = right.getState();
        double[] l = left.getState();
        for (int i = 0; i < 4; i++) {
            assertEquals(-r[i], l[i], 0.0);
        }
    }

    @Test
    void eulerStepUsesThePreStepVelocities() {
        CartPole env = resetAt(1.0, 0.5, 0.1, -0.3);
        env.step(1);
        double[] s = env.getState();
        assertEquals(1.0 + 0.02 * 0.5, s[0], 0.0);
        assertEquals(0.1 + 0.02 * -0.3, s[2], 0.0);
    }

    @Test
    void terminatesOnlyStrictlyBeyondThePositionThreshold() {
        assertFalse(resetAt(2.4, 0, 0, 0).step(1).terminated());
        assertFalse(resetAt(-2.4, 0, 0, 0).step(0).terminated());
        Step<float[]> right = resetAt(2.39, 1.0, 0, 0).step(1);
        assertTrue(right.terminated());
        assertEquals(1.0, right.reward(), "the terminating step is rewarded too");
        assertTrue(resetAt(-2.39, -1.0, 0, 0).step(0).terminated());
    }

    @Test
    void terminatesBeyondTwelveDegrees() {
        assertEquals(Math.toRadians(12), CartPole.THETA_THRESHOLD_RADIANS, 1e-15);
        assertFalse(resetAt(0, 0, 0.2, 0.4).step(1).terminated()); // theta -> 0.208
        assertTrue(resetAt(0, 0, 0.2, 0.5).step(1).terminated()); // theta -> 0.21
        assertTrue(resetAt(0, 0, -0.2, -0.5).step(0).terminated());
    }

    @Test
    void stepAfterTerminationRequiresReset() {
        CartPole env = resetAt(2.39, 1.0, 0, 0);
        env.step(1);
        assertThrows(IllegalStateException.class, () -> env.step(1));
        env.reset();
        env.step(1);
    }

    @Test
    void resetDrawsEachComponentUniformlyInDefaultBounds() {
        CartPole env = new CartPole();
        double[] min = new double[4];
        double[] max = new double[4];
        Arrays.fill(min, Double.MAX_VALUE);
        Arrays.fill(max, -Double.MAX_VALUE);
        for (int seed = 0; seed < 500; seed++) {
            float[] obs = env.reset(seed).observation();
            double[] s = env.getState();
            for (int i = 0; i < 4; i++) {
                assertTrue(s[i] >= -0.05 && s[i] < 0.05, "component " + i + " = " + s[i]);
                assertEquals((float) s[i], obs[i]);
                min[i] = Math.min(min[i], s[i]);
                max[i] = Math.max(max[i], s[i]);
            }
        }
        for (int i = 0; i < 4; i++) {
            assertTrue(min[i] < -0.045 && max[i] > 0.045, "the draws should cover the interval");
        }
    }

    @Test
    void sameSeedGivesTheSameStart() {
        CartPole a = new CartPole();
        CartPole b = new CartPole();
        assertArrayEquals(a.reset(42).observation(), b.reset(42).observation());
        assertArrayEquals(a.getState(), b.getState());
        b.reset(43);
        assertFalse(Arrays.equals(a.getState(), b.getState()));
    }

    @Test
    void resetBoundsComeFromOptions() {
        CartPole env = new CartPole();
        for (int seed = 0; seed < 50; seed++) {
            env.reset(seed, Map.of("low", 0, "high", 1));
            for (double v : env.getState()) {
                assertTrue(v >= 0 && v < 1, String.valueOf(v));
            }
        }
        env.reset(1, Map.of("high", 0.5));
        for (double v : env.getState()) {
            assertTrue(v >= -0.05 && v < 0.5);
        }
        assertThrows(IllegalArgumentException.class, () -> env.reset(1, Map.of("low", 1, "high", 0)));
        assertThrows(IllegalArgumentException.class, () -> env.reset(1, Map.of("low", "a")));
        assertThrows(IllegalArgumentException.class, () -> env.reset(1, Map.of("low", Double.NaN)));
        assertThrows(IllegalArgumentException.class, () -> env.reset(1, Map.of("bogus", 1)));
    }

    @Test
    void spacesAreThoseOfTheReference() {
        CartPole env = new CartPole();
        assertEquals(new Discrete(2), env.actionSpace());
        Box obs = (Box) env.observationSpace();
        assertArrayEquals(new float[] {4.8f, Float.MAX_VALUE, (float) Math.toRadians(24), Float.MAX_VALUE}, obs.high(),
                1e-7f);
        assertArrayEquals(new float[] {-4.8f, -Float.MAX_VALUE, (float) -Math.toRadians(24), -Float.MAX_VALUE},
                obs.low(), 1e-7f);
        assertEquals(1, env.rewardDim());
    }

    @Test
    void actionsOutsideTheSpaceAreRejected() {
        CartPole env = new CartPole();
        env.reset(0);
        assertThrows(InvalidActionException.class, () -> env.step(2));
        assertThrows(InvalidActionException.class, () -> env.step(-1));
        Environment<float[], Integer> made = Envs.make(CartPole.ID);
        made.reset(0);
        assertThrows(InvalidActionException.class, () -> made.step(2));
    }

    @Test
    void setStateValidatesAndGetStateCopies() {
        CartPole env = new CartPole();
        assertThrows(IllegalStateException.class, () -> env.setState(new double[4]), "needs a reset first");
        env.reset(0);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> env.setState(new double[3]));
        assertTrue(e.getMessage().contains("4") && e.getMessage().contains("theta_dot"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> env.setState(null));
        assertThrows(IllegalArgumentException.class, () -> env.setState(new double[] {0, Double.NaN, 0, 0}));
        double[] state = {0.1, 0.2, 0.3, 0.4};
        env.setState(state);
        state[0] = 9;
        double[] got = env.getState();
        assertArrayEquals(new double[] {0.1, 0.2, 0.3, 0.4}, got);
        got[1] = 9;
        assertEquals(0.2, env.getState()[1]);
    }

    @Test
    void setStateResumesATerminatedEpisode() {
        CartPole env = resetAt(2.39, 1.0, 0, 0);
        assertTrue(env.step(1).terminated());
        env.setState(new double[] {0, 0, 0, 0});
        assertFalse(env.step(1).terminated());
    }

    @Test
    void unknownKwargsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> Envs.make(CartPole.ID, Map.of("bogus", 1)));
    }
}

package io.github.jrl.envs.mo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.jrl.core.env.InvalidActionException;
import io.github.jrl.core.env.Step;
import io.github.jrl.core.space.Discrete;
import io.github.jrl.envs.classic.MountainCar;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MoMountainCarTest {

    private static MoMountainCar resetAt(double position, double velocity) {
        MoMountainCar env = new MoMountainCar();
        env.reset(0);
        env.setState(new double[] {position, velocity});
        return env;
    }

    @Test
    void rewardIsTimeReverseForward() {
        MoMountainCar env = new MoMountainCar();
        assertEquals(3, env.rewardDim());
        assertArrayEquals(new double[] {-1, -1, 0}, resetAt(-0.5, 0).step(0).rewards());
        assertArrayEquals(new double[] {-1, 0, 0}, resetAt(-0.5, 0).step(1).rewards());
        assertArrayEquals(new double[] {-1, 0, -1}, resetAt(-0.5, 0).step(2).rewards());
    }

    @Test
    void theGoalStepCostsNoTime() {
        Step<float[]> goal = resetAt(0.49, 0.02).step(2);
        assertTrue(goal.terminated());
        assertArrayEquals(new double[] {0, 0, -1}, goal.rewards());
        MoMountainCar demanding = new MoMountainCar(0.05);
        demanding.reset(0);
        demanding.setState(new double[] {0.49, 0.02});
        assertFalse(demanding.step(2).terminated());
    }

    @Test
    void dynamicsAndResetAreMountainCars() {
        for (int action = 0; action < 3; action++) {
            MoMountainCar mo = resetAt(-1.0, -0.03);
            MountainCar single = new MountainCar();
            single.reset(0);
            single.setState(new double[] {-1.0, -0.03});
            Step<float[]> a = mo.step(action);
            Step<float[]> b = single.step(action);
            assertArrayEquals(b.observation(), a.observation());
            assertArrayEquals(single.getState(), mo.getState());
        }
        MoMountainCar mo = new MoMountainCar();
        MountainCar single = new MountainCar();
        assertArrayEquals(single.reset(5).observation(), mo.reset(5).observation());
        assertEquals(single.observationSpace(), mo.observationSpace());
        mo.reset(5, Map.of("low", -0.2, "high", -0.1));
        assertTrue(mo.getState()[0] >= -0.2 && mo.getState()[0] < -0.1);
        assertThrows(IllegalArgumentException.class, () -> mo.reset(5, Map.of("bogus", 1)));
    }

    @Test
    void validation() {
        MoMountainCar env = resetAt(-0.5, 0);
        assertEquals(new Discrete(3), env.actionSpace());
        assertThrows(InvalidActionException.class, () -> env.step(3));
        assertThrows(IllegalArgumentException.class, () -> env.setState(new double[] {0.1, 0.2, 0.3}));
        assertThrows(IllegalArgumentException.class, () -> new MoMountainCar(Double.NaN));
    }
}

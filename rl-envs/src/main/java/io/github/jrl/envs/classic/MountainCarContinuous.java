package io.github.jrl.envs.classic;

import io.github.jrl.core.env.Step;
import io.github.jrl.core.space.Box;
import io.github.jrl.core.space.Space;
import java.util.Map;

/**
 * Mountain car with a continuous force (Moore, "Efficient memory-based learning for robot
 * control", PhD thesis, University of Cambridge, 1990), exactly as Gymnasium 0.29.1's
 * {@code MountainCarContinuous-v0} ({@code gymnasium/envs/classic_control/continuous_mountain_car.py}).
 *
 * <p>State {@code [position, velocity]}; the action is a one-element force in {@code [-1, 1]}.
 * Out-of-range actions are accepted and clipped, as the reference clips them (NaN is rejected);
 * the clipped force times 0.0015 pushes the car (see {@link AbstractMountainCar}). The episode
 * terminates when {@code position >= 0.45} and {@code velocity >= goal_velocity} (keyword
 * argument, default 0). The reward is {@code -0.1 a^2}, plus 100 on termination, where {@code a}
 * is the action as given, not clipped: the reference squares the raw action.
 *
 * <p>The reference keeps the state as float32 after every step (but float64 after reset) and
 * tests termination before that rounding; both are reproduced. The initial position is uniform in
 * {@code [-0.6, -0.4)} (or {@code [low, high)} from the reset options), the initial velocity 0.
 * Registered with a time limit of 999 steps.
 */
public final class MountainCarContinuous extends AbstractMountainCar<float[]> {

    public static final String ID = "MountainCarContinuous-v0";

    static final double MIN_ACTION = -1.0;
    static final double MAX_ACTION = 1.0;
    static final double POWER = 0.0015;
    /** 0.5 in the discrete version; 0.45 in Arnaud de Broissia's version, which the reference follows. */
    static final double GOAL_POSITION = 0.45;
    static final double GOAL_REWARD = 100.0;

    private static final Box ACTION_SPACE = Box.uniform((float) MIN_ACTION, (float) MAX_ACTION, 1);

    public MountainCarContinuous() {
        this(DEFAULT_GOAL_VELOCITY);
    }

    /** @param goalVelocity the least velocity at the goal position that ends the episode */
    public MountainCarContinuous(double goalVelocity) {
        super(ID, GOAL_POSITION, goalVelocity);
    }

    @Override
    public Space<float[]> actionSpace() {
        return ACTION_SPACE;
    }

    /** Accepts out-of-range forces, which {@link #applyAction} clips as the reference does. */
    @Override
    protected void checkAction(float[] action) {
        checkContinuousAction(action, 1);
    }

    @Override
    protected Step<float[]> applyAction(float[] action) {
        double a = action[0];
        double force = Math.min(Math.max(a, MIN_ACTION), MAX_ACTION);
        boolean terminated = move(force * POWER);
        double reward = (terminated ? GOAL_REWARD : 0.0) - a * a * 0.1;
        state[0] = (float) state[0];
        state[1] = (float) state[1];
        return Step.of(observation(), reward, terminated, false, Map.of());
    }
}

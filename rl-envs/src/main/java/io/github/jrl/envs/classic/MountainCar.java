package io.github.jrl.envs.classic;

import io.github.jrl.core.env.Step;
import io.github.jrl.core.space.Discrete;
import io.github.jrl.core.space.Space;
import java.util.Map;

/**
 * Mountain car with discrete actions (Moore, "Efficient memory-based learning for robot control",
 * PhD thesis, University of Cambridge, 1990), exactly as Gymnasium 0.29.1's {@code MountainCar-v0}
 * ({@code gymnasium/envs/classic_control/mountain_car.py}).
 *
 * <p>State {@code [position, velocity]} in float64, observed as float32. Actions 0, 1, 2
 * accelerate left, not at all, right (a push of {@code (action - 1) * 0.001}); see
 * {@link AbstractMountainCar}. Every step is rewarded -1; the episode terminates when
 * {@code position >= 0.5} and {@code velocity >= goal_velocity} (keyword argument, default 0).
 * The initial position is uniform in {@code [-0.6, -0.4)} (or {@code [low, high)} from the reset
 * options), the initial velocity 0. Registered with a time limit of 200 steps.
 */
public final class MountainCar extends AbstractMountainCar<Integer> {

    public static final String ID = "MountainCar-v0";

    public static final double FORCE = 0.001;
    public static final double GOAL_POSITION = 0.5;

    private static final Discrete ACTION_SPACE = new Discrete(3);

    public MountainCar() {
        this(DEFAULT_GOAL_VELOCITY);
    }

    /** @param goalVelocity the least velocity at the goal position that ends the episode */
    public MountainCar(double goalVelocity) {
        super(ID, GOAL_POSITION, goalVelocity);
    }

    @Override
    public Space<Integer> actionSpace() {
        return ACTION_SPACE;
    }

    @Override
    protected Step<float[]> applyAction(Integer action) {
        boolean terminated = move(push(action));
        return Step.of(observation(), -1.0, terminated, false, Map.of());
    }

    /** The velocity change the engine gives discrete action {@code action} (0, 1 or 2). */
    public static double push(int action) {
        return (action - 1) * FORCE;
    }
}

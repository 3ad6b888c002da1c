package io.github.jrl.envs.classic;

import io.github.jrl.core.random.Rng;
import io.github.jrl.core.space.Box;

/**
 * The mountain-car dynamics (Moore, "Efficient memory-based learning for robot control", PhD
 * thesis, University of Cambridge, 1990) shared by {@link MountainCar},
 * {@link MountainCarContinuous} and MO-Gymnasium's {@code mo-mountaincar-v0}: Gymnasium 0.29.1's
 * {@code mountain_car.py} and {@code continuous_mountain_car.py} differ only in how the action
 * becomes a push and in the goal, not in the physics.
 *
 * <p>The state is {@code [position, velocity]}. Velocity is clipped to {@code [-0.07, 0.07]},
 * position to {@code [-1.2, 0.6]}, and hitting the left wall stops the car (an inelastic
 * collision).
 */
public final class MountainCarPhysics {

    public static final double MIN_POSITION = -1.2;
    public static final double MAX_POSITION = 0.6;
    public static final double MAX_SPEED = 0.07;
    public static final double GRAVITY = 0.0025;

    /** Default interval of the initial position; the initial velocity is always 0. */
    public static final double RESET_LOW = -0.6;
    public static final double RESET_HIGH = -0.4;

    /** The observation space of every mountain-car variant: the state bounds as float32. */
    public static final Box OBSERVATION_SPACE = Box.of(
            new float[] {(float) MIN_POSITION, (float) -MAX_SPEED},
            new float[] {(float) MAX_POSITION, (float) MAX_SPEED});

    private MountainCarPhysics() {
    }

    /**
     * Advances {@code state} ({@code [position, velocity]}) in place by one step in which the
     * engine adds {@code push} to the velocity.
     */
    public static void step(double[] state, double push) {
        double position = state[0];
        // The discrete reference writes "+ cos(3 p) * (-gravity)" and the continuous one
        // "- 0.0025 * cos(3 p)": the same double either way.
        double velocity = state[1] + (push + Math.cos(3 * position) * -GRAVITY);
        velocity = clip(velocity, -MAX_SPEED, MAX_SPEED);
        position = clip(position + velocity, MIN_POSITION, MAX_POSITION);
        if (position == MIN_POSITION && velocity < 0) {
            velocity = 0;
        }
        state[0] = position;
        state[1] = velocity;
    }

    /** Whether the car has reached {@code goalPosition} with at least {@code goalVelocity}. */
    public static boolean reachedGoal(double[] state, double goalPosition, double goalVelocity) {
        return state[0] >= goalPosition && state[1] >= goalVelocity;
    }

    /** Validates a {@code goal_velocity} keyword argument. */
    public static double requireGoalVelocity(String envId, double goalVelocity) {
        if (!Double.isFinite(goalVelocity)) {
            throw new IllegalArgumentException(envId + ": goal_velocity must be a finite number, got " + goalVelocity);
        }
        return goalVelocity;
    }

    /** Puts the car at rest at a position drawn uniformly from {@code bounds}. */
    public static void reset(double[] state, Rng rng, ResetBounds bounds) {
        state[0] = rng.nextDouble(bounds.low(), bounds.high());
        state[1] = 0;
    }

    /** The state cast to float32. */
    public static float[] observation(double[] state) {
        return new float[] {(float) state[0], (float) state[1]};
    }

    private static double clip(double x, double low, double high) {
        return Math.min(Math.max(x, low), high);
    }
}

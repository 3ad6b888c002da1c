package io.github.jrl.envs.classic;

import io.github.jrl.core.env.Reset;
import io.github.jrl.core.random.Rng;
import io.github.jrl.core.space.Box;
import io.github.jrl.core.space.Space;
import java.util.Map;

/**
 * The mountain car (Moore, "Efficient memory-based learning for robot control", PhD thesis,
 * University of Cambridge, 1990) shared by {@link MountainCar}, {@link MountainCarContinuous} and
 * MO-Gymnasium 1.0.1's {@code mo-mountaincar-v0}: Gymnasium 0.29.1's {@code mountain_car.py} and
 * {@code continuous_mountain_car.py} differ only in how the action becomes a push, in the goal
 * position and in the reward, not in the physics, observations or reset.
 *
 * <p>The state is {@code [position, velocity]} in float64, observed as float32. Velocity is
 * clipped to {@code [-0.07, 0.07]}, position to {@code [-1.2, 0.6]}, and hitting the left wall
 * stops the car (an inelastic collision). A reset puts the car at rest at a position uniform in
 * {@code [-0.6, -0.4)} (or {@code [low, high)} from the reset options). The episode ends once the
 * car is at the goal position with at least the goal velocity (keyword argument
 * {@code goal_velocity}, default 0).
 *
 * @param <A> action type
 */
public abstract class AbstractMountainCar<A> extends ClassicControlEnv<A> {

    public static final double DEFAULT_GOAL_VELOCITY = 0;

    public static final double MIN_POSITION = -1.2;
    public static final double MAX_POSITION = 0.6;
    public static final double MAX_SPEED = 0.07;
    public static final double GRAVITY = 0.0025;

    private static final double RESET_LOW = -0.6;
    private static final double RESET_HIGH = -0.4;

    private static final Box OBSERVATION_SPACE = Box.of(
            new float[] {(float) MIN_POSITION, (float) -MAX_SPEED},
            new float[] {(float) MAX_POSITION, (float) MAX_SPEED});

    private final double goalPosition;
    private final double goalVelocity;

    /**
     * @param id registered id
     * @param goalPosition the least position that ends the episode
     * @param goalVelocity the least velocity at the goal position that ends the episode
     */
    protected AbstractMountainCar(String id, double goalPosition, double goalVelocity) {
        super(id, "position", "velocity");
        if (!Double.isFinite(goalVelocity)) {
            throw new IllegalArgumentException(id + ": goal_velocity must be a finite number, got " + goalVelocity);
        }
        this.goalPosition = goalPosition;
        this.goalVelocity = goalVelocity;
    }

    @Override
    public final Space<float[]> observationSpace() {
        return OBSERVATION_SPACE;
    }

    @Override
    protected final Reset<float[]> resetEpisode(Rng rng, Map<String, ?> options) {
        ResetBounds bounds = resetBounds(options, RESET_LOW, RESET_HIGH);
        state[0] = rng.nextDouble(bounds.low(), bounds.high());
        state[1] = 0;
        return Reset.of(observation());
    }

    /**
     * Advances the state by one step in which the engine adds {@code push} to the velocity, and
     * returns whether the car has then reached the goal.
     */
    protected final boolean move(double push) {
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
        return position >= goalPosition && velocity >= goalVelocity;
    }

    /** The state cast to float32. */
    protected final float[] observation() {
        return new float[] {(float) state[0], (float) state[1]};
    }

    private static double clip(double x, double low, double high) {
        return Math.min(Math.max(x, low), high);
    }
}

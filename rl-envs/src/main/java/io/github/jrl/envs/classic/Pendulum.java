package io.github.jrl.envs.classic;

import io.github.jrl.core.env.Reset;
import io.github.jrl.core.env.Step;
import io.github.jrl.core.random.Rng;
import io.github.jrl.core.space.Box;
import io.github.jrl.core.space.Space;
import java.util.Map;

/**
 * The inverted-pendulum swing-up task, exactly as Gymnasium 0.29.1's {@code Pendulum-v1}
 * ({@code gymnasium/envs/classic_control/pendulum.py}).
 *
 * <p>State {@code [theta, theta_dot]} in float64 ({@code theta = 0} is upright); observation
 * {@code [cos theta, sin theta, theta_dot]} in float32. The action is a one-element torque in
 * {@code [-2, 2]}; out-of-range torques are accepted and clipped, as the reference clips them
 * (NaN is rejected). The reward is
 * {@code -(normalize(theta)^2 + 0.1 theta_dot^2 + 0.001 u^2)} with the pre-step state and the
 * clipped torque {@code u}; the angular velocity is clipped to {@code [-8, 8]} after a
 * semi-implicit Euler step of 0.05 s. The episode never terminates; it is registered with a time
 * limit of 200 steps. The keyword argument {@code g} (default 10) is the gravity.
 *
 * <p>The initial state is uniform in {@code [-pi, pi) x [-1, 1)}, or
 * {@code [-x_init, x_init) x [-y_init, y_init)} with the reset options {@code x_init} and
 * {@code y_init}.
 */
public final class Pendulum extends ClassicControlEnv<float[]> {

    public static final String ID = "Pendulum-v1";
    public static final double DEFAULT_GRAVITY = 10.0;

    private static final double MAX_SPEED = 8;
    private static final double MAX_TORQUE = 2.0;
    private static final double DT = 0.05;
    private static final double MASS = 1.0;
    private static final double LENGTH = 1.0;
    /** Coefficient of the torque in the angular acceleration, as the reference writes it. */
    private static final double TORQUE_COEF = 3.0 / (MASS * (LENGTH * LENGTH));

    private static final double DEFAULT_X = Math.PI;
    private static final double DEFAULT_Y = 1.0;

    private static final Box OBSERVATION_SPACE = Box.of(
            new float[] {-1, -1, (float) -MAX_SPEED}, new float[] {1, 1, (float) MAX_SPEED});
    private static final Box ACTION_SPACE = Box.uniform((float) -MAX_TORQUE, (float) MAX_TORQUE, 1);

    /** Coefficient of {@code sin theta} in the angular acceleration: {@code 3 g / (2 l)}. */
    private final double gravityCoef;

    public Pendulum() {
        this(DEFAULT_GRAVITY);
    }

    /** @param g acceleration of gravity (m/s^2) */
    public Pendulum(double g) {
        super(ID, "theta", "theta_dot");
        if (!Double.isFinite(g)) {
            throw new IllegalArgumentException(ID + ": g must be a finite number, got " + g);
        }
        this.gravityCoef = 3 * g / (2 * LENGTH);
    }

    @Override
    public Space<float[]> observationSpace() {
        return OBSERVATION_SPACE;
    }

    @Override
    public Space<float[]> actionSpace() {
        return ACTION_SPACE;
    }

    /** Accepts out-of-range torques, which {@link #applyAction} clips as the reference does. */
    @Override
    protected void checkAction(float[] action) {
        checkContinuousAction(action, 1);
    }

    @Override
    protected Reset<float[]> resetEpisode(Rng rng, Map<String, ?> options) {
        requireOptions(options, "x_init", "y_init");
        double x = options.containsKey("x_init") ? ResetBounds.number(ID, "x_init", options.get("x_init")) : DEFAULT_X;
        double y = options.containsKey("y_init") ? ResetBounds.number(ID, "y_init", options.get("y_init")) : DEFAULT_Y;
        // The reference draws from [-high, high) with high = [x, y], whatever their signs.
        state[0] = rng.nextDouble(-x, x);
        state[1] = rng.nextDouble(-y, y);
        return Reset.of(observation());
    }

    @Override
    protected Step<float[]> applyAction(float[] action) {
        double theta = state[0];
        double thetaDot = state[1];
        double u = Math.min(Math.max(action[0], -MAX_TORQUE), MAX_TORQUE);
        double normalized = angleNormalize(theta);
        double costs = normalized * normalized + 0.1 * (thetaDot * thetaDot) + 0.001 * (u * u);

        double newThetaDot = thetaDot + (gravityCoef * Math.sin(theta) + TORQUE_COEF * u) * DT;
        newThetaDot = Math.min(Math.max(newThetaDot, -MAX_SPEED), MAX_SPEED);
        state[0] = theta + newThetaDot * DT;
        state[1] = newThetaDot;
        return Step.of(observation(), -costs, false, false, Map.of());
    }

    /**
     * {@code ((x + pi) mod 2 pi) - pi} with NumPy's floored modulo, whose result takes the
     * divisor's sign, where Java's {@code %} takes the dividend's.
     */
    static double angleNormalize(double x) {
        double period = 2 * Math.PI;
        double mod = (x + Math.PI) % period;
        if (mod < 0) {
            mod += period;
        }
        return mod - Math.PI;
    }

    private float[] observation() {
        return new float[] {(float) Math.cos(state[0]), (float) Math.sin(state[0]), (float) state[1]};
    }
}

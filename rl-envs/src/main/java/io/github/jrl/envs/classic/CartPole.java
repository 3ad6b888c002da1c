package io.github.jrl.envs.classic;

import io.github.jrl.core.env.Reset;
import io.github.jrl.core.env.Step;
import io.github.jrl.core.random.Rng;
import io.github.jrl.core.space.Box;
import io.github.jrl.core.space.Discrete;
import io.github.jrl.core.space.Space;
import java.util.Map;

/**
 * Cart-pole balancing (Barto, Sutton and Anderson, "Neuronlike adaptive elements that can solve
 * difficult learning control problems", IEEE Trans. SMC 13(5), 1983), exactly as Gymnasium
 * 0.29.1's {@code CartPole-v1} ({@code gymnasium/envs/classic_control/cartpole.py}).
 *
 * <p>State {@code [x, x_dot, theta, theta_dot]} in float64; the observation is the state cast to
 * float32. Action 0 pushes the cart left, 1 right, with a force of 10 N; the dynamics are
 * integrated with explicit Euler steps of 0.02 s. The episode terminates when {@code |x| > 2.4}
 * or {@code |theta| > 12°}; every step, the terminating one included, is rewarded 1. The initial
 * state is uniform in {@code [-0.05, 0.05)} per component, or in {@code [low, high)} given as
 * reset options. Registered with a time limit of 500 steps.
 */
public final class CartPole extends ClassicControlEnv<Integer> {

    public static final String ID = "CartPole-v1";

    private static final double GRAVITY = 9.8;
    private static final double MASS_CART = 1.0;
    private static final double MASS_POLE = 0.1;
    private static final double TOTAL_MASS = MASS_POLE + MASS_CART;
    /** Half the pole's length, as in the reference. */
    private static final double LENGTH = 0.5;
    private static final double POLEMASS_LENGTH = MASS_POLE * LENGTH;
    private static final double FORCE_MAG = 10.0;
    /** Seconds between state updates. */
    private static final double TAU = 0.02;

    /** 12 degrees, written as the reference computes it so the threshold is the same double. */
    static final double THETA_THRESHOLD_RADIANS = 12 * 2 * Math.PI / 360;
    static final double X_THRESHOLD = 2.4;

    private static final double RESET_LOW = -0.05;
    private static final double RESET_HIGH = 0.05;

    /** Twice the termination thresholds, so that a terminal observation still lies in the space. */
    private static final Box OBSERVATION_SPACE = Box.of(
            new float[] {(float) -(X_THRESHOLD * 2), -Float.MAX_VALUE, (float) -(THETA_THRESHOLD_RADIANS * 2),
                -Float.MAX_VALUE},
            new float[] {(float) (X_THRESHOLD * 2), Float.MAX_VALUE, (float) (THETA_THRESHOLD_RADIANS * 2),
                Float.MAX_VALUE});
    private static final Discrete ACTION_SPACE = new Discrete(2);

    public CartPole() {
        super(ID, "x", "x_dot", "theta", "theta_dot");
    }

    @Override
    public Space<float[]> observationSpace() {
        return OBSERVATION_SPACE;
    }

    @Override
    public Space<Integer> actionSpace() {
        return ACTION_SPACE;
    }

    @Override
    protected Reset<float[]> resetEpisode(Rng rng, Map<String, ?> options) {
        ResetBounds bounds = resetBounds(options, RESET_LOW, RESET_HIGH);
        for (int i = 0; i < state.length; i++) {
            state[i] = rng.nextDouble(bounds.low(), bounds.high());
        }
        return Reset.of(observation());
    }

    @Override
    protected Step<float[]> applyAction(Integer action) {
        double x = state[0];
        double xDot = state[1];
        double theta = state[2];
        double thetaDot = state[3];
        double force = action == 1 ? FORCE_MAG : -FORCE_MAG;
        double cosTheta = Math.cos(theta);
        double sinTheta = Math.sin(theta);

        // Florian (2007), "Correct equations for the dynamics of the cart-pole system", with the
        // reference's operation order kept so that results agree to the last bit.
        double temp = (force + POLEMASS_LENGTH * (thetaDot * thetaDot) * sinTheta) / TOTAL_MASS;
        double thetaAcc = (GRAVITY * sinTheta - cosTheta * temp)
                / (LENGTH * (4.0 / 3.0 - MASS_POLE * (cosTheta * cosTheta) / TOTAL_MASS));
        double xAcc = temp - POLEMASS_LENGTH * thetaAcc * cosTheta / TOTAL_MASS;

        x = x + TAU * xDot;
        xDot = xDot + TAU * xAcc;
        theta = theta + TAU * thetaDot;
        thetaDot = thetaDot + TAU * thetaAcc;
        state[0] = x;
        state[1] = xDot;
        state[2] = theta;
        state[3] = thetaDot;

        boolean terminated = x < -X_THRESHOLD || x > X_THRESHOLD
                || theta < -THETA_THRESHOLD_RADIANS || theta > THETA_THRESHOLD_RADIANS;
        return Step.of(observation(), 1.0, terminated, false, Map.of());
    }

    private float[] observation() {
        return new float[] {(float) state[0], (float) state[1], (float) state[2], (float) state[3]};
    }
}

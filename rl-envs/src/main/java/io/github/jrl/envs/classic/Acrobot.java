package io.github.jrl.envs.classic;

import io.github.jrl.core.env.Reset;
import io.github.jrl.core.env.Step;
import io.github.jrl.core.random.Rng;
import io.github.jrl.core.space.Box;
import io.github.jrl.core.space.Discrete;
import io.github.jrl.core.space.Space;
import java.util.Map;

/**
 * The acrobot swing-up task (Sutton, "Generalization in reinforcement learning: successful
 * examples using sparse coarse coding", NIPS 8, 1996; dynamics of Sutton and Barto,
 * "Reinforcement Learning: An Introduction", the "book" equations), exactly as Gymnasium 0.29.1's
 * {@code Acrobot-v1} ({@code gymnasium/envs/classic_control/acrobot.py}).
 *
 * <p>State {@code [theta1, theta2, dtheta1, dtheta2]}; observation
 * {@code [cos theta1, sin theta1, cos theta2, sin theta2, dtheta1, dtheta2]} in float32. Actions
 * 0, 1, 2 apply a torque of -1, 0, +1 on the joint between the links; one step integrates the
 * dynamics over 0.2 s with a single classical Runge-Kutta step (the reference's {@code rk4}),
 * then wraps the angles into {@code [-pi, pi]} and bounds the velocities by {@code 4 pi} and
 * {@code 9 pi}. The episode terminates, with reward 0, when the free end rises above the bar
 * ({@code -cos theta1 - cos(theta1 + theta2) > 1}); every other step is rewarded -1.
 *
 * <p>As in the reference, the initial state is drawn uniformly in {@code [-0.1, 0.1)} (or
 * {@code [low, high)} from the reset options) and rounded to float32; later states are float64.
 * Registered with a time limit of 500 steps.
 */
public final class Acrobot extends ClassicControlEnv<Integer> {

    public static final String ID = "Acrobot-v1";

    private static final double DT = 0.2;
    private static final double DT2 = DT / 2.0;

    private static final double LINK_LENGTH_1 = 1.0;
    private static final double LINK_MASS_1 = 1.0;
    private static final double LINK_MASS_2 = 1.0;
    /** Position of the centre of mass of link 1. */
    private static final double LINK_COM_POS_1 = 0.5;
    /** Position of the centre of mass of link 2. */
    private static final double LINK_COM_POS_2 = 0.5;
    /** Moment of inertia of both links. */
    private static final double LINK_MOI = 1.0;
    private static final double G = 9.8;

    static final double MAX_VEL_1 = 4 * Math.PI;
    static final double MAX_VEL_2 = 9 * Math.PI;

    private static final double[] AVAIL_TORQUE = {-1.0, 0.0, 1.0};

    private static final double RESET_LOW = -0.1;
    private static final double RESET_HIGH = 0.1;

    private static final Box OBSERVATION_SPACE = Box.of(
            new float[] {-1, -1, -1, -1, (float) -MAX_VEL_1, (float) -MAX_VEL_2},
            new float[] {1, 1, 1, 1, (float) MAX_VEL_1, (float) MAX_VEL_2});
    private static final Discrete ACTION_SPACE = new Discrete(3);

    // Runge-Kutta stages, kept between steps so that stepping does not allocate.
    private final double[] k1 = new double[4];
    private final double[] k2 = new double[4];
    private final double[] k3 = new double[4];
    private final double[] k4 = new double[4];
    private final double[] stage = new double[4];

    public Acrobot() {
        super(ID, "theta1", "theta2", "dtheta1", "dtheta2");
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
            state[i] = (float) rng.nextDouble(bounds.low(), bounds.high());
        }
        return Reset.of(observation());
    }

    @Override
    protected Step<float[]> applyAction(Integer action) {
        rk4(AVAIL_TORQUE[action]);
        state[0] = wrap(state[0], -Math.PI, Math.PI);
        state[1] = wrap(state[1], -Math.PI, Math.PI);
        state[2] = bound(state[2], -MAX_VEL_1, MAX_VEL_1);
        state[3] = bound(state[3], -MAX_VEL_2, MAX_VEL_2);
        boolean terminated = -Math.cos(state[0]) - Math.cos(state[1] + state[0]) > 1.0;
        return Step.of(observation(), terminated ? 0.0 : -1.0, terminated, false, Map.of());
    }

    /**
     * One classical Runge-Kutta step of length {@link #DT} from {@code state}, in place, with the
     * reference's operation order. The reference carries the torque as a fifth state component
     * whose derivative is 0; it stays exactly equal to {@code torque} through every stage, so it
     * is passed as a constant here.
     */
    private void rk4(double torque) {
        double[] y0 = state;
        dsdt(y0, torque, k1);
        for (int j = 0; j < 4; j++) {
            stage[j] = y0[j] + DT2 * k1[j];
        }
        dsdt(stage, torque, k2);
        for (int j = 0; j < 4; j++) {
            stage[j] = y0[j] + DT2 * k2[j];
        }
        dsdt(stage, torque, k3);
        for (int j = 0; j < 4; j++) {
            stage[j] = y0[j] + DT * k3[j];
        }
        dsdt(stage, torque, k4);
        for (int j = 0; j < 4; j++) {
            y0[j] = y0[j] + DT / 6.0 * (k1[j] + 2 * k2[j] + 2 * k3[j] + k4[j]);
        }
    }

    /** Time derivative of {@code s} under {@code torque}: the book's equations, in the reference's order. */
    static void dsdt(double[] s, double torque, double[] out) {
        double m1 = LINK_MASS_1;
        double m2 = LINK_MASS_2;
        double l1 = LINK_LENGTH_1;
        double lc1 = LINK_COM_POS_1;
        double lc2 = LINK_COM_POS_2;
        double i1 = LINK_MOI;
        double i2 = LINK_MOI;
        double theta1 = s[0];
        double theta2 = s[1];
        double dtheta1 = s[2];
        double dtheta2 = s[3];
        double sinTheta2 = Math.sin(theta2);
        double cosTheta2 = Math.cos(theta2);
        double d1 = m1 * (lc1 * lc1) + m2 * (l1 * l1 + lc2 * lc2 + 2 * l1 * lc2 * cosTheta2) + i1 + i2;
        double d2 = m2 * (lc2 * lc2 + l1 * lc2 * cosTheta2) + i2;
        double phi2 = m2 * lc2 * G * Math.cos(theta1 + theta2 - Math.PI / 2.0);
        double phi1 = -m2 * l1 * lc2 * (dtheta2 * dtheta2) * sinTheta2
                - 2 * m2 * l1 * lc2 * dtheta2 * dtheta1 * sinTheta2
                + (m1 * lc1 + m2 * l1) * G * Math.cos(theta1 - Math.PI / 2)
                + phi2;
        double ddtheta2 = (torque + d2 / d1 * phi1 - m2 * l1 * lc2 * (dtheta1 * dtheta1) * sinTheta2 - phi2)
                / (m2 * (lc2 * lc2) + i2 - (d2 * d2) / d1);
        double ddtheta1 = -(d2 * ddtheta2 + phi1) / d1;
        out[0] = dtheta1;
        out[1] = dtheta2;
        out[2] = ddtheta1;
        out[3] = ddtheta2;
    }

    /** Wraps {@code x} around into {@code [m, M]} by whole periods (the reference's {@code wrap}). */
    static double wrap(double x, double m, double bigM) {
        double diff = bigM - m;
        while (x > bigM) {
            x = x - diff;
        }
        while (x < m) {
            x = x + diff;
        }
        return x;
    }

    /** Clamps {@code x} to {@code [m, M]} (the reference's {@code bound}). */
    static double bound(double x, double m, double bigM) {
        return Math.min(Math.max(x, m), bigM);
    }

    private float[] observation() {
        return new float[] {(float) Math.cos(state[0]), (float) Math.sin(state[0]), (float) Math.cos(state[1]),
            (float) Math.sin(state[1]), (float) state[2], (float) state[3]};
    }
}

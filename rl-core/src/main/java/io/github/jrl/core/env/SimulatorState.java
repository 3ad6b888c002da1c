package io.github.jrl.core.env;

/**
 * An environment whose internal state can be read and set, as a flat vector in the layout the
 * reference implementation stores it (nested state, such as MO-Gymnasium four-room's
 * {@code [[row, col], collected]}, flattened in order).
 *
 * <p>Used to check parity with recorded reference episodes, and by algorithms that need to
 * restore a simulator (post-decision states, planning, hybrid offline/simulated data).
 */
public interface SimulatorState {

    /** A copy of the internal state. */
    double[] getState();

    /**
     * Sets the internal state. The episode continues from it: {@code step} is allowed afterwards
     * without a reset, as long as the environment has been reset once (for its generator).
     *
     * @throws IllegalArgumentException if the vector has the wrong length or an impossible value
     */
    void setState(double[] state);
}

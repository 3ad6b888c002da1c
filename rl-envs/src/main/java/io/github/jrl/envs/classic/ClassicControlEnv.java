package io.github.jrl.envs.classic;

import io.github.jrl.core.env.AbstractEnvironment;
import io.github.jrl.core.env.SimulatorState;
import java.util.Arrays;
import java.util.Map;

/**
 * Base of the classic-control environments: float32 vector observations, and an internal state of
 * doubles that {@link SimulatorState} reads and sets in the layout of the reference
 * ({@code self.state} of the Gymnasium 0.29.1 environment), so that recorded reference episodes
 * can be replayed from any step.
 *
 * @param <A> action type
 */
public abstract class ClassicControlEnv<A> extends AbstractEnvironment<float[], A> implements SimulatorState {

    /** The internal state, in the reference layout; subclasses update it in place. */
    protected final double[] state;

    private final String[] stateNames;

    /**
     * @param id registered id
     * @param stateNames names of the state components, in order (used in error messages)
     */
    protected ClassicControlEnv(String id, String... stateNames) {
        super(id);
        this.stateNames = stateNames.clone();
        this.state = new double[stateNames.length];
    }

    @Override
    public double[] getState() {
        return state.clone();
    }

    /**
     * Sets the state, which must have the reference layout and finite components (no dynamics here
     * can reach a NaN or infinite state); the episode continues from it.
     */
    @Override
    public void setState(double[] newState) {
        if (newState == null || newState.length != state.length) {
            throw new IllegalArgumentException(id() + " state must have " + state.length + " elements "
                    + Arrays.toString(stateNames) + ", got "
                    + (newState == null ? "null" : newState.length + ": " + Arrays.toString(newState)));
        }
        for (int i = 0; i < newState.length; i++) {
            if (!Double.isFinite(newState[i])) {
                throw new IllegalArgumentException(id() + " state component " + stateNames[i]
                        + " must be finite, got " + newState[i]);
            }
        }
        resumeEpisode();
        System.arraycopy(newState, 0, state, 0, state.length);
    }

    /**
     * Validates reset options that may only hold {@code "low"} and {@code "high"} and returns the
     * interval to draw the initial state from.
     */
    protected final ResetBounds resetBounds(Map<String, ?> options, double defaultLow, double defaultHigh) {
        requireOptions(options, "low", "high");
        return ResetBounds.parse(id(), options, defaultLow, defaultHigh);
    }
}

package io.github.jrl.core.env;

import io.github.jrl.core.checkpoint.StateCodec;
import io.github.jrl.core.checkpoint.Stateful;
import io.github.jrl.core.random.Rng;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Map;

/**
 * Base of jrl's environments: owns the seeding rules and the episode order checks of
 * {@link Environment}, so an implementation only writes {@link #resetEpisode} and
 * {@link #applyAction}, like Gymnasium's {@code reset}/{@code step} bodies.
 *
 * <p>Its {@link Stateful} state is the generator, whether the episode needs a reset, and the
 * {@link SimulatorState} vector, which for jrl's environments is the whole internal state. An
 * environment that does not implement {@code SimulatorState} refuses to save its state rather
 * than save part of it.
 *
 * @param <O> observation type
 * @param <A> action type
 */
public abstract class AbstractEnvironment<O, A> implements Environment<O, A>, Stateful {

    private final String id;
    private Rng rng;
    private boolean needsReset = true;

    protected AbstractEnvironment(String id) {
        this.id = id;
    }

    @Override
    public final String id() {
        return id;
    }

    @Override
    public final Reset<O> reset(long seed, Map<String, ?> options) {
        rng = new Rng(seed);
        return startEpisode(options);
    }

    @Override
    public final Reset<O> reset(Map<String, ?> options) {
        if (rng == null) {
            throw new IllegalStateException(id + " was never seeded: call reset(seed) before reset()");
        }
        return startEpisode(options);
    }

    private Reset<O> startEpisode(Map<String, ?> options) {
        Reset<O> reset = resetEpisode(rng, options);
        needsReset = false;
        return reset;
    }

    @Override
    public final Step<O> step(A action) {
        if (needsReset) {
            throw new IllegalStateException(id + ": step() called "
                    + (rng == null ? "before the first reset()" : "after the episode terminated; call reset() first"));
        }
        checkAction(action);
        Step<O> step = applyAction(action);
        if (step.terminated()) {
            needsReset = true;
        }
        return step;
    }

    /**
     * Rejects actions this environment cannot apply. The default requires membership in the action
     * space; continuous environments whose reference clips out-of-range actions override it
     * with {@link #checkContinuousAction}.
     */
    protected void checkAction(A action) {
        if (!actionSpace().contains(action)) {
            throw InvalidActionException.outside(id, action, actionSpace());
        }
    }

    /** Requires {@code action} to have {@code size} elements, none of them NaN; bounds are not checked. */
    protected final void checkContinuousAction(float[] action, int size) {
        if (action == null || action.length != size) {
            throw new InvalidActionException(id + " expects a continuous action of " + size + " elements, got "
                    + (action == null ? "null" : Arrays.toString(action)));
        }
        for (float a : action) {
            if (Float.isNaN(a)) {
                throw new InvalidActionException(id + " got action " + Arrays.toString(action)
                        + " containing NaN; expected an element of " + actionSpace());
            }
        }
    }

    /** Starts an episode, drawing any randomness from {@code rng}; validates {@code options}. */
    protected abstract Reset<O> resetEpisode(Rng rng, Map<String, ?> options);

    /** Applies a checked action. */
    protected abstract Step<O> applyAction(A action);

    /** The generator seeded by the last {@code reset(seed)}, for stochastic transitions. */
    protected final Rng rng() {
        return rng;
    }

    /**
     * Allows stepping again after {@link SimulatorState#setState} put the environment in a
     * non-terminal state; requires a previous reset.
     */
    protected final void resumeEpisode() {
        if (rng == null) {
            throw new IllegalStateException(id + ": reset(seed) once before setting the state");
        }
        needsReset = false;
    }

    @Override
    public void writeState(DataOutputStream out) throws IOException {
        SimulatorState simulator = simulator();
        StateCodec.writeTag(out, id);
        out.writeBoolean(rng != null);
        if (rng != null) {
            StateCodec.writeRng(out, rng);
            out.writeBoolean(needsReset);
            StateCodec.writeDoubles(out, simulator.getState());
        }
    }

    @Override
    public Restore readState(DataInputStream in) throws IOException {
        SimulatorState simulator = simulator();
        StateCodec.readTag(in, id);
        if (!in.readBoolean()) {
            return () -> {
                rng = null;
                needsReset = true;
            };
        }
        Rng savedRng = StateCodec.readRng(in, id + " generator");
        boolean savedNeedsReset = in.readBoolean();
        double[] state = StateCodec.readDoubles(in, simulator.getState().length, id + " simulator state");
        return () -> {
            rng = savedRng;
            simulator.setState(state);
            // setState resumes the episode; a saved episode that had ended stays ended
            needsReset = savedNeedsReset;
        };
    }

    private SimulatorState simulator() {
        if (this instanceof SimulatorState simulator) {
            return simulator;
        }
        throw new UnsupportedOperationException(id + " (" + getClass().getName()
                + ") does not implement SimulatorState, so its state cannot be saved for an exact resume");
    }

    /** Raises if {@code options} holds a key other than {@code allowed}. */
    protected final void requireOptions(Map<String, ?> options, String... allowed) {
        for (String key : options.keySet()) {
            if (!Arrays.asList(allowed).contains(key)) {
                throw new IllegalArgumentException(id + " does not know reset option '" + key + "'; it accepts "
                        + (allowed.length == 0 ? "none" : Arrays.toString(allowed)));
            }
        }
    }

    @Override
    public String toString() {
        return id;
    }
}

package io.github.jrl.core.checkpoint;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/**
 * An object whose complete dynamic state can be written into a checkpoint and restored exactly:
 * environments (their generator, episode flags and simulator state), the wrappers that keep
 * counters or statistics, vector envs and their observation buffers, and the trainer's own
 * helpers. Restoring an object built the same way (same class, same wrappers, same sizes) makes
 * it continue exactly as the saved one would have: what exact resume needs beyond the network
 * and the optimiser (the role of Stable-Baselines3's pickled {@code VecNormalize} and of the env
 * state that SB3 does not save, so its resumed runs start new episodes).
 *
 * <p>Reading is in two phases so that a checkpoint is loaded all or nothing: {@link #readState}
 * decodes and checks everything without changing the object, and only the returned
 * {@link Restore} changes it. Composite objects decode all their parts before returning.
 */
public interface Stateful {

    /**
     * Writes the complete state.
     *
     * @throws UnsupportedOperationException naming the part whose state cannot be captured (an
     *         environment without {@code SimulatorState}, a wrapped object that is not
     *         {@code Stateful}); a checkpoint never silently leaves state out
     */
    void writeState(DataOutputStream out) throws IOException;

    /**
     * Decodes a state written by {@link #writeState} of an object built the same way, without
     * changing this one.
     *
     * @throws IOException if the bytes do not describe such an object (another environment,
     *         other wrappers, another number of copies), naming what was expected and found
     */
    Restore readState(DataInputStream in) throws IOException;

    /**
     * A layer without state of its own over another object (a stateless wrapper): its state is
     * the inner object's. A layer that gains state overrides both methods, writing its own state
     * before calling these.
     */
    interface PassThrough extends Stateful {

        /** The object underneath. */
        Object inner();

        @Override
        default void writeState(DataOutputStream out) throws IOException {
            Stateful.of(inner()).writeState(out);
        }

        @Override
        default Restore readState(DataInputStream in) throws IOException {
            return Stateful.of(inner()).readState(in);
        }
    }

    /** A decoded state, ready to be put into the object that decoded it. */
    @FunctionalInterface
    interface Restore {
        void apply();
    }

    /**
     * {@code object} as a {@link Stateful}.
     *
     * @throws UnsupportedOperationException if it is not one, naming it
     */
    static Stateful of(Object object) {
        if (object instanceof Stateful stateful) {
            return stateful;
        }
        throw new UnsupportedOperationException(object + " (" + object.getClass().getName()
                + ") does not implement Stateful, so its state cannot be saved for an exact resume");
    }
}

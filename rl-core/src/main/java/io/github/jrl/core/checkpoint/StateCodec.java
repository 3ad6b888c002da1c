package io.github.jrl.core.checkpoint;

import io.github.jrl.core.random.Rng;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/**
 * Encodings of the values trainers keep in checkpoint sections (parameter and moment arrays,
 * generator states), shared so that every algorithm reads and validates them the same way.
 * Arrays are written as an {@code int} length and their elements.
 */
public final class StateCodec {

    /** Generator states have 6 words ({@link Rng#state()}); more is taken as corruption. */
    private static final int MAX_RNG_WORDS = 64;

    private StateCodec() {
    }

    public static void writeFloats(DataOutputStream out, float[] values) throws IOException {
        out.writeInt(values.length);
        for (float v : values) {
            out.writeFloat(v);
        }
    }

    /**
     * Reads an array written by {@link #writeFloats} that must hold {@code expected} values.
     *
     * @param what what the values are for, to name in the error (e.g. "the critic parameters")
     * @throws IOException if the stored length differs: the checkpoint was written for another shape
     */
    public static float[] readFloats(DataInputStream in, long expected, String what) throws IOException {
        int n = in.readInt();
        if (n != expected) {
            throw new IOException("holds " + n + " values where " + what + " has " + expected
                    + ": it was written for another network or configuration");
        }
        float[] values = new float[n];
        for (int i = 0; i < n; i++) {
            values[i] = in.readFloat();
        }
        return values;
    }

    /**
     * Reads the tag a trainer writes at the start of its counters (e.g. "ppo") and checks it, so
     * that one algorithm's checkpoint is not restored into another's run.
     */
    public static void requireTag(DataInputStream in, String expected) throws IOException {
        String tag = in.readUTF();
        if (!expected.equals(tag)) {
            throw new IOException("state of a '" + tag + "' run, not of a '" + expected + "' run");
        }
    }

    /** Writes a generator's {@link Rng#state()}. */
    public static void writeRng(DataOutputStream out, Rng rng) throws IOException {
        long[] state = rng.state();
        out.writeInt(state.length);
        for (long word : state) {
            out.writeLong(word);
        }
    }

    /** Reads a generator written by {@link #writeRng}, continuing its stream exactly. */
    public static Rng readRng(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > MAX_RNG_WORDS) {
            throw new IOException("corrupt generator state of " + n + " words");
        }
        long[] state = new long[n];
        for (int i = 0; i < n; i++) {
            state[i] = in.readLong();
        }
        return Rng.fromState(state);
    }
}

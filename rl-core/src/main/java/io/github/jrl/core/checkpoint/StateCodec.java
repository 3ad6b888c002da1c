package io.github.jrl.core.checkpoint;

import io.github.jrl.core.random.Rng;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/**
 * Encodes the pieces that checkpoint sections and {@link Stateful} states are made of: tags that
 * name what follows, length-prefixed primitive arrays and generator states, big-endian as
 * {@link DataOutputStream} writes them. Every read checks what it finds against what the reader
 * expects and raises an {@link IOException} naming both, so a state written by another object
 * is refused instead of being misread.
 */
public final class StateCodec {

    /** Words of {@link Rng#state()}. */
    private static final int RNG_WORDS = 6;

    private StateCodec() {
    }

    /** Writes {@code tag}, which {@link #readTag} checks. */
    public static void writeTag(DataOutputStream out, String tag) throws IOException {
        out.writeUTF(tag);
    }

    /** Reads a tag and requires it to be {@code expected}. */
    public static void readTag(DataInputStream in, String expected) throws IOException {
        String found = in.readUTF();
        if (!found.equals(expected)) {
            throw new IOException("found the state of '" + found + "' where the state of '" + expected + "' was expected");
        }
    }

    public static void writeDoubles(DataOutputStream out, double[] values) throws IOException {
        out.writeInt(values.length);
        for (double v : values) {
            out.writeDouble(v);
        }
    }

    /** Reads doubles written by {@link #writeDoubles}, requiring {@code expected} of them. */
    public static double[] readDoubles(DataInputStream in, int expected, String what) throws IOException {
        double[] values = new double[readLength(in, expected, what)];
        for (int i = 0; i < values.length; i++) {
            values[i] = in.readDouble();
        }
        return values;
    }

    public static void writeFloats(DataOutputStream out, float[] values) throws IOException {
        out.writeInt(values.length);
        for (float v : values) {
            out.writeFloat(v);
        }
    }

    /** Reads floats written by {@link #writeFloats}, requiring {@code expected} of them. */
    public static float[] readFloats(DataInputStream in, long expected, String what) throws IOException {
        float[] values = new float[readLength(in, expected, what)];
        for (int i = 0; i < values.length; i++) {
            values[i] = in.readFloat();
        }
        return values;
    }

    /** Writes a generator's {@link Rng#state()}. */
    public static void writeRng(DataOutputStream out, Rng rng) throws IOException {
        long[] state = rng.state();
        out.writeInt(state.length);
        for (long word : state) {
            out.writeLong(word);
        }
    }

    /** A generator continuing the stream written by {@link #writeRng}. */
    public static Rng readRng(DataInputStream in, String what) throws IOException {
        long[] state = new long[readLength(in, RNG_WORDS, what)];
        for (int i = 0; i < state.length; i++) {
            state[i] = in.readLong();
        }
        try {
            return Rng.fromState(state);
        } catch (IllegalArgumentException e) {
            throw new IOException(what + ": " + e.getMessage(), e);
        }
    }

    private static int readLength(DataInputStream in, long expected, String what) throws IOException {
        int n = in.readInt();
        if (n != expected) {
            throw new IOException(what + ": found " + n + " values where " + expected + " were expected");
        }
        return n;
    }
}

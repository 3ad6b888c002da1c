package io.github.jrl.nd4j.policy;

import io.github.jrl.core.space.Box;
import io.github.jrl.core.space.Discrete;
import io.github.jrl.core.space.Space;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/** The encoding of action spaces in saved policy files, shared by the deployable policies. */
public final class ActionSpaces {

    private ActionSpaces() {
    }

    /** Writes a {@link Discrete} or {@link Box} action space. */
    public static void write(DataOutputStream out, Space<?> space) throws IOException {
        if (space instanceof Discrete d) {
            out.writeUTF("discrete");
            out.writeInt(d.n());
        } else if (space instanceof Box box) {
            out.writeUTF("box");
            out.writeInt(box.size());
            for (int k = 0; k < box.size(); k++) {
                out.writeFloat(box.low(k));
                out.writeFloat(box.high(k));
            }
        } else {
            throw new IllegalArgumentException("cannot save a policy over " + space);
        }
    }

    /** Reads a space written by {@link #write}; malformed input raises an {@code IOException}. */
    public static Space<?> read(DataInputStream in) throws IOException {
        String kind = in.readUTF();
        switch (kind) {
            case "discrete":
                return new Discrete(in.readInt());
            case "box":
                int size = in.readInt();
                if (size <= 0 || size > 1 << 20) {
                    throw new IOException("implausible box size " + size);
                }
                float[] low = new float[size];
                float[] high = new float[size];
                for (int k = 0; k < size; k++) {
                    low[k] = in.readFloat();
                    high[k] = in.readFloat();
                }
                return Box.of(low, high);
            default:
                throw new IOException("unknown action space kind '" + kind + "'");
        }
    }
}

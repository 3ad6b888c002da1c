package io.github.jrl.core.wrappers;

import io.github.jrl.core.env.Environment;
import io.github.jrl.core.env.ObservationWrapper;
import io.github.jrl.core.space.Box;
import io.github.jrl.core.space.IntVectorSpace;

/**
 * Encodes an integer-vector observation ({@link IntVectorSpace}: grid positions and counters of
 * deep-sea-treasure, resource-gathering, four-room) as the concatenation of one one-hot vector
 * per component over its range {@code low..high}, so that networks can take it: a grid position
 * {@code [row, col]} on an 11 x 11 grid becomes 22 floats. Stateless: its saved state is the
 * inner environment's.
 */
public final class OneHotComponents<A> extends ObservationWrapper<int[], float[], A> {

    private final IntVectorSpace space;
    private final int[] offsets;
    private final Box observationSpace;

    public OneHotComponents(Environment<int[], A> env) {
        super(env);
        if (!(env.observationSpace() instanceof IntVectorSpace s)) {
            throw new IllegalArgumentException("OneHotComponents needs integer-vector observations (IntBox,"
                    + " MultiDiscrete, MultiBinary), got " + env.observationSpace());
        }
        this.space = s;
        offsets = new int[s.size() + 1];
        for (int i = 0; i < s.size(); i++) {
            offsets[i + 1] = offsets[i] + s.high(i) - s.low(i) + 1;
        }
        observationSpace = Box.uniform(0f, 1f, offsets[s.size()]);
    }

    @Override
    protected float[] observation(int[] observation) {
        float[] encoded = new float[offsets[offsets.length - 1]];
        for (int i = 0; i < observation.length; i++) {
            encoded[offsets[i] + observation[i] - space.low(i)] = 1f;
        }
        return encoded;
    }

    @Override
    public Box observationSpace() {
        return observationSpace;
    }
}

package io.github.jrl.core.wrappers;

import io.github.jrl.core.env.Environment;
import io.github.jrl.core.env.ObservationWrapper;
import io.github.jrl.core.space.Box;
import io.github.jrl.core.space.Discrete;

/**
 * Encodes a {@link Discrete} observation as a one-hot float vector, so networks can take
 * tabular environments (FrozenLake, CliffWalking, Taxi) as input. Stateless: its saved state is
 * the inner environment's.
 */
public final class OneHotObservation<A> extends ObservationWrapper<Integer, float[], A> {

    private final Discrete discrete;
    private final Box observationSpace;

    public OneHotObservation(Environment<Integer, A> env) {
        super(env);
        if (!(env.observationSpace() instanceof Discrete d)) {
            throw new IllegalArgumentException("OneHotObservation needs a Discrete observation space, got "
                    + env.observationSpace());
        }
        this.discrete = d;
        this.observationSpace = Box.uniform(0f, 1f, d.n());
    }

    @Override
    protected float[] observation(Integer observation) {
        float[] oneHot = new float[discrete.n()];
        oneHot[observation - discrete.start()] = 1f;
        return oneHot;
    }

    @Override
    public Box observationSpace() {
        return observationSpace;
    }
}

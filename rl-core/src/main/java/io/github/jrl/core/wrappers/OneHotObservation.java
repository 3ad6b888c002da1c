package io.github.jrl.core.wrappers;

import io.github.jrl.core.checkpoint.Stateful;
import io.github.jrl.core.env.Environment;
import io.github.jrl.core.env.Reset;
import io.github.jrl.core.env.Step;
import io.github.jrl.core.space.Box;
import io.github.jrl.core.space.Discrete;
import io.github.jrl.core.space.Space;
import java.util.Map;

/**
 * Encodes a {@link Discrete} observation as a one-hot float vector, so networks can take
 * tabular environments (FrozenLake, CliffWalking, Taxi) as input. Stateless: its saved state is
 * the inner environment's.
 */
public final class OneHotObservation<A> implements Environment<float[], A>, Stateful.PassThrough {

    private final Environment<Integer, A> env;
    private final Discrete discrete;
    private final Box observationSpace;

    public OneHotObservation(Environment<Integer, A> env) {
        this.env = env;
        if (!(env.observationSpace() instanceof Discrete d)) {
            throw new IllegalArgumentException("OneHotObservation needs a Discrete observation space, got "
                    + env.observationSpace());
        }
        this.discrete = d;
        this.observationSpace = Box.uniform(0f, 1f, d.n());
    }

    /** The environment whose observations this one encodes. */
    @Override
    public Environment<Integer, A> inner() {
        return env;
    }

    private float[] encode(int observation) {
        float[] oneHot = new float[discrete.n()];
        oneHot[observation - discrete.start()] = 1f;
        return oneHot;
    }

    @Override
    public String id() {
        return env.id();
    }

    @Override
    public Box observationSpace() {
        return observationSpace;
    }

    @Override
    public Space<A> actionSpace() {
        return env.actionSpace();
    }

    @Override
    public int rewardDim() {
        return env.rewardDim();
    }

    @Override
    public Reset<float[]> reset(long seed, Map<String, ?> options) {
        Reset<Integer> reset = env.reset(seed, options);
        return new Reset<>(encode(reset.observation()), reset.info());
    }

    @Override
    public Reset<float[]> reset(Map<String, ?> options) {
        Reset<Integer> reset = env.reset(options);
        return new Reset<>(encode(reset.observation()), reset.info());
    }

    @Override
    public Step<float[]> step(A action) {
        Step<Integer> step = env.step(action);
        return step.withObservation(encode(step.observation()));
    }

    @Override
    public Environment<?, ?> unwrapped() {
        return env.unwrapped();
    }

    @Override
    public void close() {
        env.close();
    }
}

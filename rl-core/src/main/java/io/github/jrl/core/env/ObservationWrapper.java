package io.github.jrl.core.env;

import io.github.jrl.core.checkpoint.Stateful;
import io.github.jrl.core.space.Space;
import java.util.Map;
import java.util.Objects;

/**
 * An environment that shows another's observations transformed, observation by observation, and
 * passes everything else through (Gymnasium's {@code ObservationWrapper}): subclasses give the
 * new observation space and {@link #observation}. Stateless: its saved state is the inner
 * environment's.
 *
 * @param <I> observation type of the inner environment
 * @param <O> observation type shown
 * @param <A> action type
 */
public abstract class ObservationWrapper<I, O, A> implements Environment<O, A>, Stateful.PassThrough {

    protected final Environment<I, A> env;

    protected ObservationWrapper(Environment<I, A> env) {
        this.env = Objects.requireNonNull(env, "env");
    }

    /** The observation shown for the inner environment's {@code observation}. */
    protected abstract O observation(I observation);

    @Override
    public abstract Space<O> observationSpace();

    /** The environment whose observations this one transforms. */
    @Override
    public Environment<I, A> inner() {
        return env;
    }

    @Override
    public String id() {
        return env.id();
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
    public Reset<O> reset(long seed, Map<String, ?> options) {
        Reset<I> reset = env.reset(seed, options);
        return new Reset<>(observation(reset.observation()), reset.info());
    }

    @Override
    public Reset<O> reset(Map<String, ?> options) {
        Reset<I> reset = env.reset(options);
        return new Reset<>(observation(reset.observation()), reset.info());
    }

    @Override
    public Step<O> step(A action) {
        Step<I> step = env.step(action);
        return step.withObservation(observation(step.observation()));
    }

    @Override
    public Environment<?, ?> unwrapped() {
        return env.unwrapped();
    }

    @Override
    public void close() {
        env.close();
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "<" + env + ">";
    }
}

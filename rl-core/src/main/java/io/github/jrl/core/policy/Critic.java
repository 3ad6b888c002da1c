package io.github.jrl.core.policy;

/**
 * A learned value function: the expected (discounted) return from an observation under the
 * policy it was trained with. Multi-objective critics return one value per reward component.
 *
 * @param <O> observation type
 */
public interface Critic<O> {

    /** Number of value components; 1 for scalar rewards. */
    default int valueDim() {
        return 1;
    }

    /** The value estimate; for {@code valueDim() > 1}, use {@link #values}. */
    double value(O observation);

    /** All value components. */
    default double[] values(O observation) {
        return new double[] {value(observation)};
    }
}

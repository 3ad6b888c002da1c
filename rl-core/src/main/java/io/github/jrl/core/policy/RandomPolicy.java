package io.github.jrl.core.policy;

import io.github.jrl.core.random.Rng;
import io.github.jrl.core.space.Space;

/**
 * Samples uniformly (per the space's sampling distribution) from an action space: the baseline
 * that D4RL-style normalised scores call "random".
 */
public final class RandomPolicy<O, A> implements Policy<O, A> {

    private final Space<A> actionSpace;

    public RandomPolicy(Space<A> actionSpace) {
        this.actionSpace = actionSpace;
    }

    @Override
    public A act(O observation, Rng rng) {
        return actionSpace.sample(rng);
    }

    /** A random policy has no deterministic action. */
    @Override
    public A actDeterministic(O observation) {
        throw new UnsupportedOperationException("a random policy has no deterministic action; use act(observation, rng)");
    }
}

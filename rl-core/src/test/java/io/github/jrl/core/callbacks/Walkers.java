package io.github.jrl.core.callbacks;

import io.github.jrl.core.policy.Policy;
import io.github.jrl.core.random.Rng;

/** Policies for the {@code RandomWalk} test env (action 1 moves right, 0 left). */
final class Walkers {

    private Walkers() {
    }

    /** Deterministic: always in one direction; refuses to sample, so tests see which path ran. */
    static Policy<float[], Integer> always(int action) {
        return new Policy<>() {
            @Override
            public Integer act(float[] observation, Rng rng) {
                throw new AssertionError("a deterministic evaluation must not sample");
            }

            @Override
            public Integer actDeterministic(float[] observation) {
                return action;
            }
        };
    }

    /** Stochastic: a fair coin per step; has no deterministic action. */
    static Policy<float[], Integer> coin() {
        return new Policy<>() {
            @Override
            public Integer act(float[] observation, Rng rng) {
                return rng.nextInt(2);
            }

            @Override
            public Integer actDeterministic(float[] observation) {
                throw new AssertionError("a stochastic evaluation must sample");
            }
        };
    }
}

package io.github.jrl.core.policy;

import io.github.jrl.core.random.Rng;

/**
 * What an algorithm produces and a user deploys: a map from observations to actions that works
 * without the training machinery (Tianshou's separation of the policy from the algorithm).
 *
 * @param <O> observation type
 * @param <A> action type
 */
public interface Policy<O, A> {

    /** An action sampled from the policy's distribution, drawing randomness only from {@code rng}. */
    A act(O observation, Rng rng);

    /**
     * The policy's deterministic action (the mode of its distribution: argmax for categorical,
     * the squashed mean for Gaussian policies), as SB3's {@code predict(deterministic=True)}.
     */
    A actDeterministic(O observation);
}

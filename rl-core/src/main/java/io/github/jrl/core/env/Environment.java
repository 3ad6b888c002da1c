package io.github.jrl.core.env;

import io.github.jrl.core.space.Space;
import java.util.Map;

/**
 * A reinforcement-learning environment with Gymnasium's semantics (Gymnasium 0.29
 * {@code Env}): {@link #reset(long, Map)} starts an episode and returns the first observation
 * and an info map; {@link #step} applies an action and returns the next observation, the reward,
 * whether the episode {@code terminated} (a terminal state of the MDP: do not bootstrap) and
 * whether it was {@code truncated} (cut by a time limit: bootstrap from the final observation).
 *
 * <p>Rewards are vectors of {@link #rewardDim()} numbers; scalar environments are the case
 * {@code rewardDim() == 1}, not a separate API (MO-Gymnasium's convention).
 *
 * <p>Randomness: {@code reset(seed, ...)} re-seeds the environment's own generator, as Gymnasium's
 * {@code reset(seed=...)} does; {@link #reset(Map)} continues that generator. An environment that
 * was never seeded refuses to reset without a seed, so that no run depends on an implicit seed.
 *
 * <p>Calling {@code step} before the first reset, or after the episode ended, raises an
 * {@link IllegalStateException}; an action the environment cannot apply raises an
 * {@link InvalidActionException} naming the environment, the action and the space.
 *
 * @param <O> observation type
 * @param <A> action type
 */
public interface Environment<O, A> extends AutoCloseable {

    /** The registered id (e.g. {@code "CartPole-v1"}), or a descriptive name for ad-hoc envs. */
    String id();

    Space<O> observationSpace();

    Space<A> actionSpace();

    /** Number of reward components; 1 for scalar-reward environments. */
    default int rewardDim() {
        return 1;
    }

    /** Seeds the environment's generator with {@code seed} and starts a new episode. */
    Reset<O> reset(long seed, Map<String, ?> options);

    /** Starts a new episode, continuing the generator of the last seeded reset. */
    Reset<O> reset(Map<String, ?> options);

    default Reset<O> reset(long seed) {
        return reset(seed, Map.of());
    }

    default Reset<O> reset() {
        return reset(Map.of());
    }

    /** Applies {@code action} and advances the environment by one step. */
    Step<O> step(A action);

    /** The innermost environment under any wrappers. */
    default Environment<?, ?> unwrapped() {
        return this;
    }

    @Override
    default void close() {
    }
}

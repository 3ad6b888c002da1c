package io.github.jrl.algorithms.appo;

import io.github.jrl.nd4j.policy.ActorCriticPolicy;

/**
 * Rollouts collected asynchronously (IMPALA's actors, RLlib's EnvRunners in APPO): rollout
 * workers keep collecting with the last policy they were given while the learner updates, and
 * hand over each rollout with the version of the policy that collected it. Module
 * {@code rl-distributed} implements it on Pekko actors.
 */
public interface AsyncRollouts {

    /**
     * Starts collecting: the copies reset with seeds from {@code Rng.forStream(envSeed, i)}, the
     * actions drawn from streams of {@code actionSeed}, acting with {@code policy} as version 0.
     */
    void start(long envSeed, long actionSeed, ActorCriticPolicy policy);

    /** Makes {@code policy}, version {@code version}, the one every rollout requested from now on acts with. */
    void publish(long version, ActorCriticPolicy policy);

    /**
     * The next rollout, in the order they arrive; waits for one (bounded).
     *
     * @throws IllegalStateException if none arrives within the implementation's timeout
     */
    AppoBatch take();
}

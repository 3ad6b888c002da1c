package io.github.jrl.algorithms.onpolicy;

import io.github.jrl.core.buffer.RolloutBuffer;
import io.github.jrl.core.random.Rng;
import io.github.jrl.core.wrappers.EpisodeStatistics;
import io.github.jrl.nd4j.policy.ActorCriticPolicy;
import java.util.function.Consumer;

/**
 * Rollouts of an on-policy trainer collected outside its own vector env, by rollout workers
 * (RLlib's EnvRunners) that each step a shard of the copies. An implementation that keeps the
 * contract below makes the trainer's run bit-identical to one collecting locally over the same
 * copies.
 */
public interface RemoteRollouts {

    /** Resets every copy: copy {@code i} with a seed from {@code Rng.forStream(seed, i)}, as a local vector env does. */
    void reset(long seed);

    /**
     * Fills {@code buffer} (one column per copy) with the next rollout of {@code policy} and computes
     * GAE with {@code gaeLambda}, sampling the actions of copy {@code i} at each step as
     * {@link RolloutCollector#collect} would from {@code actionRng}, which it leaves advanced as
     * that collection would. Reports every episode that ends to {@code episodes}, in (step, copy)
     * order. Returns the steps taken.
     */
    long collect(ActorCriticPolicy policy, Rng actionRng, double gaeLambda, RolloutBuffer buffer,
            Consumer<EpisodeStatistics> episodes);
}

package io.github.jrl.distributed;

import org.apache.pekko.actor.typed.ActorRef;

/**
 * The learner's request for the next rollout of shard {@code shardIndex} of run {@code runId}:
 * the policy to act with ({@code ActorCriticPolicy.writeTo} bytes), the state of the run's action
 * stream at the start of the rollout ({@code Rng.state()}), and the seed the copies are reset
 * with when the worker starts hosting the shard.
 */
public record CollectShard(String runId, long iteration, int shardIndex, ShardSpec spec, long envSeed,
        long[] actionRngState, byte[] policy, ActorRef<ShardCollected> replyTo) implements RolloutMessage {
}

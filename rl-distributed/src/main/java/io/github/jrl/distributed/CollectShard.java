package io.github.jrl.distributed;

import org.apache.pekko.actor.typed.ActorRef;

/**
 * The learner's request for the next rollout of shard {@code shardIndex} of run {@code runId}:
 * the policy to act with ({@code ActorCriticPolicy.writeTo} bytes), the state of the run's action
 * stream at the start of the rollout ({@code Rng.state()}), and, for a worker that starts hosting
 * the shard, how its copies start: reset with {@code envSeed}, then given {@code copiesState}
 * ({@code ShardCollector.saveState()} as the shard's previous worker sent it; empty before the
 * first rollout).
 */
public record CollectShard(String runId, long iteration, int shardIndex, ShardSpec spec, long envSeed,
        byte[] copiesState, long[] actionRngState, byte[] policy, ActorRef<ShardCollected> replyTo)
        implements RolloutMessage {
}

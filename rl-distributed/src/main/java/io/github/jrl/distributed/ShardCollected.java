package io.github.jrl.distributed;

import io.github.jrl.algorithms.onpolicy.RolloutShard;

/** A worker's answer to {@link CollectShard}: the shard's rollout for that iteration. */
public record ShardCollected(String runId, long iteration, int shardIndex, RolloutShard shard) implements RolloutMessage {
}

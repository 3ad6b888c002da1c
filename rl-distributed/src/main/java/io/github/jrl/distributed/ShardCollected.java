package io.github.jrl.distributed;

import io.github.jrl.algorithms.onpolicy.RolloutShard;

/**
 * A worker's answer to {@link CollectShard}: the shard's rollout for that iteration, the
 * observations that follow it (an asynchronous learner bootstraps from them), and the state of its
 * copies after it, from which another worker can continue them.
 */
public record ShardCollected(String runId, long iteration, int shardIndex, RolloutShard shard,
        float[] lastObservations, byte[] copiesState)
        implements RolloutMessage {
}

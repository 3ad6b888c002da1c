package io.github.jrl.distributed;

/**
 * The messages between a learner and its rollout workers. They hold primitive arrays only and
 * cross JVMs through {@link RolloutSerializer}, which the cluster configuration binds to this
 * interface.
 */
public sealed interface RolloutMessage
        permits CollectShard, ShardCollected, StopWorker, CollectTransitions, TransitionsCollected {
}

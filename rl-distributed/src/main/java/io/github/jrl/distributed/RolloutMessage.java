package io.github.jrl.distributed;

/**
 * The messages between a learner and its rollout workers. They hold primitive arrays only and
 * cross JVMs through {@link RolloutSerializer}, which the cluster configuration binds to this
 * interface; SAC's transition messages ({@link CollectTransitions}, {@link TransitionsCollected})
 * are embedded-only so far, and the serialiser refuses them.
 */
public sealed interface RolloutMessage
        permits CollectShard, ShardCollected, StopWorker, CollectTransitions, TransitionsCollected {
}

package io.github.jrl.distributed;

import org.apache.pekko.actor.typed.ActorRef;

/**
 * The learner's request for the next {@code steps} steps of shard {@code shardIndex}'s copies in a
 * SAC run: acting with {@code policy} ({@code ActorPolicy.toBytes}; uniformly random actions in
 * its encoding if {@code uniform}), exploration drawn from the stream whose state is
 * {@code explorationRngState}. A worker that does not host the shard yet starts its copies from
 * {@code envSeed}.
 */
public record CollectTransitions(String runId, long sequence, int shardIndex, ShardSpec spec, long envSeed,
        byte[] policy, boolean uniform, long[] explorationRngState, int steps,
        ActorRef<TransitionsCollected> replyTo) implements RolloutMessage {
}

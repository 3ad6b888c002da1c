package io.github.jrl.distributed;

import io.github.jrl.algorithms.sac.TransitionChunk;

/** A worker's answer to {@link CollectTransitions}: the shard's transitions of those steps. */
public record TransitionsCollected(String runId, long sequence, int shardIndex, TransitionChunk chunk)
        implements RolloutMessage {
}

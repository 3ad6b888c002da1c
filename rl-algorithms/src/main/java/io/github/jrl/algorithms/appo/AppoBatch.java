package io.github.jrl.algorithms.appo;

import io.github.jrl.algorithms.onpolicy.RolloutShard;

/**
 * A rollout as an asynchronous learner receives it: the rollout worker's shard of copies
 * ({@link RolloutShard}: primitive arrays, the behaviour policy's log-probabilities and values,
 * the episodes that ended) and the version of the policy it was collected with, from which the
 * learner reads how stale it is.
 *
 * @param policyVersion the number of learner updates behind the policy that collected it
 */
public record AppoBatch(long policyVersion, RolloutShard rollout) {

    public AppoBatch {
        if (policyVersion < 0) {
            throw new IllegalArgumentException("a policy version is >= 0, got " + policyVersion);
        }
        if (rollout == null) {
            throw new IllegalArgumentException("a batch needs its rollout");
        }
    }
}

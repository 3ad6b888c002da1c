package io.github.jrl.algorithms.appo;

import io.github.jrl.algorithms.onpolicy.RolloutShard;

/**
 * A rollout as an asynchronous learner receives it: the rollout worker's shard of copies
 * ({@link RolloutShard}: primitive arrays, the behaviour policy's log-probabilities and values,
 * the episodes that ended) and the version of the policy it was collected with, from which the
 * learner reads how stale it is, and the observations that follow the rollout, from which the
 * learner bootstraps V-trace with its current critic (as IMPALA does).
 *
 * @param policyVersion the number of learner updates behind the policy that collected it
 * @param lastObservations the observations after the last step, one row per copy
 */
public record AppoBatch(long policyVersion, RolloutShard rollout, float[] lastObservations) {

    public AppoBatch {
        if (policyVersion < 0) {
            throw new IllegalArgumentException("a policy version is >= 0, got " + policyVersion);
        }
        if (rollout == null || lastObservations == null) {
            throw new IllegalArgumentException("a batch needs its rollout and the observations that follow it");
        }
        int rows = rollout.numSteps() * rollout.numCopies();
        if (lastObservations.length * rollout.numSteps() != rollout.observations().length
                || rollout.observations().length % rows != 0) {
            throw new IllegalArgumentException("the " + rollout.numCopies() + " copies of a rollout with "
                    + rollout.observations().length + " observation floats over " + rows + " rows need "
                    + rollout.observations().length / Math.max(1, rollout.numSteps()) + " last observation floats, got "
                    + lastObservations.length);
        }
    }
}

package io.github.jrl.distributed;

import io.github.jrl.algorithms.appo.AppoConfig;

/** The small asynchronous CartPole runs the tests and the measurement share. */
final class AsyncAppoRuns {

    /** Batches of the learning runs after the first 20. */
    static final int LEARNING_BATCHES = 300;

    private AsyncAppoRuns() {
    }

    /** 8 copies x 32 steps, 64-64 networks, PPO-like steps on each batch (rl-zoo's CartPole PPO settings). */
    static AppoConfig config() {
        return AppoConfig.builder().numEnvs(8).numSteps(32).numEpochs(4).numMinibatches(2).gamma(0.98).lambda(0.95)
                .clipRange(0.2).learningRate(1e-3).entCoef(0.0).hiddenSizes(64, 64).normalizeAdvantage(true)
                .maxPolicyLag(4).seed(3).build();
    }

    /** Rows of one batch: a shard's copies (all shards the same size here) x steps. */
    static long rows(AppoConfig config, RolloutPlan plan) {
        return (long) plan.shards().get(0).numCopies() * config.numSteps();
    }
}

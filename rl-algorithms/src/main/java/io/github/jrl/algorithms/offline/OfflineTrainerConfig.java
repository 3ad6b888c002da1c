package io.github.jrl.algorithms.offline;

import static io.github.jrl.algorithms.common.ConfigChecks.positive;

/**
 * The loop of an offline run, immutable and validated; what the algorithm learns is in its own
 * config.
 *
 * @param evalEvery gradient steps between evaluations (TD3+BC's {@code eval_freq}, 5e3, in
 *     github.com/sfujim/TD3_BC {@code main.py}); a multiple of {@code logEvery}
 * @param evalEpisodes deterministic episodes per evaluation (TD3+BC's {@code eval_episodes}, 10)
 * @param logEvery gradient steps per round: the metrics of a round are the means over its steps,
 *     written once (d3rlpy averages over its {@code n_steps_per_epoch}; 1000 keeps a 1e6-step run's
 *     log at 1000 rows)
 * @param seed seed of the batch sampling; evaluation episodes start from the environment seed
 *     {@code seed + 1,000,000} (as the SAC benchmarks), the same episodes at every evaluation
 */
public record OfflineTrainerConfig(int evalEvery, int evalEpisodes, int logEvery, long seed) {

    /** Offset from the run's seed to the seed of the evaluation episodes. */
    public static final long EVAL_SEED_OFFSET = 1_000_000;

    public OfflineTrainerConfig {
        positive("evalEvery", evalEvery);
        positive("evalEpisodes", evalEpisodes);
        positive("logEvery", logEvery);
        if (evalEvery % logEvery != 0) {
            throw new IllegalArgumentException("evalEvery (" + evalEvery + ") must be a multiple of logEvery ("
                    + logEvery + "): evaluations run at the end of a round");
        }
    }

    /** TD3+BC's evaluation protocol: every 5000 steps, 10 episodes; rounds of 1000 steps. */
    public static OfflineTrainerConfig defaults(long seed) {
        return new OfflineTrainerConfig(5000, 10, 1000, seed);
    }

    /** This config with evaluations every {@code steps} (rounds shrink to divide it when needed). */
    public OfflineTrainerConfig withEvalEvery(int steps) {
        return new OfflineTrainerConfig(steps, evalEpisodes, steps % logEvery == 0 ? logEvery : steps, seed);
    }

    public long evalSeed() {
        return seed + EVAL_SEED_OFFSET;
    }
}

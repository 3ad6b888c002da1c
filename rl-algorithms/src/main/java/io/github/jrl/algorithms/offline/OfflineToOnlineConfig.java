package io.github.jrl.algorithms.offline;

import static io.github.jrl.algorithms.common.ConfigChecks.positive;

/**
 * The online phase of offline-to-online fine-tuning ({@link OfflineToOnline}), immutable and
 * validated.
 *
 * @param onlineSteps environment steps, one gradient update each (CORL's {@code finetune/iql.py}
 *     {@code online_iterations}; 1e6 there, 20k in the target)
 * @param evalEvery environment steps between evaluations ({@code eval_freq}); evaluations also
 *     run before the first step and after the last
 * @param evalEpisodes deterministic episodes per evaluation ({@code n_episodes}; 10)
 * @param seed seed of exploration, of the batch sampling and of the training environment's first
 *     reset; evaluation episodes start from {@code seed + 1,000,000} as the offline loop's
 */
public record OfflineToOnlineConfig(int onlineSteps, int evalEvery, int evalEpisodes, long seed) {

    public OfflineToOnlineConfig {
        positive("onlineSteps", onlineSteps);
        positive("evalEvery", evalEvery);
        positive("evalEpisodes", evalEpisodes);
    }

    public long evalSeed() {
        return seed + OfflineTrainerConfig.EVAL_SEED_OFFSET;
    }
}

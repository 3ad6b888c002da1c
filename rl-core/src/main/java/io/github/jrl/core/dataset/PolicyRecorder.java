package io.github.jrl.core.dataset;

import io.github.jrl.core.env.Environment;
import io.github.jrl.core.env.Step;
import io.github.jrl.core.policy.Policy;
import io.github.jrl.core.random.Rng;

/**
 * Records a dataset by running a policy in an environment: whole episodes until at least
 * {@code minSteps} transitions are logged, as Minari's {@code DataCollector} loop and D4RL's
 * collection scripts do. Seeded like {@link io.github.jrl.core.callbacks.Evaluation}: the
 * environment is reset with {@code seed} before the first episode and continues its own generator
 * after, and sampled actions draw from a stream derived from {@code seed}, so the same seed gives
 * the same dataset.
 */
public final class PolicyRecorder {

    private PolicyRecorder() {
    }

    /**
     * Runs {@code policy} on {@code env} and returns what it did as a dataset with unknown
     * reference returns (set them with {@link DatasetInfo#withReferenceReturns}).
     *
     * @param deterministic act with {@link Policy#actDeterministic}; otherwise sample with
     *     {@link Policy#act}, as D4RL records its {@code medium} and {@code expert} data
     * @param minSteps the dataset holds the fewest whole episodes with at least this many steps
     * @param policyName recorded as the dataset's recording policy (e.g. {@code "sac-expert"})
     * @param policyConfig the policy's configuration as text, recorded beside its name
     * @throws IllegalArgumentException if {@code minSteps < 1}
     */
    public static <O, A> OfflineDataset record(Environment<O, A> env, Policy<O, A> policy, boolean deterministic,
            int minSteps, long seed, String datasetId, String policyName, String policyConfig) {
        if (minSteps < 1) {
            throw new IllegalArgumentException("minSteps must be >= 1, got " + minSteps);
        }
        EpisodeLog log = EpisodeLog.forEnv(env);
        RecordEpisodes<O, A> recorded = log.wrap(env);
        // a stream of its own: the env's generator is seeded with seed itself
        Rng actionRng = Rng.forStream(seed, 1);
        O observation = recorded.reset(seed).observation();
        while (log.finishedSteps() < minSteps) {
            A action = deterministic ? policy.actDeterministic(observation) : policy.act(observation, actionRng);
            Step<O> step = recorded.step(action);
            observation = step.done() ? recorded.reset().observation() : step.observation();
        }
        return log.toDataset(datasetId, policyName, policyConfig, seed);
    }
}

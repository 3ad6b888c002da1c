package io.github.jrl.core.dataset;

import java.util.Objects;

/**
 * What a dataset is and where it came from: Minari's root attributes ({@code dataset_id},
 * {@code env_spec}, the recording policy as {@code algorithm_name}) plus the shape of its rows and
 * the D4RL reference returns that turn a return into a normalised score.
 *
 * @param datasetId dataset name in Minari's {@code namespace/name-vN} form, e.g.
 *     {@code "pendulum/medium-v0"}
 * @param envId the registry id of the environment recorded, e.g. {@code "Pendulum-v1"}
 * @param observationSize floats per observation
 * @param actionSize floats per action row (1 for a discrete action)
 * @param actionCount number of discrete actions, or 0 for a continuous ({@code Box}) action space
 * @param rewardDim reward components per step (1 for a scalar reward)
 * @param recordingPolicy name of the policy that produced the data (e.g. {@code "sac-medium"})
 * @param recordingConfig the recording policy's configuration as text (YAML or JSON), may be empty
 * @param seed seed the recording started from
 * @param randomReturn mean return of a uniformly random policy (D4RL's {@code REF_MIN_SCORE}), NaN
 *     if unknown
 * @param expertReturn mean return of the expert policy (D4RL's {@code REF_MAX_SCORE}), NaN if unknown
 */
public record DatasetInfo(String datasetId, String envId, int observationSize, int actionSize, int actionCount,
        int rewardDim, String recordingPolicy, String recordingConfig, long seed, double randomReturn,
        double expertReturn) {

    public DatasetInfo {
        Objects.requireNonNull(datasetId, "datasetId");
        Objects.requireNonNull(envId, "envId");
        Objects.requireNonNull(recordingPolicy, "recordingPolicy");
        Objects.requireNonNull(recordingConfig, "recordingConfig");
        if (observationSize <= 0 || actionSize <= 0 || rewardDim <= 0 || actionCount < 0) {
            throw new IllegalArgumentException("observationSize, actionSize and rewardDim must be positive and "
                    + "actionCount >= 0, got " + observationSize + ", " + actionSize + ", " + rewardDim + ", "
                    + actionCount);
        }
        if (actionCount > 0 && actionSize != 1) {
            throw new IllegalArgumentException("a discrete action (actionCount=" + actionCount
                    + ") is stored as one float, got actionSize=" + actionSize);
        }
    }

    /** Whether actions are discrete indices (stored as floats) rather than continuous vectors. */
    public boolean discreteActions() {
        return actionCount > 0;
    }

    /** This info with the D4RL reference returns replaced. */
    public DatasetInfo withReferenceReturns(double random, double expert) {
        return new DatasetInfo(datasetId, envId, observationSize, actionSize, actionCount, rewardDim,
                recordingPolicy, recordingConfig, seed, random, expert);
    }

    /**
     * D4RL's normalised score {@code 100 * (ret - random) / (expert - random)}: 0 is the random
     * policy, 100 the expert (Fu et al. 2020, "D4RL: Datasets for Deep Data-Driven Reinforcement
     * Learning", {@code get_normalized_score}).
     *
     * @throws IllegalStateException if the reference returns are unknown or equal
     */
    public double normalizedScore(double episodeReturn) {
        if (Double.isNaN(randomReturn) || Double.isNaN(expertReturn) || randomReturn == expertReturn) {
            throw new IllegalStateException("dataset " + datasetId + " has no usable reference returns (random="
                    + randomReturn + ", expert=" + expertReturn + "); a normalised score needs both, and distinct");
        }
        return 100.0 * (episodeReturn - randomReturn) / (expertReturn - randomReturn);
    }
}

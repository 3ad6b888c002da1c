package io.github.jrl.core.dataset;

import java.util.Arrays;

/** The growing arrays of one episode being recorded, in the {@link Episode} layout. */
final class EpisodeBuilder {

    private final int observationSize;
    private final int actionSize;
    private final int rewardDim;
    private float[] observations;
    private float[] actions;
    private float[] rewards;
    private boolean[] terminations;
    private boolean[] truncations;
    private int steps;

    EpisodeBuilder(int observationSize, int actionSize, int rewardDim, float[] firstObservation) {
        this.observationSize = observationSize;
        this.actionSize = actionSize;
        this.rewardDim = rewardDim;
        int capacity = 64;
        observations = new float[(capacity + 1) * observationSize];
        actions = new float[capacity * actionSize];
        rewards = new float[capacity * rewardDim];
        terminations = new boolean[capacity];
        truncations = new boolean[capacity];
        System.arraycopy(firstObservation, 0, observations, 0, observationSize);
    }

    int length() {
        return steps;
    }

    /** Appends one step: the action taken, then what the step returned. */
    void add(float[] action, float[] nextObservation, double[] reward, boolean terminated, boolean truncated) {
        if (steps == terminations.length) {
            int capacity = 2 * steps;
            observations = Arrays.copyOf(observations, (capacity + 1) * observationSize);
            actions = Arrays.copyOf(actions, capacity * actionSize);
            rewards = Arrays.copyOf(rewards, capacity * rewardDim);
            terminations = Arrays.copyOf(terminations, capacity);
            truncations = Arrays.copyOf(truncations, capacity);
        }
        System.arraycopy(action, 0, actions, steps * actionSize, actionSize);
        System.arraycopy(nextObservation, 0, observations, (steps + 1) * observationSize, observationSize);
        for (int k = 0; k < rewardDim; k++) {
            rewards[steps * rewardDim + k] = (float) reward[k];
        }
        terminations[steps] = terminated;
        truncations[steps] = truncated;
        steps++;
    }

    /**
     * The episode so far as episode {@code id}; {@code cut} flags its last step truncated (recording
     * stopped before the episode ended). The builder is left as it was.
     */
    Episode build(int id, boolean cut) {
        boolean[] truncated = Arrays.copyOf(truncations, steps);
        if (cut) {
            truncated[steps - 1] = true;
        }
        return new Episode(id, observationSize, actionSize, rewardDim,
                Arrays.copyOf(observations, (steps + 1) * observationSize), Arrays.copyOf(actions, steps * actionSize),
                Arrays.copyOf(rewards, steps * rewardDim), Arrays.copyOf(terminations, steps), truncated);
    }
}

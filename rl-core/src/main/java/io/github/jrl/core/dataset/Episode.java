package io.github.jrl.core.dataset;

import java.util.Arrays;

/**
 * One recorded episode in the Minari layout: {@code T} steps hold {@code T + 1} observations
 * (the first from reset, the last the observation the final step returned), {@code T} actions,
 * {@code T} reward vectors, and the {@code terminations} and {@code truncations} flags kept
 * apart, as Minari's {@code EpisodeData} and Gymnasium's step API do.
 *
 * <p>Arrays are flat and row-major: observation {@code t} is {@code observations[t *
 * observationSize .. (t + 1) * observationSize)}. A discrete action is stored as its index in a
 * one-float row. The constructor copies nothing, so an {@code Episode} owns the arrays it is
 * given; its array accessors return copies.
 *
 * @param id the episode's index in its dataset (Minari's {@code episode_id})
 */
public record Episode(int id, int observationSize, int actionSize, int rewardDim, float[] observations,
        float[] actions, float[] rewards, boolean[] terminations, boolean[] truncations) {

    /**
     * @throws IllegalArgumentException if a size is not positive, the arrays disagree on the
     *     number of steps, a value is not finite, or a step after the last is flagged terminated
     *     or truncated (only the last step may end an episode)
     */
    public Episode {
        if (id < 0 || observationSize <= 0 || actionSize <= 0 || rewardDim <= 0) {
            throw new IllegalArgumentException("id must be >= 0 and sizes positive, got id=" + id
                    + ", observationSize=" + observationSize + ", actionSize=" + actionSize + ", rewardDim=" + rewardDim);
        }
        int steps = terminations.length;
        if (steps == 0) {
            throw new IllegalArgumentException("episode " + id + " has no steps; an episode holds at least one step");
        }
        requireLength(id, "observations", observations.length, (steps + 1) * observationSize);
        requireLength(id, "actions", actions.length, steps * actionSize);
        requireLength(id, "rewards", rewards.length, steps * rewardDim);
        requireLength(id, "truncations", truncations.length, steps);
        requireFinite(id, "observation", observations);
        requireFinite(id, "action", actions);
        requireFinite(id, "reward", rewards);
        for (int t = 0; t < steps - 1; t++) {
            if (terminations[t] || truncations[t]) {
                throw new IllegalArgumentException("episode " + id + " is flagged terminated or truncated at step " + t
                        + " of " + steps + "; only its last step may end it");
            }
        }
    }

    private static void requireLength(int id, String name, int actual, int expected) {
        if (actual != expected) {
            throw new IllegalArgumentException("episode " + id + ": " + name + " has " + actual
                    + " values, expected " + expected);
        }
    }

    private static void requireFinite(int id, String name, float[] values) {
        for (int i = 0; i < values.length; i++) {
            if (!Float.isFinite(values[i])) {
                throw new IllegalArgumentException("episode " + id + ": " + name + " value " + values[i]
                        + " at flat index " + i + " is not finite");
            }
        }
    }

    /** This episode numbered {@code newId}, sharing its arrays (they are never written). */
    public Episode withId(int newId) {
        return new Episode(newId, observationSize, actionSize, rewardDim, observations, actions, rewards, terminations,
                truncations);
    }

    /** Number of steps {@code T}. */
    public int length() {
        return terminations.length;
    }

    /** Whether the last step reached a terminal state of the MDP (no bootstrap past it). */
    public boolean terminated() {
        return terminations[length() - 1];
    }

    /** Whether the last step was cut by a time limit (or recording stopped): the state is not terminal. */
    public boolean truncated() {
        return truncations[length() - 1];
    }

    /** Undiscounted sum of reward component {@code component} over the episode. */
    public double undiscountedReturn(int component) {
        if (component < 0 || component >= rewardDim) {
            throw new IndexOutOfBoundsException("reward component " + component + " outside [0, " + rewardDim + ")");
        }
        double sum = 0;
        for (int t = 0; t < length(); t++) {
            sum += rewards[t * rewardDim + component];
        }
        return sum;
    }

    /** A copy of observation {@code t}, {@code 0 <= t <= length()}. */
    public float[] observation(int t) {
        return Arrays.copyOfRange(observations, t * observationSize, (t + 1) * observationSize);
    }

    /** A copy of action {@code t}, {@code 0 <= t < length()}. */
    public float[] action(int t) {
        return Arrays.copyOfRange(actions, t * actionSize, (t + 1) * actionSize);
    }

    @Override
    public float[] observations() {
        return observations.clone();
    }

    @Override
    public float[] actions() {
        return actions.clone();
    }

    @Override
    public float[] rewards() {
        return rewards.clone();
    }

    @Override
    public boolean[] terminations() {
        return terminations.clone();
    }

    @Override
    public boolean[] truncations() {
        return truncations.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Episode e && id == e.id && observationSize == e.observationSize
                && actionSize == e.actionSize && rewardDim == e.rewardDim
                && Arrays.equals(observations, e.observations) && Arrays.equals(actions, e.actions)
                && Arrays.equals(rewards, e.rewards) && Arrays.equals(terminations, e.terminations)
                && Arrays.equals(truncations, e.truncations);
    }

    @Override
    public int hashCode() {
        return 31 * Integer.hashCode(id) + Arrays.hashCode(observations);
    }

    @Override
    public String toString() {
        return "Episode[id=" + id + ", steps=" + length() + ", terminated=" + terminated() + ", truncated="
                + truncated() + "]";
    }
}

package io.github.jrl.core.buffer;

/**
 * Rows of transitions {@code (s, a, r, s', terminated, truncated)} in parallel primitive arrays:
 * the storage of a {@link ReplayBuffer} and of the batches sampled from it. Callers validate the
 * sizes.
 */
final class Transitions {

    final int observationSize;
    final int actionSize;
    final float[] observations;
    final float[] nextObservations;
    final float[] actions;
    final float[] rewards;
    final boolean[] terminated;
    final boolean[] truncated;

    Transitions(int rows, int observationSize, int actionSize) {
        this.observationSize = observationSize;
        this.actionSize = actionSize;
        observations = new float[rows * observationSize];
        nextObservations = new float[rows * observationSize];
        actions = new float[rows * actionSize];
        rewards = new float[rows];
        terminated = new boolean[rows];
        truncated = new boolean[rows];
    }

    /**
     * Writes row {@code to} from row {@code from} of arrays laid out as this storage's (for
     * instance one vector-env step of several copies).
     */
    void put(int to, float[] fromObservations, float[] fromNextObservations, float[] fromActions, float[] fromRewards,
            boolean[] fromTerminated, boolean[] fromTruncated, int from) {
        System.arraycopy(fromObservations, from * observationSize, observations, to * observationSize, observationSize);
        System.arraycopy(fromNextObservations, from * observationSize, nextObservations, to * observationSize,
                observationSize);
        System.arraycopy(fromActions, from * actionSize, actions, to * actionSize, actionSize);
        rewards[to] = fromRewards[from];
        terminated[to] = fromTerminated[from];
        truncated[to] = fromTruncated[from];
    }

    /** Copies row {@code from} of this storage into row {@code to} of {@code target} (same sizes). */
    void copyRow(int from, Transitions target, int to) {
        target.put(to, observations, nextObservations, actions, rewards, terminated, truncated, from);
    }
}

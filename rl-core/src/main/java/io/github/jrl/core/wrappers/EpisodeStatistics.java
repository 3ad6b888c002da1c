package io.github.jrl.core.wrappers;

import java.util.Arrays;

/**
 * Return and length of a finished episode, put under {@link RecordEpisodeStatistics#INFO_KEY}
 * in the info map of its last step. {@code returns} has one component per reward dimension.
 */
public record EpisodeStatistics(double[] returns, int length) {

    public EpisodeStatistics {
        returns = returns.clone();
    }

    /** The undiscounted return of a scalar-reward episode. */
    public double episodeReturn() {
        if (returns.length != 1) {
            throw new IllegalStateException("the episode has a vector return of " + returns.length + " components");
        }
        return returns[0];
    }

    @Override
    public double[] returns() {
        return returns.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EpisodeStatistics e && e.length == length && Arrays.equals(e.returns, returns);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(returns) + length;
    }

    @Override
    public String toString() {
        return "EpisodeStatistics[returns=" + Arrays.toString(returns) + ", length=" + length + "]";
    }
}

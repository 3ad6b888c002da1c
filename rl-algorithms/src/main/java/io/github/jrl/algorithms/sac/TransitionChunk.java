package io.github.jrl.algorithms.sac;

import io.github.jrl.core.wrappers.EpisodeStatistics;
import java.util.List;

/**
 * Transitions {@code (s, a, r, s', terminated, truncated)} of {@code rows} rows (steps x copies,
 * step-major) in primitive arrays, laid out as {@code ReplayBuffer.add} takes them: what a remote
 * worker sends SAC's learner. Actions are in the policy's encoding ({@code ActorPolicy}), {@code s'}
 * of a finished episode is its final observation.
 *
 * @param episodes the episodes that ended in these steps, in (step, copy) order
 */
public record TransitionChunk(int rows, float[] observations, float[] actions, float[] rewards,
        float[] nextObservations, boolean[] terminated, boolean[] truncated, List<EpisodeStatistics> episodes) {

    public TransitionChunk {
        if (rows <= 0 || rewards.length != rows || terminated.length != rows || truncated.length != rows
                || observations.length % rows != 0 || nextObservations.length != observations.length
                || actions.length % rows != 0) {
            throw new IllegalArgumentException("a chunk of " + rows + " transitions needs that many rewards and flags"
                    + " and whole rows of observations, next observations and actions; got " + rewards.length + ", "
                    + terminated.length + ", " + truncated.length + ", " + observations.length + ", "
                    + nextObservations.length + ", " + actions.length);
        }
        episodes = List.copyOf(episodes);
    }
}

package io.github.jrl.algorithms.onpolicy;

import io.github.jrl.core.buffer.RolloutBuffer;
import io.github.jrl.core.wrappers.EpisodeStatistics;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;

/**
 * One rollout of a shard of the copies (copies {@code firstCopy .. firstCopy + numCopies - 1}),
 * as primitive arrays laid out step-major like {@link RolloutBuffer}: what a rollout worker
 * sends its learner. {@link #assemble} puts the shards of all copies back into the buffer a
 * local collection over all copies would have filled.
 *
 * @param lastValues the value estimates of the observations after the last step, one per copy
 * @param episodes the episodes that ended in the rollout, with copies numbered within the shard
 */
public record RolloutShard(int firstCopy, int numCopies, int numSteps, float[] observations, float[] actions,
        float[] rewards, boolean[] dones, float[] values, float[] logProbs, float[] lastValues,
        List<RolloutCollector.FinishedEpisode> episodes) {

    public RolloutShard {
        if (firstCopy < 0 || numCopies <= 0 || numSteps <= 0) {
            throw new IllegalArgumentException("a shard needs a non-negative first copy and positive copies and steps, got "
                    + firstCopy + ", " + numCopies + ", " + numSteps);
        }
        int rows = numSteps * numCopies;
        if (rewards.length != rows || dones.length != rows || values.length != rows || logProbs.length != rows
                || lastValues.length != numCopies || observations.length % rows != 0 || actions.length % rows != 0) {
            throw new IllegalArgumentException("a shard of " + numSteps + " steps x " + numCopies
                    + " copies needs that many rows in every array and " + numCopies + " last values");
        }
        episodes = List.copyOf(episodes);
    }

    /** The rollout just collected into {@code buffer} by {@code collector}, for copies from {@code firstCopy} on. */
    public static RolloutShard of(int firstCopy, RolloutBuffer buffer, RolloutCollector collector) {
        if (!buffer.isFull()) {
            throw new IllegalStateException("a shard is sent after a full rollout; the buffer holds " + buffer.size()
                    + " rows");
        }
        return new RolloutShard(firstCopy, buffer.numEnvs(), buffer.numSteps(), buffer.observations().clone(),
                buffer.actions().clone(), buffer.rewards().clone(), buffer.dones().clone(), buffer.values().clone(),
                buffer.logProbs().clone(), collector.lastValues(), collector.episodesOfLastRollout());
    }

    /**
     * Fills {@code buffer} from {@code shards}, which must cover its copies exactly once, computes
     * GAE as a local collection does (per copy, so the result is the same bit for bit), and reports
     * the episodes to {@code episodes} in the (step, copy) order of a local collection. Returns the
     * steps taken.
     */
    public static long assemble(List<RolloutShard> shards, RolloutBuffer buffer, double gamma, double gaeLambda,
            Consumer<EpisodeStatistics> episodes) {
        int numEnvs = buffer.numEnvs();
        int observationSize = buffer.observationSize();
        int actionSize = buffer.actionSize();
        boolean[] covered = new boolean[numEnvs];
        for (RolloutShard shard : shards) {
            if (shard.numSteps != buffer.numSteps() || shard.firstCopy + shard.numCopies > numEnvs
                    || shard.observations.length != shard.rewards.length * observationSize
                    || shard.actions.length != shard.rewards.length * actionSize) {
                throw new IllegalArgumentException("shard of copies " + shard.firstCopy + "+" + shard.numCopies + " ("
                        + shard.numSteps + " steps) does not fit a buffer of " + buffer);
            }
            for (int i = shard.firstCopy; i < shard.firstCopy + shard.numCopies; i++) {
                if (covered[i]) {
                    throw new IllegalArgumentException("copy " + i + " is in two shards");
                }
                covered[i] = true;
            }
        }
        for (int i = 0; i < numEnvs; i++) {
            if (!covered[i]) {
                throw new IllegalArgumentException("no shard holds copy " + i + " of " + numEnvs);
            }
        }
        float[] observations = new float[numEnvs * observationSize];
        float[] actions = new float[numEnvs * actionSize];
        float[] rewards = new float[numEnvs];
        boolean[] dones = new boolean[numEnvs];
        float[] values = new float[numEnvs];
        float[] logProbs = new float[numEnvs];
        float[] lastValues = new float[numEnvs];
        buffer.clear();
        for (int t = 0; t < buffer.numSteps(); t++) {
            for (RolloutShard shard : shards) {
                int n = shard.numCopies;
                int from = t * n;
                System.arraycopy(shard.observations, from * observationSize, observations, shard.firstCopy * observationSize,
                        n * observationSize);
                System.arraycopy(shard.actions, from * actionSize, actions, shard.firstCopy * actionSize, n * actionSize);
                System.arraycopy(shard.rewards, from, rewards, shard.firstCopy, n);
                System.arraycopy(shard.dones, from, dones, shard.firstCopy, n);
                System.arraycopy(shard.values, from, values, shard.firstCopy, n);
                System.arraycopy(shard.logProbs, from, logProbs, shard.firstCopy, n);
            }
            buffer.add(observations, actions, rewards, dones, values, logProbs);
        }
        for (RolloutShard shard : shards) {
            System.arraycopy(shard.lastValues, 0, lastValues, shard.firstCopy, shard.numCopies);
        }
        buffer.computeReturnsAndAdvantages(lastValues, gamma, gaeLambda);
        List<RolloutCollector.FinishedEpisode> ended = new ArrayList<>();
        for (RolloutShard shard : shards) {
            for (RolloutCollector.FinishedEpisode e : shard.episodes) {
                ended.add(new RolloutCollector.FinishedEpisode(e.step(), shard.firstCopy + e.copy(), e.statistics()));
            }
        }
        ended.sort(Comparator.comparingInt(RolloutCollector.FinishedEpisode::step)
                .thenComparingInt(RolloutCollector.FinishedEpisode::copy));
        ended.forEach(e -> episodes.accept(e.statistics()));
        return (long) buffer.numSteps() * numEnvs;
    }
}

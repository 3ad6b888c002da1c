package io.github.jrl.core.dataset;

import io.github.jrl.core.env.Environment;
import io.github.jrl.core.space.Discrete;
import io.github.jrl.core.space.Space;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Collects the episodes that {@link RecordEpisodes} wrappers log, in the order they end, and
 * turns them into an {@link OfflineDataset}. One log serves every copy of an environment a
 * trainer steps (wrap each copy with {@link #wrap}), so the replay stream of a whole training run
 * lands in one dataset with its episode boundaries kept: Minari's {@code DataCollector} role.
 *
 * <p>Episodes still running when the log is read are included, cut where recording stopped and
 * flagged truncated on their last step (their last state is not terminal), so no recorded step is
 * dropped; episodes with no step yet contribute nothing. Finished episodes are numbered in the
 * order they end; in-progress ones follow in the order their wrappers were made. With a
 * synchronous vector environment that order, and so the dataset, is a function of the seeds;
 * copies stepped on several threads may end episodes in the same step in either order.
 *
 * <p>Thread-safe.
 */
public final class EpisodeLog {

    private final String envId;
    private final int observationSize;
    private final int actionSize;
    private final int actionCount;
    private final int rewardDim;
    private final List<Episode> finished = new ArrayList<>();
    private final List<RecordEpisodes<?, ?>> recorders = new ArrayList<>();
    private long finishedSteps;

    /**
     * A log for episodes of environment {@code envId} with the given row sizes; see
     * {@link #forEnv} to take them from an environment's spaces.
     *
     * @param actionCount number of discrete actions, or 0 for continuous actions
     */
    public EpisodeLog(String envId, int observationSize, int actionSize, int actionCount, int rewardDim) {
        this.envId = Objects.requireNonNull(envId, "envId");
        // the same checks as the dataset these episodes will form
        new DatasetInfo("check", envId, observationSize, actionSize, actionCount, rewardDim, "", "", 0, Double.NaN,
                Double.NaN);
        this.observationSize = observationSize;
        this.actionSize = actionSize;
        this.actionCount = actionCount;
        this.rewardDim = rewardDim;
    }

    /**
     * A log sized for {@code env}: the flat sizes of its observation and action spaces
     * ({@link Space#flatSize}), its reward dimension, and the action count of a {@link Discrete}
     * action space.
     *
     * @throws IllegalArgumentException if the action space is {@code Discrete} with a start other
     *     than 0 (datasets store action indices in {@code [0, n)})
     */
    public static EpisodeLog forEnv(Environment<?, ?> env) {
        Space<?> actions = env.actionSpace();
        int actionCount = 0;
        if (actions instanceof Discrete d) {
            if (d.start() != 0) {
                throw new IllegalArgumentException(env.id() + " has discrete actions starting at " + d.start()
                        + "; datasets store action indices in [0, n), expected start 0");
            }
            actionCount = d.n();
        }
        return new EpisodeLog(env.id(), env.observationSpace().flatSize(), actions.flatSize(), actionCount,
                env.rewardDim());
    }

    /**
     * {@code env} wrapped so that every step it takes is logged here.
     *
     * @throws IllegalArgumentException if the env's id or sizes differ from this log's
     */
    public synchronized <O, A> RecordEpisodes<O, A> wrap(Environment<O, A> env) {
        if (!env.id().equals(envId) || env.observationSpace().flatSize() != observationSize
                || env.actionSpace().flatSize() != actionSize || env.rewardDim() != rewardDim) {
            throw new IllegalArgumentException("cannot record " + env.id() + " (observation " + env.observationSpace()
                    + ", action " + env.actionSpace() + ", rewardDim " + env.rewardDim() + ") into a log for " + envId
                    + " with observationSize " + observationSize + ", actionSize " + actionSize + ", rewardDim "
                    + rewardDim);
        }
        RecordEpisodes<O, A> recorder = new RecordEpisodes<>(env, this);
        recorders.add(recorder);
        return recorder;
    }

    synchronized void add(EpisodeBuilder episode, boolean cut) {
        finished.add(episode.build(finished.size(), cut));
        finishedSteps += episode.length();
    }

    public String envId() {
        return envId;
    }

    /** Episodes that have ended so far. */
    public synchronized int finishedEpisodes() {
        return finished.size();
    }

    /** Steps of the episodes that have ended so far. */
    public synchronized long finishedSteps() {
        return finishedSteps;
    }

    /**
     * Everything recorded so far: the finished episodes, then the in-progress ones cut here and
     * flagged truncated. Recording continues unaffected.
     */
    public synchronized List<Episode> episodes() {
        List<Episode> all = new ArrayList<>(finished);
        for (RecordEpisodes<?, ?> recorder : recorders) {
            EpisodeBuilder running = recorder.running();
            if (running != null && running.length() > 0) {
                all.add(running.build(all.size(), true));
            }
        }
        return all;
    }

    /**
     * Everything recorded so far ({@link #episodes()}) as a dataset, with unknown reference returns.
     *
     * @param recordingPolicy name of the policy that acted (Minari's {@code algorithm_name})
     * @param recordingConfig its configuration as text
     * @param seed the seed the recording started from
     * @throws IllegalStateException if nothing has been recorded
     */
    public OfflineDataset toDataset(String datasetId, String recordingPolicy, String recordingConfig, long seed) {
        List<Episode> episodes = episodes();
        if (episodes.isEmpty()) {
            throw new IllegalStateException("nothing recorded into the log for " + envId + " yet");
        }
        return new OfflineDataset(new DatasetInfo(datasetId, envId, observationSize, actionSize, actionCount,
                rewardDim, recordingPolicy, recordingConfig, seed, Double.NaN, Double.NaN), episodes);
    }

    int observationSize() {
        return observationSize;
    }

    int actionSize() {
        return actionSize;
    }

    int rewardDim() {
        return rewardDim;
    }
}

package io.github.jrl.core.dataset;

import io.github.jrl.core.buffer.ReplayBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A logged dataset: episodes recorded from one environment with the {@link DatasetInfo} that
 * describes them. Immutable. Offline algorithms read it as a {@link ReplayBuffer} of transitions
 * {@code (s, a, r, s', terminated, truncated)} through {@link #toReplayBuffer}.
 */
public final class OfflineDataset {

    private final DatasetInfo info;
    private final List<Episode> episodes;
    private final int transitionCount;

    /**
     * @throws IllegalArgumentException if there are no episodes, or an episode's sizes differ from
     *     the info's, or episode ids are not 0, 1, 2, ... in order
     */
    public OfflineDataset(DatasetInfo info, List<Episode> episodes) {
        this.info = Objects.requireNonNull(info, "info");
        this.episodes = List.copyOf(episodes);
        if (this.episodes.isEmpty()) {
            throw new IllegalArgumentException("dataset " + info.datasetId() + " has no episodes");
        }
        long total = 0;
        for (int i = 0; i < this.episodes.size(); i++) {
            Episode e = this.episodes.get(i);
            if (e.id() != i) {
                throw new IllegalArgumentException("dataset " + info.datasetId() + ": episode at position " + i
                        + " has id " + e.id() + "; ids must be 0, 1, 2, ... in order");
            }
            if (e.observationSize() != info.observationSize() || e.actionSize() != info.actionSize()
                    || e.rewardDim() != info.rewardDim()) {
                throw new IllegalArgumentException("dataset " + info.datasetId() + ": episode " + i + " has sizes obs="
                        + e.observationSize() + ", action=" + e.actionSize() + ", reward=" + e.rewardDim()
                        + ", expected " + info.observationSize() + ", " + info.actionSize() + ", " + info.rewardDim());
            }
            if (info.discreteActions()) {
                requireDiscreteActions(e);
            }
            total += e.length();
        }
        if (total > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("dataset " + info.datasetId() + " holds " + total
                    + " transitions; at most " + (Integer.MAX_VALUE - 8) + " are supported");
        }
        this.transitionCount = (int) total;
    }

    private void requireDiscreteActions(Episode e) {
        float[] actions = e.actions();
        for (int t = 0; t < e.length(); t++) {
            float a = actions[t];
            if (a != Math.rint(a) || a < 0 || a >= info.actionCount()) {
                throw new IllegalArgumentException("dataset " + info.datasetId() + ": episode " + e.id() + " step " + t
                        + " has action " + a + ", expected an index in [0, " + info.actionCount() + ")");
            }
        }
    }

    /** The same episodes described by {@code newInfo} (e.g. with reference returns set). */
    public OfflineDataset withInfo(DatasetInfo newInfo) {
        return new OfflineDataset(newInfo, episodes);
    }

    /**
     * The episodes of {@code parts}, in order and renumbered 0, 1, 2, ..., as one dataset described
     * by {@code info}: D4RL's {@code medium-expert} is {@code medium} followed by {@code expert}.
     *
     * @throws IllegalArgumentException if {@code parts} is empty or a part's sizes differ from {@code info}'s
     */
    public static OfflineDataset concat(DatasetInfo info, List<OfflineDataset> parts) {
        List<Episode> all = new ArrayList<>();
        for (OfflineDataset part : parts) {
            for (Episode e : part.episodes) {
                all.add(e.withId(all.size()));
            }
        }
        return new OfflineDataset(info, all);
    }

    public DatasetInfo info() {
        return info;
    }

    public List<Episode> episodes() {
        return episodes;
    }

    /** Total number of steps over all episodes. */
    public int transitionCount() {
        return transitionCount;
    }

    /** Undiscounted return of reward component {@code component} of each episode, in order. */
    public double[] episodeReturns(int component) {
        double[] returns = new double[episodes.size()];
        for (int i = 0; i < returns.length; i++) {
            returns[i] = episodes.get(i).undiscountedReturn(component);
        }
        return returns;
    }

    /**
     * All transitions in a replay buffer of {@code capacity} rows (at least
     * {@link #transitionCount()}; more leaves room for online transitions in offline-to-online
     * training). The scalar reward of a row is reward component {@code rewardComponent}. Rows are
     * added episode by episode in order, so row {@code i} of the buffer is the {@code i}-th step of
     * the dataset until online rows overwrite it.
     */
    public ReplayBuffer toReplayBuffer(int capacity, int rewardComponent) {
        if (capacity < transitionCount) {
            throw new IllegalArgumentException("capacity " + capacity + " cannot hold the " + transitionCount
                    + " transitions of dataset " + info.datasetId());
        }
        if (rewardComponent < 0 || rewardComponent >= info.rewardDim()) {
            throw new IndexOutOfBoundsException("reward component " + rewardComponent + " outside [0, "
                    + info.rewardDim() + ")");
        }
        ReplayBuffer buffer = new ReplayBuffer(capacity, info.observationSize(), info.actionSize());
        int obs = info.observationSize();
        for (Episode e : episodes) {
            int steps = e.length();
            float[] observations = e.observations();
            float[] next = new float[steps * obs];
            System.arraycopy(observations, obs, next, 0, steps * obs);
            float[] allRewards = e.rewards();
            float[] rewards = new float[steps];
            for (int t = 0; t < steps; t++) {
                rewards[t] = allRewards[t * info.rewardDim() + rewardComponent];
            }
            buffer.add(steps, observations, e.actions(), rewards, next, e.terminations(), e.truncations());
        }
        return buffer;
    }

    @Override
    public String toString() {
        return "OfflineDataset[" + info.datasetId() + ", env=" + info.envId() + ", episodes=" + episodes.size()
                + ", transitions=" + transitionCount + "]";
    }
}

package io.github.jrl.core.wrappers;

import io.github.jrl.core.checkpoint.StateCodec;
import io.github.jrl.core.checkpoint.Stateful;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The statistics of the last {@link #WINDOW} finished training episodes, read from the info maps
 * that {@link RecordEpisodeStatistics} fills: what trainers report as
 * {@code charts/episodic_return} and {@code charts/episodic_length} (Stable-Baselines3's
 * {@code ep_info_buffer} with its {@code stats_window_size} of 100).
 */
public final class RecentEpisodes implements Stateful {

    /** Episodes over which the means run (SB3's {@code stats_window_size}). */
    public static final int WINDOW = 100;

    private final ArrayDeque<EpisodeStatistics> episodes = new ArrayDeque<>();
    private long count;

    /** Records the episode in a finished episode's info map; maps without statistics are ignored. */
    public void record(Map<String, Object> finalInfo) {
        Object stats = finalInfo == null ? null : finalInfo.get(RecordEpisodeStatistics.INFO_KEY);
        if (stats instanceof EpisodeStatistics episode) {
            episodes.addLast(episode);
            count++;
            if (episodes.size() > WINDOW) {
                episodes.removeFirst();
            }
        }
    }

    /** Writes the window's episodes and the count. */
    @Override
    public void writeState(DataOutputStream out) throws IOException {
        StateCodec.writeTag(out, "RecentEpisodes");
        out.writeLong(count);
        out.writeInt(episodes.size());
        for (EpisodeStatistics episode : episodes) {
            StateCodec.writeDoubles(out, episode.returns());
            out.writeInt(episode.length());
        }
    }

    @Override
    public Restore readState(DataInputStream in) throws IOException {
        StateCodec.readTag(in, "RecentEpisodes");
        long savedCount = in.readLong();
        int size = in.readInt();
        if (size < 0 || size > WINDOW || size > savedCount) {
            throw new IOException("a window of recent episodes holds 0 to " + WINDOW + " of the " + savedCount
                    + " episodes recorded, found " + size);
        }
        List<EpisodeStatistics> saved = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            int components = in.readInt();
            if (components < 1) {
                throw new IOException("an episode with " + components + " reward components");
            }
            double[] returns = new double[components];
            for (int k = 0; k < components; k++) {
                returns[k] = in.readDouble();
            }
            int length = in.readInt();
            if (length < 1) {
                throw new IOException("an episode of length " + length);
            }
            saved.add(new EpisodeStatistics(returns, length));
        }
        return () -> {
            episodes.clear();
            episodes.addAll(saved);
            count = savedCount;
        };
    }

    /** Whether any episode has finished yet. */
    public boolean hasEpisodes() {
        return !episodes.isEmpty();
    }

    /** Episodes recorded since creation. */
    public long count() {
        return count;
    }

    /** Mean undiscounted return of the last {@link #WINDOW} episodes (NaN before the first). */
    public double meanReturn() {
        return episodes.stream().mapToDouble(EpisodeStatistics::episodeReturn).average().orElse(Double.NaN);
    }

    /** Mean length of the last {@link #WINDOW} episodes (NaN before the first). */
    public double meanLength() {
        return episodes.stream().mapToInt(EpisodeStatistics::length).average().orElse(Double.NaN);
    }
}

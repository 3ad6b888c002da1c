package io.github.jrl.core.wrappers;

import java.util.ArrayDeque;
import java.util.Map;

/**
 * The statistics of the last {@link #WINDOW} finished training episodes, read from the info maps
 * that {@link RecordEpisodeStatistics} fills: what trainers report as
 * {@code charts/episodic_return} and {@code charts/episodic_length} (Stable-Baselines3's
 * {@code ep_info_buffer} with its {@code stats_window_size} of 100).
 */
public final class RecentEpisodes {

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

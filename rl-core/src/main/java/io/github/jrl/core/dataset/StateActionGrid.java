package io.github.jrl.core.dataset;

import java.util.Arrays;
import java.util.List;

/**
 * A regular grid over states and continuous actions that makes state-action pairs countable for
 * {@link DatasetMetrics}: each observation (and continuous action) dimension's range
 * {@code [low, high]} is cut into {@code bins} equal cells (the top edge belongs to the last cell;
 * a dimension with {@code low == high} is one cell), and a discrete action is its own index. A
 * pair's cell is one {@code long} in mixed radix.
 *
 * <p>{@link #fit} takes the ranges from the datasets to be compared, so that every pair of them
 * lies on the grid and their counts share one resolution. jrl's default of
 * {@value #DEFAULT_BINS} bins is its own choice (the paper counts exact discrete states); the
 * counts, not the ratios between datasets on one grid, depend on it.
 */
public final class StateActionGrid {

    /** Cells per continuous dimension used by {@code jrl dataset info}. */
    public static final int DEFAULT_BINS = 20;

    private final float[] low;
    private final float[] high;
    private final int bins;
    private final int observationSize;
    private final int actionCount;

    /**
     * @param low lower bound of each observation dimension, then of each continuous action dimension
     * @param high upper bounds, in the same order
     * @param observationSize how many of the dimensions are the observation's
     * @param actionCount number of discrete actions (the action is then not in low/high), or 0
     * @throws IllegalArgumentException if the bounds are not finite and ordered, {@code bins < 1},
     *     or the grid has more cells than a {@code long} numbers
     */
    public StateActionGrid(float[] low, float[] high, int observationSize, int actionCount, int bins) {
        if (low.length != high.length || observationSize < 1 || observationSize > low.length || bins < 1
                || actionCount < 0 || (actionCount > 0 && observationSize != low.length)) {
            throw new IllegalArgumentException("grid needs low and high of one length covering the " + observationSize
                    + " observation dimensions (and the continuous action's when actionCount is 0), bins >= 1 and "
                    + "actionCount >= 0; got low " + low.length + ", high " + high.length + ", bins " + bins
                    + ", actionCount " + actionCount);
        }
        for (int i = 0; i < low.length; i++) {
            if (!Float.isFinite(low[i]) || !Float.isFinite(high[i]) || low[i] > high[i]) {
                throw new IllegalArgumentException("dimension " + i + " has range [" + low[i] + ", " + high[i]
                        + "], expected finite low <= high");
            }
        }
        long cells = Math.max(actionCount, 1);
        for (int i = 0; i < low.length; i++) {
            cells = Math.multiplyExact(cells, (long) bins);
            if (cells >= Long.MAX_VALUE / bins) {
                throw new IllegalArgumentException("a grid of " + bins + " bins over " + low.length
                        + " dimensions has more cells than a long numbers; use fewer bins");
            }
        }
        this.low = low.clone();
        this.high = high.clone();
        this.bins = bins;
        this.observationSize = observationSize;
        this.actionCount = actionCount;
    }

    /**
     * The grid of {@code bins} cells per dimension spanning every observation and continuous
     * action of {@code datasets}, which must agree on their sizes.
     */
    public static StateActionGrid fit(List<OfflineDataset> datasets, int bins) {
        DatasetInfo first = datasets.get(0).info();
        int obs = first.observationSize();
        int dims = obs + (first.discreteActions() ? 0 : first.actionSize());
        float[] low = new float[dims];
        float[] high = new float[dims];
        Arrays.fill(low, Float.POSITIVE_INFINITY);
        Arrays.fill(high, Float.NEGATIVE_INFINITY);
        for (OfflineDataset d : datasets) {
            DatasetInfo info = d.info();
            if (info.observationSize() != obs || info.actionSize() != first.actionSize()
                    || info.actionCount() != first.actionCount()) {
                throw new IllegalArgumentException("dataset " + info.datasetId() + " has other sizes than "
                        + first.datasetId() + "; a grid is fitted to datasets of one environment");
            }
            for (Episode e : d.episodes()) {
                span(e.observations(), obs, 0, low, high);
                if (!info.discreteActions()) {
                    span(e.actions(), info.actionSize(), obs, low, high);
                }
            }
        }
        return new StateActionGrid(low, high, obs, first.actionCount(), bins);
    }

    private static void span(float[] rows, int width, int offset, float[] low, float[] high) {
        for (int i = 0; i < rows.length; i++) {
            int d = offset + i % width;
            low[d] = Math.min(low[d], rows[i]);
            high[d] = Math.max(high[d], rows[i]);
        }
    }

    /**
     * The cell of observation {@code observations[obsOffset ..]} and action
     * {@code actions[actionOffset ..]}.
     *
     * @throws IllegalArgumentException if a value lies outside the grid's range (nothing is clipped)
     */
    public long cell(float[] observations, int obsOffset, float[] actions, int actionOffset) {
        long cell = actionCount > 0 ? (long) actions[actionOffset] : 0;
        for (int i = 0; i < low.length; i++) {
            float x = i < observationSize ? observations[obsOffset + i] : actions[actionOffset + i - observationSize];
            cell = cell * bins + bin(i, x);
        }
        return cell;
    }

    private int bin(int dim, float x) {
        if (!(x >= low[dim] && x <= high[dim])) {
            throw new IllegalArgumentException("value " + x + " of dimension " + dim + " lies outside the grid's range ["
                    + low[dim] + ", " + high[dim] + "]; fit the grid to every dataset it counts");
        }
        if (low[dim] == high[dim]) {
            return 0;
        }
        return Math.min(bins - 1, (int) ((x - low[dim]) / ((double) high[dim] - low[dim]) * bins));
    }
}

package io.github.jrl.core.dataset;

import java.util.HashSet;
import java.util.Set;

/**
 * The two dataset measures of Schweighofer et al. 2022, "A Dataset Perspective on Offline
 * Reinforcement Learning" (CoLLAs), section 3:
 *
 * <ul>
 * <li><b>trajectory quality</b> {@code TQ(D) = (g(D) - g_min) / (g_expert - g_min)}, with
 *     {@code g(D)} the mean undiscounted return of the trajectories in {@code D}: how exploitative
 *     the behaviour policy was, 0 for the minimal (random) policy, 1 for the expert. {@code g_min}
 *     and {@code g_expert} are the reference returns in {@link DatasetInfo}, so
 *     {@code TQ = normalizedScore(g(D)) / 100};</li>
 * <li><b>state-action coverage</b> {@code SACo(D) = u(D) / u(D_ref)}, with {@code u} the number
 *     of unique state-action pairs: how exploratory it was, relative to a reference dataset (the
 *     paper's is the replay dataset of the online run).</li>
 * </ul>
 *
 * <p>The paper counts exact unique pairs in deterministic MDPs with discrete states and actions.
 * Continuous states and actions are almost never equal, so here a pair is counted by the cell of a
 * {@link StateActionGrid} it falls into; discrete actions keep their index.
 */
public final class DatasetMetrics {

    private DatasetMetrics() {
    }

    /**
     * {@code TQ} of reward component 0 over the dataset's episodes.
     *
     * @throws IllegalStateException if the dataset has no usable reference returns
     */
    public static double trajectoryQuality(OfflineDataset dataset) {
        double[] returns = dataset.episodeReturns(0);
        double sum = 0;
        for (double r : returns) {
            sum += r;
        }
        return dataset.info().normalizedScore(sum / returns.length) / 100.0;
    }

    /** {@code u(D)}: the number of distinct grid cells the dataset's state-action pairs fall into. */
    public static int uniqueStateActionPairs(OfflineDataset dataset, StateActionGrid grid) {
        Set<Long> cells = new HashSet<>();
        for (Episode e : dataset.episodes()) {
            float[] observations = e.observations();
            float[] actions = e.actions();
            for (int t = 0; t < e.length(); t++) {
                cells.add(grid.cell(observations, t * e.observationSize(), actions, t * e.actionSize()));
            }
        }
        return cells.size();
    }

    /** {@code SACo(D) = u(D) / u(D_ref)} on one grid. */
    public static double stateActionCoverage(OfflineDataset dataset, OfflineDataset reference, StateActionGrid grid) {
        return (double) uniqueStateActionPairs(dataset, grid) / uniqueStateActionPairs(reference, grid);
    }
}

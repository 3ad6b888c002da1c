package io.github.jrl.algorithms.offline;

import io.github.jrl.core.dataset.Episode;
import io.github.jrl.core.dataset.OfflineDataset;
import io.github.jrl.core.parallel.WorkerTeam;
import io.github.jrl.core.space.Space;

/**
 * PRDC (Ran et al. 2023, "Policy Regularization with Dataset Constraint for Offline
 * Reinforcement Learning", eq. 6-8): TD3+BC whose regulariser pulls {@code pi(s)} toward the
 * action of the dataset point nearest to {@code (beta s, pi(s))} under the Euclidean metric on
 * {@code (beta s, a)}, instead of toward the batch's own action. The actor may thus take, in a
 * state, an action the dataset shows in a nearby state, which constrains it less than behaviour
 * cloning while keeping it on the data. States are TD3+BC's standardised ones; the search runs
 * over every transition of the dataset in an exact {@link KdTree}, as the reference queries
 * SciPy's {@code KDTree} and d3rlpy's {@code PRDCImpl} scikit-learn's {@code NearestNeighbors}
 * ({@code k = 1}). The regulariser is logged as {@code losses/dc_loss}.
 */
public final class Prdc {

    private Prdc() {
    }

    /**
     * A PRDC learner on {@code dataset}; builds the nearest-neighbour index over its transitions.
     *
     * @param actionSpace the dataset environment's action space, a bounded box
     */
    public static Td3Bc learner(PrdcConfig config, OfflineDataset dataset, Space<?> actionSpace) {
        return new Td3Bc(config.td3bc(), dataset, actionSpace,
                (data, normalizer) -> new NearestDatasetAction(data, normalizer, config.beta()),
                "Prdc[" + config + "]", WorkerTeam.PAIR_SIZE);
    }

    /** The dataset constraint: the action of the nearest {@code (beta s, a)} point. */
    static final class NearestDatasetAction implements Td3Bc.BehaviorTarget {

        private final KdTree tree;
        private final float[] points;
        private final int observationSize;
        private final int actionSize;
        private final float beta;
        private final float[] key;

        NearestDatasetAction(OfflineDataset dataset, StateNormalizer normalizer, double beta) {
            this.observationSize = dataset.info().observationSize();
            this.actionSize = dataset.info().actionSize();
            this.beta = (float) beta;
            int width = observationSize + actionSize;
            points = new float[dataset.transitionCount() * width];
            int row = 0;
            for (Episode episode : dataset.episodes()) {
                float[] states = episode.observations();
                normalizer.normalize(states, episode.length(), states);
                float[] actions = episode.actions();
                for (int t = 0; t < episode.length(); t++, row++) {
                    writeKey(states, t * observationSize, actions, t * actionSize, points, row * width);
                }
            }
            tree = new KdTree(points, dataset.transitionCount(), width);
            key = new float[width];
        }

        private void writeKey(float[] states, int stateOffset, float[] actions, int actionOffset, float[] out,
                int offset) {
            for (int k = 0; k < observationSize; k++) {
                out[offset + k] = beta * states[stateOffset + k];
            }
            System.arraycopy(actions, actionOffset, out, offset + observationSize, actionSize);
        }

        @Override
        public void targets(float[] states, float[] policyActions, float[] batchActions, int n, float[] out) {
            int width = observationSize + actionSize;
            for (int i = 0; i < n; i++) {
                writeKey(states, i * observationSize, policyActions, i * actionSize, key, 0);
                int nearest = tree.nearest(key, 0);
                System.arraycopy(points, nearest * width + observationSize, out, i * actionSize, actionSize);
            }
        }

        @Override
        public String metricName() {
            return "losses/dc_loss";
        }
    }
}

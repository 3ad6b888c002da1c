package io.github.jrl.algorithms.ppo;

import io.github.jrl.core.wrappers.EpisodeStatistics;
import java.util.List;
import java.util.Map;

/**
 * How {@link Ppo} turns the advantages of its critic, one per objective when rewards are vectors,
 * into the one advantage per row that the clipped surrogate takes. This is the seam through which
 * the multi-objective and constrained variants ({@code PreferenceConditionedPpo},
 * {@code ConstrainedPpo}) reuse PPO's collection, losses and update loop unchanged. PPO's own is
 * {@link #SCALAR}: one objective, its advantage taken as it is.
 *
 * <p>PPO normalises the combined advantages per minibatch afterwards when
 * {@code normalizeAdvantage} is on, as for a scalar reward.
 */
public interface AdvantageCombiner {

    /** Scalar rewards: the advantage is the critic's one advantage. */
    AdvantageCombiner SCALAR = new AdvantageCombiner() {
        @Override
        public int rewardDim() {
            return 1;
        }

        @Override
        public void combine(float[] advantages, float[] observations, int n, float[] out) {
            System.arraycopy(advantages, 0, out, 0, n);
        }

        @Override
        public String toString() {
            return "AdvantageCombiner.SCALAR";
        }
    };

    /** Rewards per step this combiner takes: the environment's {@code rewardDim}. */
    int rewardDim();

    /**
     * Writes {@code n} advantages into {@code out} from the {@code n x rewardDim()} per-objective
     * advantages of a minibatch (objective-minor) and the observations its rows were collected
     * on ({@code n x observationSize}, as the networks see them). May overwrite {@code advantages}.
     */
    void combine(float[] advantages, float[] observations, int n, float[] out);

    /**
     * Called after each rollout, before the update that uses it, with the episodes that ended
     * during the rollout (their undiscounted return vectors), in the order they ended.
     */
    default void afterRollout(List<EpisodeStatistics> episodes) {
    }

    /** Metrics to report with the update (e.g. Lagrange multipliers); none by default. */
    default Map<String, Double> metrics() {
        return Map.of();
    }
}

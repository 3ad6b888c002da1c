package io.github.jrl.algorithms.multiobjective;

import io.github.jrl.algorithms.ppo.AdvantageCombiner;
import io.github.jrl.core.wrappers.EpisodeStatistics;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Lagrangian relaxation of a {@link ConstraintConfig} as PPO advantages, PPO-Lagrangian's
 * form (Ray, Achiam and Amodei, "Benchmarking Safe Exploration in Deep Reinforcement Learning",
 * 2019, and their safety-starter-agents): for
 * {@code L(pi, lambda) = J_0(pi) + sum_i lambda_i (J_i(pi) - b_i)} the policy ascends
 * {@code (A_0 + sum_i lambda_i A_i) / (1 + sum_i lambda_i)} (the division keeps the advantage's
 * scale as the multipliers grow), and after each rollout every multiplier takes a projected
 * gradient step down {@code L}: {@code lambda_i <- max(0, lambda_i - lr * (J_i - b_i))}, with
 * {@code J_i} the mean undiscounted return of the episodes that ended in the rollout. A rollout
 * in which no episode ended leaves the multipliers as they were.
 */
public final class LagrangianAdvantages implements AdvantageCombiner {

    private final ConstraintConfig config;
    private final double[] multipliers;
    private final float[] weights;
    private double[] lastReturns;

    public LagrangianAdvantages(ConstraintConfig config) {
        this.config = config;
        this.multipliers = new double[config.objectives()];
        double[] thresholds = config.thresholds();
        for (int i = 0; i < multipliers.length; i++) {
            multipliers[i] = Double.isNaN(thresholds[i]) ? 0 : config.initialMultiplier();
        }
        this.weights = new float[multipliers.length];
        advantageWeights(config.objective(), multipliers, weights);
    }

    /**
     * {@code w_objective = 1 / (1 + sum lambda)} and {@code w_i = lambda_i / (1 + sum lambda)}:
     * the weights of the per-objective advantages, written into {@code out}.
     */
    public static void advantageWeights(int objective, double[] multipliers, float[] out) {
        double sum = 0;
        for (double lambda : multipliers) {
            sum += lambda;
        }
        for (int i = 0; i < multipliers.length; i++) {
            out[i] = (float) (multipliers[i] / (1 + sum));
        }
        out[objective] = (float) (1 / (1 + sum));
    }

    /**
     * One projected gradient step of the multipliers:
     * {@code lambda_i <- max(0, lambda_i - rate * (returns_i - thresholds_i))} where
     * {@code thresholds_i} is a number; unconstrained objectives (NaN) keep 0. In place.
     */
    public static void updateMultipliers(double[] multipliers, double[] returns, double[] thresholds, double rate) {
        for (int i = 0; i < multipliers.length; i++) {
            if (!Double.isNaN(thresholds[i])) {
                multipliers[i] = Math.max(0, multipliers[i] - rate * (returns[i] - thresholds[i]));
            }
        }
    }

    /** The current multipliers (0 at the maximised and the unconstrained objectives). */
    public double[] multipliers() {
        return multipliers.clone();
    }

    @Override
    public int rewardDim() {
        return multipliers.length;
    }

    @Override
    public void combine(float[] advantages, float[] observations, int n, float[] out) {
        config.normalization().combine(advantages, n, multipliers.length, weights, 0, 0, out);
    }

    @Override
    public void afterRollout(List<EpisodeStatistics> episodes) {
        if (episodes.isEmpty()) {
            return;
        }
        double[] mean = new double[multipliers.length];
        for (EpisodeStatistics episode : episodes) {
            double[] returns = episode.returns();
            for (int i = 0; i < mean.length; i++) {
                mean[i] += returns[i] / episodes.size();
            }
        }
        lastReturns = mean;
        updateMultipliers(multipliers, mean, config.thresholds(), config.multiplierLearningRate());
        advantageWeights(config.objective(), multipliers, weights);
    }

    /** {@code constraints/lambda_i} for every constrained objective, and the returns they were updated on. */
    @Override
    public Map<String, Double> metrics() {
        Map<String, Double> metrics = new LinkedHashMap<>();
        double[] thresholds = config.thresholds();
        for (int i = 0; i < multipliers.length; i++) {
            if (!Double.isNaN(thresholds[i])) {
                metrics.put("constraints/lambda_" + i, multipliers[i]);
            }
        }
        if (lastReturns != null) {
            for (int i = 0; i < lastReturns.length; i++) {
                metrics.put("constraints/return_" + i, lastReturns[i]);
            }
        }
        return metrics;
    }

    @Override
    public String toString() {
        return "LagrangianAdvantages[" + config + ", lambda " + Arrays.toString(multipliers) + "]";
    }
}

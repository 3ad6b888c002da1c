package io.github.jrl.core.multiobjective;

import java.util.Arrays;
import java.util.List;

/**
 * Quality measures of an approximated Pareto front besides {@link Hypervolume}: sparsity, expected
 * utility and inverted generational distance, as morl-baselines reports them
 * ({@code morl_baselines/common/performance_indicators.py}).
 */
public final class FrontMetrics {

    private FrontMetrics() {
    }

    /**
     * Sparsity as Xu et al. define it in "Prediction-Guided Multi-Objective Reinforcement Learning
     * for Continuous Robot Control" (ICML 2020, PGMORL): with {@code P_j(i)} the
     * {@code i}-th smallest value of objective {@code j} over the front,
     * {@code S(P) = 1/(|P| - 1) * sum_j sum_i (P_j(i) - P_j(i+1))^2}. Smaller is denser. A single
     * point has sparsity 0, as in both reference implementations. It is computed over the points
     * as given: PGMORL's code first drops dominated points, morl-baselines' does not; pass
     * {@link Dominance#nonDominated} of a set for the former.
     *
     * <p>Sparsity alone rewards a front of one point; report it beside the hypervolume.
     *
     * @throws IllegalArgumentException if the front is empty or its points differ in dimension
     */
    public static double sparsity(List<double[]> front) {
        int objectives = Points.dimension(front, "front");
        if (front.size() < 2) {
            return 0;
        }
        double sum = 0;
        double[] values = new double[front.size()];
        for (int j = 0; j < objectives; j++) {
            for (int i = 0; i < values.length; i++) {
                values[i] = front.get(i)[j];
            }
            Arrays.sort(values);
            for (int i = 1; i < values.length; i++) {
                double gap = values[i] - values[i - 1];
                sum += gap * gap;
            }
        }
        return sum / (front.size() - 1);
    }

    /**
     * Expected utility under linear scalarisation; see {@link #expectedUtility(List, List, Scalarization)}.
     */
    public static double expectedUtility(List<double[]> front, List<double[]> weights) {
        return expectedUtility(front, weights, Scalarization.linear());
    }

    /**
     * The expected utility metric (EUM) of Zintgraf, Kanters, Roijers, Oliehoek and Beau,
     * "Quality Assessment of MORL Algorithms: A Utility-Based Approach" (Benelearn 2015): the mean
     * over the weight vectors of the best utility any point of the front achieves,
     * {@code EU(P) = 1/|W| * sum_{w in W} max_{p in P} u(p, w)}. With equally spaced weights
     * ({@link WeightVectors#uniform}) it approximates the expectation over a uniform prior on
     * preferences.
     *
     * @throws IllegalArgumentException if the front or the weights are empty or differ in dimension
     */
    public static double expectedUtility(List<double[]> front, List<double[]> weights, Scalarization utility) {
        int objectives = Points.dimension(front, "front");
        if (weights.isEmpty()) {
            throw new IllegalArgumentException("expected utility needs at least one weight vector, got none");
        }
        Points.requireDimension(weights, objectives, "weight vector");
        double sum = 0;
        for (double[] w : weights) {
            double best = Double.NEGATIVE_INFINITY;
            for (double[] p : front) {
                best = Math.max(best, utility.utility(p, w));
            }
            sum += best;
        }
        return sum / weights.size();
    }

    /**
     * Inverted generational distance (Coello Coello and Reyes Sierra, "A Study of the
     * Parallelization of a Coevolutionary Multi-objective Evolutionary Algorithm", MICAI 2004; the
     * form of pymoo's {@code IGD} that morl-baselines calls): the mean, over the points {@code z}
     * of the known front {@code Z}, of the Euclidean distance to the nearest point of the
     * approximation {@code A}, {@code IGD(A, Z) = 1/|Z| * sum_{z in Z} min_{a in A} ||z - a||_2}.
     * 0 when {@code A} contains {@code Z}; smaller is better.
     *
     * @throws IllegalArgumentException if either front is empty or their dimensions differ
     */
    public static double invertedGenerationalDistance(List<double[]> front, List<double[]> knownFront) {
        int objectives = Points.dimension(knownFront, "known front");
        if (front.isEmpty()) {
            throw new IllegalArgumentException("the front is empty; inverted generational distance needs at least"
                    + " one point to measure the known front against");
        }
        Points.requireDimension(front, objectives, "front");
        double sum = 0;
        for (double[] z : knownFront) {
            double nearest = Double.POSITIVE_INFINITY;
            for (double[] a : front) {
                nearest = Math.min(nearest, distance(z, a));
            }
            sum += nearest;
        }
        return sum / knownFront.size();
    }

    private static double distance(double[] a, double[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            double d = a[i] - b[i];
            sum += d * d;
        }
        return Math.sqrt(sum);
    }
}

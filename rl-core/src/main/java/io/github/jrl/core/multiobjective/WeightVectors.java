package io.github.jrl.core.multiobjective;

import io.github.jrl.core.random.Rng;
import java.util.ArrayList;
import java.util.List;

/**
 * Weight vectors on the probability simplex {@code {w : w_i >= 0, sum_i w_i = 1}}: preferences
 * over objectives for scalarisations and for evaluating expected utility.
 */
public final class WeightVectors {

    /** Refuses grids larger than this, which would not fit in memory as a list anyway. */
    private static final long MAX_GRID_SIZE = 10_000_000;

    private WeightVectors() {
    }

    /**
     * The simplex lattice of Das and Dennis, "Normal-Boundary Intersection: A New Method for
     * Generating the Pareto Surface in Nonlinear Multicriteria Optimization Problems" (SIAM J.
     * Optim. 8(3), 1998): every vector whose components are multiples of {@code 1/divisions}
     * and sum to 1, {@code C(divisions + objectives - 1, objectives - 1)} of them, in
     * lexicographic order of their numerators (so the first is {@code [0, ..., 0, 1]}). Two
     * objectives and 10 divisions give {@code [0, 1], [0.1, 0.9], ..., [1, 0]}.
     *
     * @throws IllegalArgumentException if {@code objectives < 1}, {@code divisions < 1}, or the grid
     *     would hold more than ten million vectors
     */
    public static List<double[]> uniform(int objectives, int divisions) {
        if (objectives < 1) {
            throw new IllegalArgumentException("weight vectors need at least one objective, got " + objectives);
        }
        if (divisions < 1) {
            throw new IllegalArgumentException("a Das-Dennis grid needs at least one division, got " + divisions);
        }
        long size = gridSize(objectives, divisions);
        if (size > MAX_GRID_SIZE) {
            throw new IllegalArgumentException("a Das-Dennis grid of " + objectives + " objectives and " + divisions
                    + " divisions has " + (size == Long.MAX_VALUE ? "more than 2^63" : size) + " vectors; at most "
                    + MAX_GRID_SIZE + " are allowed");
        }
        List<double[]> grid = new ArrayList<>((int) size);
        addCompositions(new int[objectives], 0, divisions, divisions, grid);
        return grid;
    }

    /** Fills positions {@code index..} of {@code numerators} with every split of {@code remaining}. */
    private static void addCompositions(int[] numerators, int index, int remaining, int divisions,
            List<double[]> out) {
        if (index == numerators.length - 1) {
            numerators[index] = remaining;
            double[] w = new double[numerators.length];
            for (int i = 0; i < w.length; i++) {
                w[i] = (double) numerators[i] / divisions;
            }
            out.add(w);
            return;
        }
        for (int k = 0; k <= remaining; k++) {
            numerators[index] = k;
            addCompositions(numerators, index + 1, remaining - k, divisions, out);
        }
    }

    /** {@code C(divisions + objectives - 1, objectives - 1)}, or {@code Long.MAX_VALUE} on overflow. */
    static long gridSize(int objectives, int divisions) {
        long size = 1;
        try {
            for (int i = 1; i < objectives; i++) {
                // Exact division: the product is i * C(divisions + i, i).
                size = Math.multiplyExact(size, (long) divisions + i) / i;
            }
        } catch (ArithmeticException overflow) {
            return Long.MAX_VALUE;
        }
        return size;
    }

    /**
     * A weight vector drawn uniformly from the simplex: the flat Dirichlet distribution
     * {@code Dir(1, ..., 1)}, drawn as independent unit exponentials divided by their sum (the
     * distribution of morl-baselines' {@code random_weights(dim, dist="dirichlet")}).
     */
    public static double[] random(int objectives, Rng rng) {
        if (objectives < 1) {
            throw new IllegalArgumentException("weight vectors need at least one objective, got " + objectives);
        }
        double[] w = new double[objectives];
        double sum;
        do {
            sum = 0;
            for (int i = 0; i < objectives; i++) {
                w[i] = rng.nextExponential();
                sum += w[i];
            }
            // All draws 0 has probability 2^(-53 * objectives); drawing again keeps the result on the simplex.
        } while (sum == 0);
        for (int i = 0; i < objectives; i++) {
            w[i] /= sum;
        }
        return w;
    }

    /** {@code count} independent draws of {@link #random(int, Rng)}. */
    public static List<double[]> random(int objectives, int count, Rng rng) {
        if (count < 0) {
            throw new IllegalArgumentException("count must be >= 0, got " + count);
        }
        List<double[]> weights = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            weights.add(random(objectives, rng));
        }
        return weights;
    }
}

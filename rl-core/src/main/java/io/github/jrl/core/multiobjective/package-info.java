/**
 * Multi-objective utilities: Pareto dominance and non-dominated filtering, a Pareto archive that
 * keeps a payload (e.g. the policy) behind each point, hypervolume, sparsity, expected utility,
 * inverted generational distance, weight vectors and scalarisations.
 *
 * <p>Every objective is maximised, as in MO-Gymnasium and morl-baselines: a vector {@code a}
 * dominates {@code b} when it is at least as large in every component and larger in one. Points
 * and weight vectors are {@code double[]}; a front is a {@code List<double[]>}. Bad input
 * (mismatched dimensions, non-finite values, empty fronts where a metric is undefined, a
 * reference point that a point does not dominate) raises an {@link IllegalArgumentException}
 * naming what was wrong and what was expected.
 */
package io.github.jrl.core.multiobjective;

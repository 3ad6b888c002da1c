package io.github.jrl.algorithms.preference;

import java.util.Arrays;
import java.util.List;

/**
 * Several reward models of the same rewards, aggregated per component as in Coste et al. 2024,
 * "Reward Model Ensembles Help Mitigate Overoptimization": the mean, the worst case (WCO:
 * {@code min_i R_i}), or uncertainty-weighted (UWO: {@code mean_i R_i - lambda Var_i R_i}, the
 * population variance across members). Where members disagree, as they do off the data they were
 * trained on, the pessimistic aggregations lower the reward an optimiser can exploit.
 *
 * <p>A Bradley–Terry model is only defined up to a shift (and, across members, its scale differs),
 * so the members' disagreement means something only once each member's rewards are standardised
 * on common inputs, as Coste et al. do before aggregating: {@link #standardizedOn}.
 *
 * @param <I> what is scored
 */
public final class RewardEnsemble<I> implements BatchRewardModel<I> {

    /** How member rewards are combined. */
    public enum Aggregation {
        MEAN, WORST_CASE, UNCERTAINTY_WEIGHTED
    }

    private final List<BatchRewardModel<I>> members;
    private final Aggregation aggregation;
    private final double uncertaintyWeight;
    private final double[][] means;  // [member][component], subtracted before aggregating
    private final double[][] stds;   // [member][component], divided by

    /**
     * @param uncertaintyWeight {@code lambda} of UNCERTAINTY_WEIGHTED (ignored otherwise)
     * @throws IllegalArgumentException with fewer than two members, members whose reward names
     *     differ, or a negative or non-finite {@code lambda}
     */
    public RewardEnsemble(List<? extends BatchRewardModel<I>> members, Aggregation aggregation, double uncertaintyWeight) {
        if (members.size() < 2) {
            throw new IllegalArgumentException("an ensemble needs at least 2 members, got " + members.size());
        }
        for (BatchRewardModel<I> m : members) {
            if (!m.rewardNames().equals(members.get(0).rewardNames())) {
                throw new IllegalArgumentException("ensemble members must score the same rewards, got "
                        + members.get(0).rewardNames() + " and " + m.rewardNames());
            }
        }
        if (!(uncertaintyWeight >= 0) || Double.isInfinite(uncertaintyWeight)) {
            throw new IllegalArgumentException("the uncertainty weight must be finite and >= 0, got " + uncertaintyWeight);
        }
        this.members = List.copyOf(members);
        this.aggregation = aggregation;
        this.uncertaintyWeight = uncertaintyWeight;
        this.means = new double[members.size()][members.get(0).rewardDim()];
        this.stds = new double[members.size()][members.get(0).rewardDim()];
        for (double[] s : stds) {
            Arrays.fill(s, 1);
        }
    }

    /**
     * The same ensemble with each member's rewards standardised to zero mean and unit (population)
     * standard deviation over {@code reference}, per component.
     *
     * @throws IllegalArgumentException with fewer than 2 reference inputs, or if a member gives
     *     them all the same reward
     */
    public RewardEnsemble<I> standardizedOn(List<I> reference) {
        if (reference.size() < 2) {
            throw new IllegalArgumentException("standardising needs at least 2 reference inputs, got " + reference.size());
        }
        RewardEnsemble<I> standardized = new RewardEnsemble<>(members, aggregation, uncertaintyWeight);
        for (int m = 0; m < members.size(); m++) {
            double[][] scores = members.get(m).scoreAll(reference);
            for (int r = 0; r < rewardDim(); r++) {
                double mean = 0;
                for (double[] score : scores) {
                    mean += score[r];
                }
                mean /= scores.length;
                double variance = 0;
                for (double[] score : scores) {
                    variance += (score[r] - mean) * (score[r] - mean);
                }
                double std = Math.sqrt(variance / scores.length);
                if (!(std > 0)) {
                    throw new IllegalArgumentException("member " + m + " gives every reference input the same reward "
                            + rewardNames().get(r) + "; it cannot be standardised");
                }
                standardized.means[m][r] = mean;
                standardized.stds[m][r] = std;
            }
        }
        return standardized;
    }

    @Override
    public List<String> rewardNames() {
        return members.get(0).rewardNames();
    }

    @Override
    public double[] score(I input) {
        return scoreAll(List.of(input))[0];
    }

    @Override
    public double[][] scoreAll(List<I> inputs) {
        double[][][] byMember = new double[members.size()][][];
        for (int m = 0; m < byMember.length; m++) {
            byMember[m] = members.get(m).scoreAll(inputs);
        }
        double[][] scores = new double[inputs.size()][rewardDim()];
        double[] values = new double[members.size()];
        for (int i = 0; i < scores.length; i++) {
            for (int r = 0; r < scores[i].length; r++) {
                for (int m = 0; m < values.length; m++) {
                    values[m] = (byMember[m][i][r] - means[m][r]) / stds[m][r];
                }
                scores[i][r] = aggregate(aggregation, uncertaintyWeight, values);
            }
        }
        return scores;
    }

    /** One component's aggregate of the member rewards {@code values}. */
    public static double aggregate(Aggregation aggregation, double uncertaintyWeight, double[] values) {
        double mean = 0;
        double min = Double.POSITIVE_INFINITY;
        for (double v : values) {
            mean += v;
            min = Math.min(min, v);
        }
        mean /= values.length;
        return switch (aggregation) {
            case MEAN -> mean;
            case WORST_CASE -> min;
            case UNCERTAINTY_WEIGHTED -> {
                double variance = 0;
                for (double v : values) {
                    variance += (v - mean) * (v - mean);
                }
                yield mean - uncertaintyWeight * variance / values.length;
            }
        };
    }
}

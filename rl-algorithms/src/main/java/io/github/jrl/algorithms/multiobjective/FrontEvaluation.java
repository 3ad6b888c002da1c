package io.github.jrl.algorithms.multiobjective;

import io.github.jrl.core.env.Environment;
import io.github.jrl.core.env.Step;
import io.github.jrl.core.policy.Policy;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Evaluates policies into return vectors: each policy acts deterministically (the mode of its
 * distribution) for a number of episodes, and its point is the mean undiscounted return vector,
 * as morl-baselines' {@code policy_evaluation_mo} reports it. {@link FrontReport#of} turns the
 * points into a front with its metrics.
 */
public final class FrontEvaluation {

    private FrontEvaluation() {
    }

    /**
     * The mean undiscounted return vector of {@code episodes} deterministic episodes of
     * {@code policy} on {@code env}: the first reset takes {@code seed}, later ones continue the
     * environment's generator.
     *
     * @throws IllegalArgumentException if {@code episodes < 1}
     */
    public static <O, A> double[] meanReturn(Policy<O, A> policy, Environment<O, A> env, int episodes, long seed) {
        if (episodes < 1) {
            throw new IllegalArgumentException("episodes must be >= 1, got " + episodes);
        }
        double[] sum = new double[env.rewardDim()];
        double[] rewards = new double[env.rewardDim()];
        for (int episode = 0; episode < episodes; episode++) {
            O observation = episode == 0 ? env.reset(seed).observation() : env.reset().observation();
            while (true) {
                Step<O> step = env.step(policy.actDeterministic(observation));
                step.copyRewards(rewards, 0);
                for (int j = 0; j < rewards.length; j++) {
                    sum[j] += rewards[j];
                }
                if (step.done()) {
                    break;
                }
                observation = step.observation();
            }
        }
        for (int j = 0; j < sum.length; j++) {
            sum[j] /= episodes;
        }
        return sum;
    }

    /**
     * The point of every policy, in their order ({@link #meanReturn} on a fresh environment from
     * {@code envFactory}, all with the same seed).
     */
    public static <O, A> List<double[]> evaluate(List<? extends Policy<O, A>> policies,
            Supplier<? extends Environment<O, A>> envFactory, int episodes, long seed) {
        List<double[]> points = new ArrayList<>(policies.size());
        for (Policy<O, A> policy : policies) {
            try (Environment<O, A> env = envFactory.get()) {
                points.add(meanReturn(policy, env, episodes, seed));
            }
        }
        return points;
    }
}

package io.github.jrl.algorithms.multiobjective;

import io.github.jrl.algorithms.ppo.Ppo;
import io.github.jrl.algorithms.ppo.PpoConfig;
import io.github.jrl.core.env.Environment;
import io.github.jrl.core.train.Callback;
import io.github.jrl.nd4j.policy.ActorCriticPolicy;
import java.util.List;
import java.util.function.Supplier;

/**
 * PPO under constraints on the other objectives of a vector reward: maximise one objective's
 * return subject to the others' returns staying above thresholds ({@link ConstraintConfig}),
 * solved by PPO-Lagrangian (Ray, Achiam and Amodei, "Benchmarking Safe Exploration in Deep
 * Reinforcement Learning", 2019): a vector-valued critic gives per-objective GAE advantages,
 * {@link LagrangianAdvantages} mixes them with the current multipliers and updates the multipliers
 * from each rollout's episode returns. Everything else is {@link Ppo}. Usable on its own for
 * cost-constrained problems (a cost is a negated reward with threshold minus the limit), and as
 * C-MORL's constrained stage.
 *
 * <p><b>Why a Lagrangian and not a barrier.</b> C-MORL (Liu et al., "Multi-Objective
 * Reinforcement Learning through Efficient Discovery of Pareto Front", ICLR 2025) solves its
 * stage-2 problem with the log barrier of IPO (Liu, Ding and Liu, "IPO: Interior-point Policy
 * Optimization under Constraints", AAAI 2020), adding {@code log(J_i - b_i) / t} to the
 * objective. A barrier is only defined where every constraint already holds: it needs a feasible
 * start and a constraint estimate that never crosses the boundary, and its gradient grows without
 * bound near it, so a noisy return estimate can make a step arbitrarily large. The Lagrangian
 * takes any start (an infeasible policy is pushed back as its multiplier grows), its advantage
 * stays on PPO's scale (a convex combination of the per-objective advantages), and it is the
 * baseline of safe-RL benchmarks; its cost is oscillation around the boundary while the
 * multipliers settle, which C-MORL's use tolerates because every policy met along the way is
 * evaluated into the front.
 */
public final class ConstrainedPpo {

    private final Ppo ppo;
    private final LagrangianAdvantages lagrangian;

    /**
     * @param envFactory makes one copy of an environment with {@code float[]} observations and
     *     the config's number of objectives
     * @throws IllegalArgumentException if the environment's {@code rewardDim} differs from the
     *         constraints' objectives, or the PPO config normalises rewards
     */
    public ConstrainedPpo(PpoConfig config, ConstraintConfig constraints,
            Supplier<? extends Environment<float[], ?>> envFactory) {
        this.lagrangian = new LagrangianAdvantages(constraints);
        this.ppo = new Ppo(config, envFactory, lagrangian);
    }

    /** Continues from the networks of {@code policy} (a policy of a run with the same layout). */
    public ConstrainedPpo startingFrom(ActorCriticPolicy policy) {
        ppo.loadParameters(policy);
        return this;
    }

    public void learn(long totalSteps, List<Callback> callbacks) {
        ppo.learn(totalSteps, callbacks);
    }

    public void learn(long totalSteps, Callback... callbacks) {
        ppo.learn(totalSteps, callbacks);
    }

    /** The current Lagrange multipliers, one per objective (0 where unconstrained). */
    public double[] multipliers() {
        return lagrangian.multipliers();
    }

    /** The PPO run underneath. */
    public Ppo ppo() {
        return ppo;
    }

    /** A deployable copy of the current policy. */
    public ActorCriticPolicy policy() {
        return ppo.policy();
    }
}

package io.github.jrl.algorithms.multiobjective;

import io.github.jrl.algorithms.ppo.Ppo;
import io.github.jrl.algorithms.ppo.PpoConfig;
import io.github.jrl.core.env.Environment;
import io.github.jrl.core.multiobjective.WeightVectors;
import io.github.jrl.core.train.Callback;
import io.github.jrl.nd4j.policy.ActorCriticPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Preference-conditioned PPO: one policy and one critic that take the preference (weight) vector
 * {@code w} as an extra input, trained on episodes whose preference is drawn anew from the flat
 * Dirichlet distribution at every reset ({@link PreferenceObservation}), so that after training
 * {@link #policy(double[])} acts for any preference (the conditioned-network approach of Abels et
 * al., "Dynamic Weights in Multi-Objective Deep Reinforcement Learning", ICML 2019, and Yang et al.,
 * "A Generalized Algorithm for Multi-Objective Reinforcement Learning and Policy Adaptation",
 * NeurIPS 2019, with PPO as the learner).
 *
 * <p>The critic is vector-valued: one value head per objective, each with its own GAE; the policy's
 * advantage is {@code sum_j w_j A_j} under the row's preference, normalised as PPO normalises a
 * scalar advantage ({@link AdvantageNormalization#SCALARISED}) or per objective first
 * ({@link AdvantageNormalization#PER_OBJECTIVE}, the GDPO idea). Everything else is {@link Ppo}'s
 * own loop, losses and networks, through its {@link io.github.jrl.algorithms.ppo.AdvantageCombiner}
 * seam.
 *
 * <p>Linear utilities: a preference-conditioned policy trained on {@code w . r} can only reach the
 * points of the convex hull of the front (deep-sea-treasure's concave points are out of its reach;
 * C-MORL's constrained stage is what reaches them).
 */
public final class PreferenceConditionedPpo {

    private final Ppo ppo;
    private final int objectives;

    /**
     * @param envFactory makes one copy of a vector-reward environment with {@code float[]}
     *     observations (wrap integer grids with {@code OneHotComponents})
     * @throws IllegalArgumentException if the config normalises observations (the weights in the
     *         observation must reach the advantages unchanged) or rewards, or the env's reward is
     *         scalar
     */
    public PreferenceConditionedPpo(PpoConfig config, AdvantageNormalization normalization,
            Supplier<? extends Environment<float[], ?>> envFactory) {
        if (config.normalizeObservations()) {
            throw new IllegalArgumentException("preference-conditioned PPO reads the weights from the observations;"
                    + " turn normalizeObservations off (scale observations with a wrapper instead)");
        }
        Environment<float[], ?> probe = envFactory.get();
        objectives = probe.rewardDim();
        if (objectives < 2) {
            throw new IllegalArgumentException(probe.id() + " has a scalar reward; preference conditioning needs"
                    + " rewardDim >= 2");
        }
        int observationSize = probe.observationSpace().flatSize() + objectives;
        probe.close();
        ppo = new Ppo(config, () -> PreferenceObservation.sampled(envFactory.get()),
                new PreferenceAdvantages(objectives, observationSize, normalization));
    }

    /** Trains for {@code totalSteps} environment steps in all, as {@link Ppo#learn(long, List)}. */
    public void learn(long totalSteps, List<Callback> callbacks) {
        ppo.learn(totalSteps, callbacks);
    }

    public void learn(long totalSteps, Callback... callbacks) {
        ppo.learn(totalSteps, callbacks);
    }

    /** The PPO run underneath (metrics, steps, the conditioned network). */
    public Ppo ppo() {
        return ppo;
    }

    public int objectives() {
        return objectives;
    }

    /** The trained policy with its preference fixed to {@code weights}. */
    public PreferencePolicy policy(double[] weights) {
        return new PreferencePolicy(ppo.policy(), weights);
    }

    /**
     * One policy per Das-Dennis weight vector ({@link WeightVectors#uniform(int, int)} with
     * {@code divisions}), sharing one snapshot of the network: what {@link FrontEvaluation}
     * turns into a front.
     */
    public List<PreferencePolicy> policies(int divisions) {
        ActorCriticPolicy network = ppo.policy();
        List<PreferencePolicy> policies = new ArrayList<>();
        for (double[] w : WeightVectors.uniform(objectives, divisions)) {
            policies.add(new PreferencePolicy(network, w));
        }
        return policies;
    }
}

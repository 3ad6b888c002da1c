package io.github.jrl.algorithms.sac;

import io.github.jrl.core.buffer.ReplayBuffer;
import io.github.jrl.core.random.Rng;
import io.github.jrl.core.space.Space;
import io.github.jrl.nd4j.nn.MlpSpec;

/**
 * Discrete SAC's gradient step (Christodoulou 2019, "Soft Actor-Critic for Discrete Action
 * Settings"), in the order of CleanRL's {@code sac_atari.py}: the actor outputs logits, each
 * critic outputs {@code Q(s, .)} for all actions, and the expectations over the actions are
 * computed exactly instead of sampled. Soft targets from the target critics at {@code s'}, one
 * Adam step of both critics on the taken actions' values, then one Adam step of the actor
 * against the critics as just updated (values only: no gradient flows through them).
 */
final class DiscreteSacLearner extends SacLearner {

    /** CleanRL {@code sac_atari.py}'s {@code target_entropy_scale}: the target is 0.89 of the maximum entropy. */
    static final double TARGET_ENTROPY_SCALE = 0.89;

    private final int numActions;
    private int[] actions = new int[0];
    private float[] targets;
    private float[] dQ1;
    private float[] dQ2;
    private float[] dLogits;
    private int batch = -1;

    DiscreteSacLearner(int observationSize, int numActions, SacConfig config, Space<?> actionSpace, int criticThreads,
            Rng rng) {
        super(new MlpSpec(observationSize, config.hiddenLayers(), numActions, config.activation(), 1, 1),
                new MlpSpec(observationSize, config.hiddenLayers(), numActions, config.activation(), 1, 1),
                actionSpace, config, criticThreads, rng);
        this.numActions = numActions;
    }

    /** CleanRL's {@code sac_atari.py}: {@code 0.89 * log(n)}, 0.89 of the uniform policy's entropy. */
    @Override
    protected double defaultTargetEntropy() {
        return TARGET_ENTROPY_SCALE * Math.log(numActions);
    }

    @Override
    int actionSize() {
        return 1;
    }

    /** Targets at s' (2), the regression (2), and again for the actor's loss (2). */
    @Override
    int criticForwardPasses() {
        return 6;
    }

    private void ensureBatch(int n) {
        if (n == batch) {
            return;
        }
        actions = new int[n];
        targets = new float[n];
        dQ1 = new float[n * numActions];
        dQ2 = new float[n * numActions];
        dLogits = new float[n * numActions];
        batch = n;
    }

    /** The expected soft value of s' under the policy, from the target critics. */
    @Override
    protected float[] softTargets(ReplayBuffer.Batch b, double alpha, Rng noise) {
        int n = b.size();
        ensureBatch(n);
        float[] nextLogits = actor.forward(b.nextObservations(), n);
        bothCritics(() -> q1Target.forward(b.nextObservations(), n), () -> q2Target.forward(b.nextObservations(), n));
        SacLoss.discreteSoftTargets(b.rewards(), b.terminated(), nextLogits, q1Target.output(), q2Target.output(), n,
                numActions, alpha, gamma, targets);
        return targets;
    }

    /** The regression of the taken actions' values (the buffer stores a discrete action as its index). */
    @Override
    protected SacLoss.CriticTerm criticGradient(float[] observations, float[] storedActions, float[] regressionTargets,
            int n) {
        ensureBatch(n);
        for (int i = 0; i < n; i++) {
            actions[i] = (int) storedActions[i];
        }
        return fitCritics(observations, n, numActions, actions, regressionTargets, dQ1, dQ2);
    }

    /** The discrete actor loss against the critics' current values; it needs no noise. */
    @Override
    protected SacLoss.ActorTerm actorGradient(float[] observations, int n, double alpha, Rng noise) {
        ensureBatch(n);
        bothCritics(() -> q1.forward(observations, n), () -> q2.forward(observations, n));
        float[] logits = actor.forward(observations, n);
        SacLoss.ActorTerm actorTerm = SacLoss.discreteActorLoss(logits, q1.output(), q2.output(), n, numActions, alpha,
                dLogits);
        actor.backward(dLogits, false);
        return actorTerm;
    }
}

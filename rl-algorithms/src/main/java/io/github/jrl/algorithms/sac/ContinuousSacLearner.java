package io.github.jrl.algorithms.sac;

import io.github.jrl.core.buffer.ReplayBuffer;
import io.github.jrl.core.random.Rng;
import io.github.jrl.core.space.Space;
import io.github.jrl.nd4j.dist.TanhGaussian;
import io.github.jrl.nd4j.nn.MlpSpec;

/**
 * Continuous SAC's gradient step, in the order of Stable-Baselines3's {@code SAC.train}: soft
 * targets from the target critics at {@code a' ~ pi(.|s')}, one Adam step of both critics on
 * {@code 0.5 (mse1 + mse2)}, then one Adam step of the actor on
 * {@code mean(alpha log pi(a|s) - min(Q1, Q2)(s, a))} with {@code a} reparameterised from the
 * pre-update actor and the critics as just updated. The actor's gradient reaches it through the
 * critics' input gradients w.r.t. {@code a} and the squashing ({@link TanhGaussian#backward}).
 * The actor outputs a mean and a raw log-std per action dimension; critics take
 * {@code [s, a]} with {@code a} in (-1, 1), the squashed space the buffer stores.
 */
public non-sealed class ContinuousSacLearner extends SacLearner {

    private final int observationSize;
    private final int actionDims;
    private final int criticWidth;
    private float[] criticInput = new float[0];
    private float[] nextActions;
    private float[] nextNoise;
    private float[] nextLogProbs;
    private float[] targets;
    private float[] dQ1;
    private float[] dQ2;
    private float[] piActions;
    private float[] piNoise;
    private float[] piLogProbs;
    private float[] dLogProbs;
    private float[] dActions;
    private float[] dActorOutputs;
    private int batch = -1;

    protected ContinuousSacLearner(int observationSize, int actionDims, SacConfig config, Space<?> actionSpace,
            int criticThreads, Rng rng) {
        super(new MlpSpec(observationSize, config.hiddenLayers(), 2 * actionDims, config.activation(), 1, 1),
                new MlpSpec(observationSize + actionDims, config.hiddenLayers(), 1, config.activation(), 1, 1),
                actionSpace, config, criticThreads, rng);
        this.observationSize = observationSize;
        this.actionDims = actionDims;
        this.criticWidth = observationSize + actionDims;
    }

    /** SB3's "auto": {@code -dim(A)}. */
    @Override
    protected double defaultTargetEntropy() {
        return -actionDims;
    }

    @Override
    int actionSize() {
        return actionDims;
    }

    /** Targets at s' (2), the regression (2), at the policy's actions (2) and back to their input (2). */
    @Override
    int criticForwardPasses() {
        return 8;
    }

    private void ensureBatch(int n) {
        if (n == batch) {
            return;
        }
        criticInput = new float[n * criticWidth];
        nextActions = new float[n * actionDims];
        nextNoise = new float[n * actionDims];
        nextLogProbs = new float[n];
        targets = new float[n];
        dQ1 = new float[n];
        dQ2 = new float[n];
        piActions = new float[n * actionDims];
        piNoise = new float[n * actionDims];
        piLogProbs = new float[n];
        dLogProbs = new float[n];
        dActions = new float[n * actionDims];
        dActorOutputs = new float[n * 2 * actionDims];
        batch = n;
    }

    /** {@code a' ~ pi(.|s')} with fresh noise, then the clipped double-Q soft targets. */
    @Override
    protected float[] softTargets(ReplayBuffer.Batch b, double alpha, Rng noise) {
        int n = b.size();
        ensureBatch(n);
        float[] nextOutputs = actor.forward(b.nextObservations(), n);
        for (int i = 0; i < n; i++) {
            nextLogProbs[i] = (float) TanhGaussian.sample(nextOutputs, i, actionDims, noise, nextNoise, nextActions);
        }
        fillCriticInput(b.nextObservations(), nextActions, n);
        bothCritics(() -> q1Target.forward(criticInput, n), () -> q2Target.forward(criticInput, n));
        SacLoss.softTargets(b.rewards(), b.terminated(), q1Target.output(), q2Target.output(), nextLogProbs, n, alpha,
                gamma, targets);
        return targets;
    }

    /** Draws the reparameterisation noise, then {@link #actorGradient(float[], float[], int, double)}. */
    @Override
    protected SacLoss.ActorTerm actorGradient(float[] observations, int n, double alpha, Rng noise) {
        ensureBatch(n);
        for (int j = 0; j < n * actionDims; j++) {
            piNoise[j] = (float) noise.nextGaussian();
        }
        return actorGradient(observations, piNoise, n, alpha);
    }

    @Override
    protected SacLoss.CriticTerm criticGradient(float[] observations, float[] actions, float[] regressionTargets,
            int n) {
        ensureBatch(n);
        fillCriticInput(observations, actions, n);
        return fitCritics(criticInput, n, 1, null, regressionTargets, dQ1, dQ2);
    }

    /**
     * Writes the actor's parameter gradients of {@code mean(alpha log pi(a|s) - min(Q1, Q2)(s, a))}
     * for the actions reparameterised by the standard-normal {@code actionNoise}
     * ({@code n x dims}): through the critics' input gradients w.r.t. {@code a}, the squashing
     * and the log-probability.
     */
    SacLoss.ActorTerm actorGradient(float[] observations, float[] actionNoise, int n, double alpha) {
        ensureBatch(n);
        float[] outputs = actor.forward(observations, n);
        for (int i = 0; i < n; i++) {
            piLogProbs[i] = (float) TanhGaussian.squash(outputs, i, actionDims, actionNoise, piActions);
        }
        fillCriticInput(observations, piActions, n);
        bothCritics(() -> q1.forward(criticInput, n), () -> q2.forward(criticInput, n));
        SacLoss.ActorTerm actorTerm = SacLoss.actorLoss(piLogProbs, q1.output(), q2.output(), n, alpha, dQ1, dQ2,
                dLogProbs);
        bothCritics(() -> q1.backwardToInput(dQ1), () -> q2.backwardToInput(dQ2));
        float[] dInput1 = q1.inputGradient();
        float[] dInput2 = q2.inputGradient();
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < actionDims; k++) {
                int input = i * criticWidth + observationSize + k;
                dActions[i * actionDims + k] = dInput1[input] + dInput2[input];
            }
        }
        TanhGaussian.backward(outputs, actionNoise, piActions, n, actionDims, dActions, dLogProbs, dActorOutputs);
        actor.backward(dActorOutputs, false);
        return actorTerm;
    }

    private void fillCriticInput(float[] observations, float[] actions, int n) {
        for (int i = 0; i < n; i++) {
            System.arraycopy(observations, i * observationSize, criticInput, i * criticWidth, observationSize);
            System.arraycopy(actions, i * actionDims, criticInput, i * criticWidth + observationSize, actionDims);
        }
    }
}

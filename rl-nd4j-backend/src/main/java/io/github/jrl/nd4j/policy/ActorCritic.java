package io.github.jrl.nd4j.policy;

import io.github.jrl.core.random.Rng;
import io.github.jrl.core.space.Space;
import io.github.jrl.nd4j.Buffers;
import io.github.jrl.nd4j.nn.Activation;
import io.github.jrl.nd4j.nn.Mlp;
import io.github.jrl.nd4j.nn.MlpSpec;
import io.github.jrl.nd4j.nn.ParameterSet;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The trainable side of an actor-critic: separate actor and critic MLPs (Stable-Baselines3's
 * default {@code MlpPolicy}: no shared layers) and the action head's own parameters, all in one
 * {@link ParameterSet} so that one optimiser step updates everything. Orthogonal initialisation
 * with gains sqrt(2) (hidden), 0.01 (policy output) and 1 (value output), as SB3's
 * {@code ortho_init} and CleanRL's {@code layer_init}. The critic has one output, or one per
 * objective for multi-objective training (a vector-valued critic).
 */
public final class ActorCritic {

    /** Gains of "The 37 Implementation Details of PPO" (Huang et al. 2022), detail 2. */
    public static final double HIDDEN_GAIN = Math.sqrt(2);
    public static final double POLICY_GAIN = 0.01;
    public static final double VALUE_GAIN = 1.0;

    private final ParameterSet parameters = new ParameterSet();
    private final Mlp actor;
    private final Mlp critic;
    private final ActionHead head;
    private final Space<?> actionSpace;
    private final long headOffset;
    private final float[] headParams;
    private final float[] headGrads;
    private INDArray headParamView;
    private INDArray headGradView;

    public ActorCritic(int observationSize, Space<?> actionSpace, int[] hiddenSizes, Activation activation,
            double logStdInit, Rng rng) {
        this(observationSize, actionSpace, hiddenSizes, activation, logStdInit, 1, rng);
    }

    /** @param valueSize the critic's outputs: 1, or the number of objectives */
    public ActorCritic(int observationSize, Space<?> actionSpace, int[] hiddenSizes, Activation activation,
            double logStdInit, int valueSize, Rng rng) {
        if (valueSize < 1) {
            throw new IllegalArgumentException("the critic needs at least one output, got valueSize " + valueSize);
        }
        this.actionSpace = actionSpace;
        this.head = ActionHead.of(actionSpace, logStdInit);
        this.actor = new Mlp(new MlpSpec(observationSize, hiddenSizes, head.outputSize(), activation, HIDDEN_GAIN,
                POLICY_GAIN), parameters);
        this.critic = new Mlp(new MlpSpec(observationSize, hiddenSizes, valueSize, activation, HIDDEN_GAIN, VALUE_GAIN),
                parameters);
        this.headOffset = head.parameterCount() > 0 ? parameters.reserve(head.parameterCount()) : -1;
        this.headParams = new float[head.parameterCount()];
        this.headGrads = new float[head.parameterCount()];
        parameters.allocate();
        actor.initialize(rng);
        critic.initialize(rng);
        if (head.parameterCount() > 0) {
            headParamView = parameters.params().get(NDArrayIndex.interval(headOffset, headOffset + headParams.length));
            headGradView = parameters.gradients().get(NDArrayIndex.interval(headOffset, headOffset + headParams.length));
            java.util.Arrays.fill(headParams, (float) ((GaussianHead) head).logStdInit());
            Buffers.copyIn(headParams, 0, headParams.length, headParamView);
        }
    }

    public ParameterSet parameters() {
        return parameters;
    }

    public ActionHead head() {
        return head;
    }

    public Space<?> actionSpace() {
        return actionSpace;
    }

    /** Actor outputs for {@code n} observations (buffer owned by the actor). */
    public float[] actorForward(float[] observations, int n) {
        return actor.forward(observations, n);
    }

    /** Value estimates for {@code n} observations, {@code valueSize} each (buffer owned by the critic). */
    public float[] criticForward(float[] observations, int n) {
        return critic.forward(observations, n);
    }

    /** The head's parameters as of the last {@link #syncHeadParams()}. */
    public float[] headParams() {
        return headParams;
    }

    /** Re-reads the head's parameters after an optimiser step. */
    public void syncHeadParams() {
        if (headParamView != null) {
            Buffers.copyOut(headParamView, headParams, 0, headParams.length);
        }
    }

    /** Gradients of the head's own parameters, to fill before {@link #backward}. */
    public float[] headGradients() {
        return headGrads;
    }

    /**
     * Writes all parameter gradients from the loss gradients w.r.t. the actor outputs, the
     * values, and the head parameters ({@link #headGradients()}), for the rows of the last
     * forward passes.
     */
    public void backward(float[] dActorOutputs, float[] dValues) {
        actor.backward(dActorOutputs, false);
        critic.backward(dValues, false);
        if (headGradView != null) {
            Buffers.copyIn(headGrads, 0, headGrads.length, headGradView);
        }
    }

    /**
     * Sets every parameter to those of {@code policy} (a {@link #snapshot()} of an actor-critic
     * of the same layout).
     *
     * @throws IllegalArgumentException if the networks or the action head differ in shape
     */
    public void load(ActorCriticPolicy policy) {
        actor.load(policy.actorSnapshot());
        critic.load(policy.criticSnapshot());
        float[] params = policy.headParamsView();
        if (params.length != headParams.length) {
            throw new IllegalArgumentException("the policy's action head has " + params.length + " parameters, this one "
                    + headParams.length);
        }
        if (headParamView != null) {
            Buffers.copyIn(params, 0, params.length, headParamView);
        }
        syncHeadParams();
    }

    /** A deployable copy of the current policy and value function. */
    public ActorCriticPolicy snapshot() {
        syncHeadParams();
        return new ActorCriticPolicy(actor.snapshot(), critic.snapshot(), head, headParams.clone(), actionSpace, null);
    }

    /** Updates {@code policy} (made by {@link #snapshot()}) to the current weights, without allocating. */
    public void refresh(ActorCriticPolicy policy) {
        syncHeadParams();
        actor.refresh(policy.actorSnapshot());
        critic.refresh(policy.criticSnapshot());
        policy.setHeadParams(headParams);
    }
}

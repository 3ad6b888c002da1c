package io.github.jrl.nd4j.policy;

import io.github.jrl.core.checkpoint.Checkpoint;
import io.github.jrl.core.checkpoint.CheckpointWriter;
import io.github.jrl.core.checkpoint.CorruptCheckpointException;
import io.github.jrl.core.policy.Policy;
import io.github.jrl.core.random.Rng;
import io.github.jrl.core.space.Box;
import io.github.jrl.core.space.Discrete;
import io.github.jrl.core.space.Space;
import io.github.jrl.nd4j.dist.Categorical;
import io.github.jrl.nd4j.dist.TanhGaussian;
import io.github.jrl.nd4j.nn.Mlp;
import io.github.jrl.nd4j.nn.MlpSnapshot;
import java.io.IOException;
import java.nio.file.Path;

/**
 * A trained stochastic actor that acts without the trainer and without a critic (SAC's policy):
 * a plain-Java copy of the actor network and the action space. For a bounded {@link Box} the
 * network gives a mean and a log-std per dimension and the action is the tanh-squashed Gaussian
 * sample ({@link TanhGaussian}) rescaled to the box, {@code low + (a + 1)(high - low) / 2}, as
 * Stable-Baselines3's {@code unscale_action}; the deterministic action is {@code tanh(mean)}
 * rescaled. For a {@link Discrete} space the network gives logits; the deterministic action is
 * the argmax. Actions are {@code float[]} for boxes and {@code Integer} for discrete spaces.
 *
 * <p>{@link #sampleBatch} and {@link #toEnvActions} are the trainer's path: the policy's own
 * actions (squashed in (-1, 1), or indices) for many copies at once, with the exploration noise
 * supplied by the caller. Not thread-safe.
 */
public final class ActorPolicy implements Policy<float[], Object> {

    static final String FORMAT = "jrl-actor-1";
    static final String META = "policy/meta";
    private static final String ACTOR = "policy/actor";

    private final MlpSnapshot actor;
    private final Space<?> actionSpace;
    private final Box box;
    private final int numActions;
    private final int actionSize;
    private final int observationSize;
    private final double[] logProbs;
    private float[] outputs = new float[0];
    private final float[] noise;
    private final float[] actions;

    /**
     * @throws IllegalArgumentException if the space is neither a bounded {@code Box} nor
     *     {@code Discrete}, or the network's output does not fit it ({@code 2 x dims} or {@code n})
     */
    public ActorPolicy(MlpSnapshot actor, Space<?> actionSpace) {
        this.actor = actor;
        this.actionSpace = actionSpace;
        this.observationSize = actor.spec().inputSize();
        int expectedOutputs;
        if (actionSpace instanceof Box b) {
            if (!b.isBounded()) {
                throw new IllegalArgumentException("a squashed Gaussian actor needs a bounded Box to rescale into, got "
                        + actionSpace);
            }
            box = b;
            numActions = 0;
            actionSize = b.size();
            expectedOutputs = 2 * b.size();
        } else if (actionSpace instanceof Discrete d) {
            box = null;
            numActions = d.n();
            actionSize = 1;
            expectedOutputs = d.n();
        } else {
            throw new IllegalArgumentException("an actor policy needs a bounded Box or a Discrete action space, got "
                    + actionSpace);
        }
        if (actor.spec().outputSize() != expectedOutputs) {
            throw new IllegalArgumentException("the actor outputs " + actor.spec().outputSize() + " floats but "
                    + actionSpace + " needs " + expectedOutputs);
        }
        logProbs = new double[Math.max(numActions, 1)];
        noise = new float[actionSize];
        actions = new float[actionSize];
    }

    /** A policy acting with the current weights of a trained actor network. */
    public static ActorPolicy of(Mlp actor, Space<?> actionSpace) {
        return new ActorPolicy(actor.snapshot(), actionSpace);
    }

    /** Copies the current weights of {@code trained} (the network this policy was made from), without allocating. */
    public void refreshFrom(Mlp trained) {
        trained.refresh(actor);
    }

    public Space<?> actionSpace() {
        return actionSpace;
    }

    public int observationSize() {
        return observationSize;
    }

    /** Floats per action in the policy's encoding: the box's dimensions, or 1 (the index). */
    public int actionSize() {
        return actionSize;
    }

    /**
     * The policy's own actions for {@code n} observations into {@code actionsOut}
     * ({@code n x actionSize}): squashed Gaussian samples in (-1, 1) driven by the standard-normal
     * {@code noise} ({@code n x actionSize}, white or coloured; ignored for discrete spaces), or
     * categorical samples drawn from {@code rng} (ignored for boxes).
     */
    public void sampleBatch(float[] observations, int n, float[] noise, Rng rng, float[] actionsOut) {
        float[] out = forward(observations, n);
        for (int i = 0; i < n; i++) {
            if (box != null) {
                TanhGaussian.squash(out, i, actionSize, noise, actionsOut);
            } else {
                Categorical.logSoftmax(out, i, numActions, null, logProbs);
                actionsOut[i] = Categorical.sample(logProbs, numActions, rng);
            }
        }
    }

    /** The deterministic actions of {@code n} observations, in the policy's encoding. */
    public void modeBatch(float[] observations, int n, float[] actionsOut) {
        float[] out = forward(observations, n);
        for (int i = 0; i < n; i++) {
            if (box != null) {
                TanhGaussian.mode(out, i, actionSize, actionsOut);
            } else {
                Categorical.logSoftmax(out, i, numActions, null, logProbs);
                actionsOut[i] = Categorical.mode(logProbs, numActions);
            }
        }
    }

    /**
     * Maps {@code n} actions of the policy's encoding to the environment's: rescaled from (-1, 1)
     * to the box (then clipped to it, which only absorbs float rounding), indices unchanged.
     */
    public void toEnvActions(float[] policyActions, int n, float[] envActions) {
        if (box == null) {
            System.arraycopy(policyActions, 0, envActions, 0, n);
            return;
        }
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < actionSize; k++) {
                int j = i * actionSize + k;
                float low = box.low(k);
                float high = box.high(k);
                float value = low + 0.5f * (policyActions[j] + 1f) * (high - low);
                envActions[j] = Math.max(low, Math.min(high, value));
            }
        }
    }

    private float[] forward(float[] observations, int n) {
        if (observations.length < n * observationSize) {
            throw new IllegalArgumentException("expected " + n + " observations of " + observationSize + " floats, got "
                    + observations.length + " floats");
        }
        int width = actor.spec().outputSize();
        if (outputs.length < n * width) {
            outputs = new float[n * width];
        }
        actor.forward(observations, 0, n, outputs, 0);
        return outputs;
    }

    @Override
    public Object act(float[] observation, Rng rng) {
        requireObservation(observation);
        if (box != null) {
            for (int k = 0; k < actionSize; k++) {
                noise[k] = (float) rng.nextGaussian();
            }
        }
        sampleBatch(observation, 1, noise, rng, actions);
        return toAction();
    }

    @Override
    public Object actDeterministic(float[] observation) {
        requireObservation(observation);
        modeBatch(observation, 1, actions);
        return toAction();
    }

    private void requireObservation(float[] observation) {
        if (observation.length != observationSize) {
            throw new IllegalArgumentException("expected an observation of " + observationSize + " floats, got "
                    + observation.length);
        }
    }

    private Object toAction() {
        if (box == null) {
            return (int) actions[0];
        }
        float[] action = new float[actionSize];
        toEnvActions(actions, 1, action);
        return action;
    }

    /**
     * Writes this policy (actor network and action space) to {@code file} atomically, in jrl's
     * checksummed checkpoint format; {@link #load} gives a policy that acts identically.
     */
    public void save(Path file) throws IOException {
        try (CheckpointWriter writer = CheckpointWriter.create(file)) {
            writer.section(META, out -> {
                out.writeUTF(FORMAT);
                ActionSpaces.write(out, actionSpace);
            });
            writer.section(ACTOR, actor::writeTo);
            writer.commit();
        }
    }

    /** Loads a policy written by {@link #save}; a corrupt or foreign file raises. */
    public static ActorPolicy load(Path file) throws IOException {
        return load(Checkpoint.read(file));
    }

    /** As {@link #load(Path)}, from a policy file already read and verified. */
    static ActorPolicy load(Checkpoint checkpoint) throws IOException {
        Path file = checkpoint.file();
        Space<?> space = checkpoint.read(META, in -> {
            String format = in.readUTF();
            if (!FORMAT.equals(format)) {
                throw new IOException("not an actor policy file (format '" + format + "', expected '" + FORMAT + "')");
            }
            return ActionSpaces.read(in);
        });
        MlpSnapshot actor = checkpoint.read(ACTOR, MlpSnapshot::readFrom);
        try {
            return new ActorPolicy(actor, space);
        } catch (IllegalArgumentException e) {
            throw new CorruptCheckpointException(file, e.getMessage());
        }
    }
}

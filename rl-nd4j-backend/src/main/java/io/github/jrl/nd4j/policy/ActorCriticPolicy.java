package io.github.jrl.nd4j.policy;

import io.github.jrl.core.checkpoint.Checkpoint;
import io.github.jrl.core.checkpoint.CheckpointWriter;
import io.github.jrl.core.checkpoint.CorruptCheckpointException;
import io.github.jrl.core.policy.Critic;
import io.github.jrl.core.policy.Policy;
import io.github.jrl.core.random.Rng;
import io.github.jrl.core.space.Box;
import io.github.jrl.core.space.Space;
import io.github.jrl.core.stats.ObservationNormalizer;
import io.github.jrl.core.stats.RunningMeanStd;
import io.github.jrl.nd4j.nn.MlpSnapshot;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * A trained actor-critic that acts without the trainer: plain-Java copies of the networks, the
 * action head and, if training normalised observations, the frozen normaliser. Actions are
 * {@code Integer} for discrete spaces and {@code float[]} for boxes; continuous actions are
 * clipped to the box as Stable-Baselines3's {@code predict} does (the Gaussian is unbounded).
 *
 * <p>{@link #actBatch} is the trainer's path: already-normalised observations, sampled actions,
 * their log-probabilities and the values, for many copies at once. Not thread-safe.
 */
public final class ActorCriticPolicy implements Policy<float[], Object>, Critic<float[]> {

    static final String FORMAT = "jrl-actor-critic-1";
    static final String META = "policy/meta";
    private static final String ACTOR = "policy/actor";
    private static final String CRITIC = "policy/critic";

    private final MlpSnapshot actor;
    private final MlpSnapshot critic;
    private final ActionHead head;
    private final float[] headParams;
    private final Space<?> actionSpace;
    private final ObservationNormalizer normalizer;
    private final int observationSize;
    private float[] outputs = new float[0];
    private float[] actions = new float[0];
    private final float[] normalized;
    private final float[] value;

    ActorCriticPolicy(MlpSnapshot actor, MlpSnapshot critic, ActionHead head, float[] headParams, Space<?> actionSpace,
            ObservationNormalizer normalizer) {
        this.actor = actor;
        this.critic = critic;
        this.head = head;
        this.headParams = headParams;
        this.actionSpace = actionSpace;
        this.normalizer = normalizer;
        this.observationSize = actor.spec().inputSize();
        this.normalized = new float[observationSize];
        this.value = new float[critic.spec().outputSize()];
        if (normalizer != null && normalizer.size() != observationSize) {
            throw new IllegalArgumentException("normaliser of size " + normalizer.size() + " for observations of size "
                    + observationSize);
        }
    }

    /** This policy acting on raw observations normalised by {@code normalizer}. */
    public ActorCriticPolicy withNormalizer(ObservationNormalizer normalizer) {
        return new ActorCriticPolicy(actor, critic, head, headParams.clone(), actionSpace, normalizer);
    }

    /**
     * Writes this policy (networks, head, action space, normaliser) to {@code file} atomically,
     * in jrl's checksummed checkpoint format; {@link #load} gives a policy that acts identically,
     * without ND4J being touched.
     */
    public void save(Path file) throws IOException {
        try (CheckpointWriter writer = CheckpointWriter.create(file)) {
            writer.section(META, this::writeMeta);
            writer.section(ACTOR, actor::writeTo);
            writer.section(CRITIC, critic::writeTo);
            if (normalizer != null) {
                writer.section(Checkpoint.NORMALIZATION, this::writeNormalizer);
            }
            writer.commit();
        }
    }

    /** Loads a policy written by {@link #save}; a corrupt or foreign file raises. */
    public static ActorCriticPolicy load(Path file) throws IOException {
        return load(Checkpoint.read(file));
    }

    /** As {@link #load(Path)}, from a policy file already read and verified. */
    static ActorCriticPolicy load(Checkpoint checkpoint) throws IOException {
        Path file = checkpoint.file();
        Object[] meta = checkpoint.read(META, ActorCriticPolicy::readMeta);
        MlpSnapshot actor = checkpoint.read(ACTOR, MlpSnapshot::readFrom);
        MlpSnapshot critic = checkpoint.read(CRITIC, MlpSnapshot::readFrom);
        ObservationNormalizer normalizer = checkpoint.has(Checkpoint.NORMALIZATION)
                ? checkpoint.read(Checkpoint.NORMALIZATION, ActorCriticPolicy::readNormalizer)
                : null;
        try {
            return assemble(meta, actor, critic, normalizer);
        } catch (IOException e) {
            throw new CorruptCheckpointException(file, e.getMessage());
        }
    }

    /**
     * Writes this policy to a stream, in the layout of {@link #save} without the file's sections
     * and checksums: for sending a policy to a rollout worker. {@link #readFrom} reads it back.
     */
    public void writeTo(DataOutputStream out) throws IOException {
        writeMeta(out);
        actor.writeTo(out);
        critic.writeTo(out);
        out.writeBoolean(normalizer != null);
        if (normalizer != null) {
            writeNormalizer(out);
        }
    }

    /** Reads a policy written by {@link #writeTo}; malformed input raises an {@code IOException}. */
    public static ActorCriticPolicy readFrom(DataInputStream in) throws IOException {
        Object[] meta = readMeta(in);
        MlpSnapshot actor = MlpSnapshot.readFrom(in);
        MlpSnapshot critic = MlpSnapshot.readFrom(in);
        ObservationNormalizer normalizer = in.readBoolean() ? readNormalizer(in) : null;
        return assemble(meta, actor, critic, normalizer);
    }

    /** {@link #writeTo}'s form as bytes: what a learner sends its rollout workers. */
    public byte[] toBytes() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            writeTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory cannot fail", e);
        }
        return bytes.toByteArray();
    }

    /**
     * Reads a policy from {@link #toBytes}' form.
     *
     * @throws IllegalArgumentException if the bytes are not a policy
     */
    public static ActorCriticPolicy fromBytes(byte[] bytes) {
        try {
            return readFrom(new DataInputStream(new ByteArrayInputStream(bytes)));
        } catch (IOException e) {
            throw new IllegalArgumentException("not an actor-critic policy in " + bytes.length + " bytes: "
                    + e.getMessage(), e);
        }
    }

    private void writeMeta(DataOutputStream out) throws IOException {
        out.writeUTF(FORMAT);
        ActionSpaces.write(out, actionSpace);
        out.writeInt(headParams.length);
        for (float p : headParams) {
            out.writeFloat(p);
        }
    }

    private static Object[] readMeta(DataInputStream in) throws IOException {
        String format = in.readUTF();
        if (!FORMAT.equals(format)) {
            throw new IOException("not an actor-critic policy (format '" + format + "')");
        }
        Space<?> space = ActionSpaces.read(in);
        int n = in.readInt();
        if (n < 0 || n > 1 << 20) {
            throw new IOException("implausible head size " + n);
        }
        float[] params = new float[n];
        for (int i = 0; i < n; i++) {
            params[i] = in.readFloat();
        }
        return new Object[] {space, params};
    }

    private void writeNormalizer(DataOutputStream out) throws IOException {
        normalizer.statistics().writeTo(out);
        out.writeDouble(normalizer.epsilon());
        out.writeDouble(normalizer.clip());
    }

    private static ObservationNormalizer readNormalizer(DataInputStream in) throws IOException {
        return new ObservationNormalizer(RunningMeanStd.Snapshot.readFrom(in), in.readDouble(), in.readDouble());
    }

    private static ActorCriticPolicy assemble(Object[] meta, MlpSnapshot actor, MlpSnapshot critic,
            ObservationNormalizer normalizer) throws IOException {
        Space<?> space = (Space<?>) meta[0];
        ActionHead head = ActionHead.of(space, 0.0);
        float[] params = (float[]) meta[1];
        if (params.length != head.parameterCount() || actor.spec().outputSize() != head.outputSize()) {
            throw new IOException("the networks and head do not fit the action space " + space);
        }
        return new ActorCriticPolicy(actor, critic, head, params, space, normalizer);
    }

    MlpSnapshot actorSnapshot() {
        return actor;
    }

    MlpSnapshot criticSnapshot() {
        return critic;
    }

    float[] headParamsView() {
        return headParams;
    }

    void setHeadParams(float[] params) {
        System.arraycopy(params, 0, headParams, 0, headParams.length);
    }

    public Space<?> actionSpace() {
        return actionSpace;
    }

    public ActionHead head() {
        return head;
    }

    public int observationSize() {
        return observationSize;
    }

    /**
     * Samples actions for {@code n} normalised observations: {@code actionsOut} gets
     * {@code n x actionSize} floats (unclipped), {@code logProbsOut} one each and {@code valuesOut}
     * {@link #valueSize()} each.
     */
    public void actBatch(float[] observations, int n, Rng rng, float[] actionsOut, float[] logProbsOut,
            float[] valuesOut) {
        ensureOutputs(n);
        actor.forward(observations, 0, n, outputs, 0);
        critic.forward(observations, 0, n, valuesOut, 0);
        for (int i = 0; i < n; i++) {
            logProbsOut[i] = (float) head.sample(outputs, i, headParams, rng, actionsOut);
        }
    }

    /** Value estimates of {@code n} normalised observations, {@link #valueSize()} each. */
    public void values(float[] observations, int n, float[] valuesOut) {
        critic.forward(observations, 0, n, valuesOut, 0);
    }

    private void ensureOutputs(int n) {
        if (outputs.length < n * head.outputSize()) {
            outputs = new float[n * head.outputSize()];
            actions = new float[n * head.actionSize()];
        }
    }

    private float[] prepare(float[] observation) {
        if (observation.length != observationSize) {
            throw new IllegalArgumentException("expected an observation of " + observationSize + " floats, got "
                    + observation.length);
        }
        if (normalizer == null) {
            return observation;
        }
        normalizer.normalize(observation, normalized, 1);
        return normalized;
    }

    @Override
    public Object act(float[] observation, Rng rng) {
        ensureOutputs(1);
        actor.forward(prepare(observation), 0, 1, outputs, 0);
        head.sample(outputs, 0, headParams, rng, actions);
        return toAction();
    }

    @Override
    public Object actDeterministic(float[] observation) {
        ensureOutputs(1);
        actor.forward(prepare(observation), 0, 1, outputs, 0);
        head.mode(outputs, 0, headParams, actions);
        return toAction();
    }

    private Object toAction() {
        if (head instanceof CategoricalHead) {
            return (int) actions[0];
        }
        Box box = (Box) actionSpace;
        float[] action = new float[box.size()];
        for (int k = 0; k < action.length; k++) {
            action[k] = Math.max(box.low(k), Math.min(box.high(k), actions[k]));
        }
        return action;
    }

    /** The critic's outputs per observation: 1, or one per objective for a vector-valued critic. */
    public int valueSize() {
        return value.length;
    }

    /**
     * @throws IllegalStateException if the critic is vector-valued, whose values {@link #values}
     *         gives
     */
    @Override
    public double value(float[] observation) {
        if (value.length != 1) {
            throw new IllegalStateException("this critic estimates " + value.length + " values per observation, one per"
                    + " objective; call values(observations, n, out)");
        }
        critic.forward(prepare(observation), 0, 1, value, 0);
        return value[0];
    }
}

package io.github.jrl.algorithms.offline;

import io.github.jrl.core.checkpoint.Checkpoint;
import io.github.jrl.core.checkpoint.CheckpointWriter;
import io.github.jrl.core.checkpoint.CorruptCheckpointException;
import io.github.jrl.core.policy.Policy;
import io.github.jrl.core.random.Rng;
import io.github.jrl.core.space.Box;
import io.github.jrl.core.space.Discrete;
import io.github.jrl.core.space.Space;
import io.github.jrl.nd4j.nn.Mlp;
import io.github.jrl.nd4j.nn.MlpSnapshot;
import io.github.jrl.nd4j.policy.ActionSpaces;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The deployable policy of an offline learner: a plain-Java copy of its actor network behind the
 * dataset's observation standardisation ({@link StateNormalizer}), acting deterministically as the
 * references evaluate (TD3+BC's {@code select_action}, d3rlpy's {@code predict}). The network's
 * output is read by a {@link Head}. {@link #act} returns the deterministic action too: these
 * algorithms deploy their policy's mode. {@link #save} and {@link #load} keep it in a file of its
 * own. Not thread-safe.
 */
public final class OfflinePolicy implements Policy<float[], Object> {

    private static final String FORMAT = "jrl-offline-policy-1";
    private static final String META = "policy/meta";
    private static final String NORMALIZER = "policy/normalizer";
    private static final String ACTOR = "policy/actor";

    /** How the network's output becomes an action. */
    public enum Head {
        /** A deterministic actor with one output per action dimension, squashed into the box (TD3). */
        TANH,
        /** A Gaussian actor's {@code [mean, log-std]} outputs: the squashed mean (SAC, CQL). */
        TANH_MEAN,
        /** Logits or Q-values of discrete actions: the argmax (first on ties). */
        ARGMAX
    }

    private final MlpSnapshot network;
    private final StateNormalizer normalizer;
    private final Head head;
    private final Space<?> actionSpace;
    private final ActionBounds bounds;
    private final float[] input;
    private final float[] output;

    /**
     * @throws IllegalArgumentException if the head does not fit the action space (a squashing
     *     head needs a bounded box, {@code ARGMAX} a discrete space) or the network's sizes do not
     *     fit the normaliser and the head
     */
    public OfflinePolicy(MlpSnapshot network, StateNormalizer normalizer, Head head, Space<?> actionSpace) {
        this.network = network;
        this.normalizer = normalizer;
        this.head = head;
        this.actionSpace = actionSpace;
        int expected;
        if (head == Head.ARGMAX) {
            if (!(actionSpace instanceof Discrete discrete)) {
                throw new IllegalArgumentException("an argmax head needs a Discrete action space, got " + actionSpace);
            }
            bounds = null;
            expected = discrete.n();
        } else {
            if (!(actionSpace instanceof Box box)) {
                throw new IllegalArgumentException("a " + head + " head needs a bounded Box action space, got "
                        + actionSpace);
            }
            bounds = new ActionBounds(box);
            expected = head == Head.TANH ? box.size() : 2 * box.size();
        }
        if (network.spec().outputSize() != expected || network.spec().inputSize() != normalizer.size()) {
            throw new IllegalArgumentException("network " + network.spec() + " does not fit " + normalizer.size()
                    + " observation floats and a " + head + " head on " + actionSpace + " (" + expected + " outputs)");
        }
        input = new float[normalizer.size()];
        output = new float[expected];
    }

    /** A policy acting with the current weights of {@code actor}. */
    public static OfflinePolicy of(Mlp actor, StateNormalizer normalizer, Head head, Space<?> actionSpace) {
        return new OfflinePolicy(actor.snapshot(), normalizer, head, actionSpace);
    }

    public Space<?> actionSpace() {
        return actionSpace;
    }

    public Head head() {
        return head;
    }

    @Override
    public Object act(float[] observation, Rng rng) {
        return actDeterministic(observation);
    }

    @Override
    public Object actDeterministic(float[] observation) {
        if (observation.length != input.length) {
            throw new IllegalArgumentException("expected an observation of " + input.length + " floats, got "
                    + observation.length);
        }
        normalizer.normalize(observation, 1, input);
        network.forward(input, 0, 1, output, 0);
        if (head == Head.ARGMAX) {
            int best = 0;
            for (int a = 1; a < output.length; a++) {
                if (output[a] > output[best]) {
                    best = a;
                }
            }
            return best;
        }
        float[] action = new float[bounds.size()];
        for (int k = 0; k < action.length; k++) {
            action[k] = bounds.squash(k, output[k]);
        }
        return action;
    }

    /**
     * Writes this policy (head, action space, observation statistics, network) to {@code file}
     * atomically in jrl's checksummed checkpoint format; {@link #load} gives a policy that acts
     * identically.
     */
    public void save(Path file) throws IOException {
        try (CheckpointWriter writer = CheckpointWriter.create(file)) {
            writer.section(META, out -> {
                out.writeUTF(FORMAT);
                out.writeUTF(head.name());
                ActionSpaces.write(out, actionSpace);
            });
            writer.section(NORMALIZER, normalizer::writeTo);
            writer.section(ACTOR, network::writeTo);
            writer.commit();
        }
    }

    /** Loads a policy written by {@link #save}; a corrupt or foreign file raises, naming the problem. */
    public static OfflinePolicy load(Path file) throws IOException {
        Checkpoint checkpoint = Checkpoint.read(file);
        Meta meta = checkpoint.read(META, in -> {
            String format = in.readUTF();
            if (!FORMAT.equals(format)) {
                throw new IOException("not an offline policy file (format '" + format + "', expected '" + FORMAT + "')");
            }
            String headName = in.readUTF();
            try {
                return new Meta(Head.valueOf(headName), ActionSpaces.read(in));
            } catch (IllegalArgumentException e) {
                throw new IOException("unknown policy head '" + headName + "'", e);
            }
        });
        MlpSnapshot network = checkpoint.read(ACTOR, MlpSnapshot::readFrom);
        StateNormalizer normalizer = checkpoint.read(NORMALIZER,
                in -> StateNormalizer.readFrom(in, network.spec().inputSize()));
        try {
            return new OfflinePolicy(network, normalizer, meta.head(), meta.actionSpace());
        } catch (IllegalArgumentException e) {
            throw new CorruptCheckpointException(file, e.getMessage());
        }
    }

    private record Meta(Head head, Space<?> actionSpace) {
    }
}

package io.github.jrl.distributed;

import io.github.jrl.algorithms.onpolicy.RolloutCollector.FinishedEpisode;
import io.github.jrl.algorithms.onpolicy.RolloutShard;
import io.github.jrl.algorithms.sac.TransitionChunk;
import io.github.jrl.core.wrappers.EpisodeStatistics;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.NotSerializableException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.pekko.actor.ExtendedActorSystem;
import org.apache.pekko.actor.typed.ActorRefResolver;
import org.apache.pekko.actor.typed.javadsl.Adapter;
import org.apache.pekko.serialization.SerializerWithStringManifest;

/**
 * The wire format of {@link RolloutMessage}s: big-endian primitives, float arrays written in
 * bulk (a length and the raw IEEE bits, so values arrive bit for bit), actor references in
 * Pekko's string form. Java serialisation is off in Pekko by default and slow on arrays; a
 * rollout or a policy of a million floats costs one copy here.
 */
public final class RolloutSerializer extends SerializerWithStringManifest {

    /** Pekko reserves identifiers 0 to 40 for itself. */
    public static final int IDENTIFIER = 4_711_001;
    private static final String COLLECT = "C";
    private static final String COLLECTED = "R";
    private static final String STOP = "S";
    private static final String COLLECT_TRANSITIONS = "T";
    private static final String TRANSITIONS = "U";

    private final ExtendedActorSystem system;

    public RolloutSerializer(ExtendedActorSystem system) {
        this.system = system;
    }

    @Override
    public int identifier() {
        return IDENTIFIER;
    }

    @Override
    public String manifest(Object message) {
        if (message instanceof CollectShard) {
            return COLLECT;
        } else if (message instanceof ShardCollected) {
            return COLLECTED;
        } else if (message instanceof StopWorker) {
            return STOP;
        } else if (message instanceof CollectTransitions) {
            return COLLECT_TRANSITIONS;
        } else if (message instanceof TransitionsCollected) {
            return TRANSITIONS;
        }
        throw new IllegalArgumentException("not a rollout message: " + message.getClass().getName());
    }

    @Override
    public byte[] toBinary(Object message) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            if (message instanceof CollectShard c) {
                writeCollect(out, c);
            } else if (message instanceof ShardCollected r) {
                writeCollected(out, r);
            } else if (message instanceof CollectTransitions t) {
                writeCollectTransitions(out, t);
            } else if (message instanceof TransitionsCollected u) {
                writeTransitions(out, u);
            } else if (!(message instanceof StopWorker)) {
                throw new IllegalArgumentException("not a rollout message: " + message.getClass().getName());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    @Override
    public Object fromBinary(byte[] bytes, String manifest) throws NotSerializableException {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            switch (manifest) {
                case COLLECT:
                    return readCollect(in);
                case COLLECTED:
                    return readCollected(in);
                case STOP:
                    return new StopWorker();
                case COLLECT_TRANSITIONS:
                    return readCollectTransitions(in);
                case TRANSITIONS:
                    return readTransitions(in);
                default:
                    throw new NotSerializableException("unknown rollout message manifest '" + manifest
                            + "', expected one of C, R, S, T, U");
            }
        } catch (IOException | RuntimeException e) {
            NotSerializableException failure = new NotSerializableException("malformed rollout message ("
                    + manifest + "): " + e.getMessage());
            failure.initCause(e);
            throw failure;
        }
    }

    private void writeCollect(DataOutputStream out, CollectShard c) throws IOException {
        out.writeUTF(c.runId());
        out.writeLong(c.iteration());
        out.writeInt(c.shardIndex());
        writeSpec(out, c.spec());
        out.writeLong(c.envSeed());
        writeBytes(out, c.copiesState());
        writeLongs(out, c.actionRngState());
        writeBytes(out, c.policy());
        out.writeUTF(ActorRefResolver.get(Adapter.toTyped(system)).toSerializationFormat(c.replyTo()));
    }

    private static void writeSpec(DataOutputStream out, ShardSpec spec) throws IOException {
        out.writeUTF(spec.envId());
        out.writeInt(spec.envKwargs().size());
        for (Map.Entry<String, Double> kwarg : spec.envKwargs().entrySet()) {
            out.writeUTF(kwarg.getKey());
            out.writeDouble(kwarg.getValue());
        }
        out.writeInt(spec.firstCopy());
        out.writeInt(spec.numCopies());
        out.writeInt(spec.totalCopies());
        out.writeInt(spec.numSteps());
        out.writeDouble(spec.gamma());
        out.writeDouble(spec.gaeLambda());
    }

    private static ShardSpec readSpec(DataInputStream in) throws IOException {
        String envId = in.readUTF();
        int kwargCount = in.readInt();
        Map<String, Double> kwargs = new LinkedHashMap<>();
        for (int i = 0; i < kwargCount; i++) {
            kwargs.put(in.readUTF(), in.readDouble());
        }
        return new ShardSpec(envId, kwargs, in.readInt(), in.readInt(), in.readInt(), in.readInt(), in.readDouble(),
                in.readDouble());
    }

    private static void writeLongs(DataOutputStream out, long[] values) throws IOException {
        out.writeInt(values.length);
        for (long value : values) {
            out.writeLong(value);
        }
    }

    private static long[] readLongs(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > in.available() / Long.BYTES) {
            throw new IOException("a long array of " + n + " values in a message of " + in.available() + " bytes left");
        }
        long[] values = new long[n];
        for (int i = 0; i < n; i++) {
            values[i] = in.readLong();
        }
        return values;
    }

    private void writeCollectTransitions(DataOutputStream out, CollectTransitions t) throws IOException {
        out.writeUTF(t.runId());
        out.writeLong(t.sequence());
        out.writeInt(t.shardIndex());
        writeSpec(out, t.spec());
        out.writeLong(t.envSeed());
        writeBytes(out, t.policy());
        out.writeBoolean(t.uniform());
        writeLongs(out, t.explorationRngState());
        out.writeInt(t.steps());
        out.writeUTF(ActorRefResolver.get(Adapter.toTyped(system)).toSerializationFormat(t.replyTo()));
    }

    private CollectTransitions readCollectTransitions(DataInputStream in) throws IOException {
        return new CollectTransitions(in.readUTF(), in.readLong(), in.readInt(), readSpec(in), in.readLong(),
                readBytes(in), in.readBoolean(), readLongs(in), in.readInt(),
                ActorRefResolver.get(Adapter.toTyped(system)).resolveActorRef(in.readUTF()));
    }

    private static void writeTransitions(DataOutputStream out, TransitionsCollected u) throws IOException {
        out.writeUTF(u.runId());
        out.writeLong(u.sequence());
        out.writeInt(u.shardIndex());
        TransitionChunk chunk = u.chunk();
        out.writeInt(chunk.rows());
        writeFloats(out, chunk.observations());
        writeFloats(out, chunk.actions());
        writeFloats(out, chunk.rewards());
        writeFloats(out, chunk.nextObservations());
        for (int i = 0; i < chunk.rows(); i++) {
            out.writeByte((chunk.terminated()[i] ? 1 : 0) | (chunk.truncated()[i] ? 2 : 0));
        }
        out.writeInt(chunk.episodes().size());
        for (EpisodeStatistics episode : chunk.episodes()) {
            writeEpisode(out, episode);
        }
    }

    private static TransitionsCollected readTransitions(DataInputStream in) throws IOException {
        String runId = in.readUTF();
        long sequence = in.readLong();
        int shardIndex = in.readInt();
        int rows = in.readInt();
        float[] observations = readFloats(in);
        float[] actions = readFloats(in);
        float[] rewards = readFloats(in);
        float[] nextObservations = readFloats(in);
        if (rows < 0 || rows > in.available()) {
            throw new IOException(rows + " transition flags in a message of " + in.available() + " bytes left");
        }
        boolean[] terminated = new boolean[rows];
        boolean[] truncated = new boolean[rows];
        for (int i = 0; i < rows; i++) {
            int flags = in.readByte();
            terminated[i] = (flags & 1) != 0;
            truncated[i] = (flags & 2) != 0;
        }
        int episodeCount = in.readInt();
        List<EpisodeStatistics> episodes = new ArrayList<>();
        for (int i = 0; i < episodeCount; i++) {
            episodes.add(readEpisode(in));
        }
        return new TransitionsCollected(runId, sequence, shardIndex, new TransitionChunk(rows, observations, actions,
                rewards, nextObservations, terminated, truncated, episodes));
    }

    private static void writeEpisode(DataOutputStream out, EpisodeStatistics episode) throws IOException {
        out.writeInt(episode.length());
        double[] returns = episode.returns();
        out.writeInt(returns.length);
        for (double value : returns) {
            out.writeDouble(value);
        }
    }

    private static EpisodeStatistics readEpisode(DataInputStream in) throws IOException {
        int length = in.readInt();
        int n = in.readInt();
        if (n < 0 || n > in.available() / Double.BYTES) {
            throw new IOException("an episode of " + n + " returns in a message of " + in.available() + " bytes left");
        }
        double[] returns = new double[n];
        for (int k = 0; k < n; k++) {
            returns[k] = in.readDouble();
        }
        return new EpisodeStatistics(returns, length);
    }

    private CollectShard readCollect(DataInputStream in) throws IOException {
        String runId = in.readUTF();
        long iteration = in.readLong();
        int shardIndex = in.readInt();
        ShardSpec spec = readSpec(in);
        long envSeed = in.readLong();
        byte[] copiesState = readBytes(in);
        long[] rngState = readLongs(in);
        byte[] policy = readBytes(in);
        return new CollectShard(runId, iteration, shardIndex, spec, envSeed, copiesState, rngState, policy,
                ActorRefResolver.get(Adapter.toTyped(system)).resolveActorRef(in.readUTF()));
    }

    private static void writeCollected(DataOutputStream out, ShardCollected r) throws IOException {
        out.writeUTF(r.runId());
        out.writeLong(r.iteration());
        out.writeInt(r.shardIndex());
        RolloutShard shard = r.shard();
        out.writeInt(shard.firstCopy());
        out.writeInt(shard.numCopies());
        out.writeInt(shard.numSteps());
        writeFloats(out, shard.observations());
        writeFloats(out, shard.actions());
        writeFloats(out, shard.rewards());
        out.writeInt(shard.dones().length);
        for (boolean done : shard.dones()) {
            out.writeBoolean(done);
        }
        writeFloats(out, shard.values());
        writeFloats(out, shard.logProbs());
        writeFloats(out, shard.lastValues());
        out.writeInt(shard.episodes().size());
        for (FinishedEpisode episode : shard.episodes()) {
            out.writeInt(episode.step());
            out.writeInt(episode.copy());
            writeEpisode(out, episode.statistics());
        }
        writeFloats(out, r.lastObservations());
        writeBytes(out, r.copiesState());
    }

    private static ShardCollected readCollected(DataInputStream in) throws IOException {
        String runId = in.readUTF();
        long iteration = in.readLong();
        int shardIndex = in.readInt();
        int firstCopy = in.readInt();
        int numCopies = in.readInt();
        int numSteps = in.readInt();
        float[] observations = readFloats(in);
        float[] actions = readFloats(in);
        float[] rewards = readFloats(in);
        boolean[] dones = new boolean[in.readInt()];
        for (int i = 0; i < dones.length; i++) {
            dones[i] = in.readBoolean();
        }
        float[] values = readFloats(in);
        float[] logProbs = readFloats(in);
        float[] lastValues = readFloats(in);
        int episodeCount = in.readInt();
        List<FinishedEpisode> episodes = new ArrayList<>(episodeCount);
        for (int i = 0; i < episodeCount; i++) {
            int step = in.readInt();
            int copy = in.readInt();
            episodes.add(new FinishedEpisode(step, copy, readEpisode(in)));
        }
        RolloutShard shard = new RolloutShard(firstCopy, numCopies, numSteps, observations, actions, rewards, dones, values,
                logProbs, lastValues, episodes);
        return new ShardCollected(runId, iteration, shardIndex, shard, readFloats(in), readBytes(in));
    }

    private static void writeBytes(DataOutputStream out, byte[] bytes) throws IOException {
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static byte[] readBytes(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > in.available()) {
            throw new IOException("a byte array of " + n + " bytes in a message of " + in.available() + " bytes left");
        }
        byte[] bytes = new byte[n];
        in.readFully(bytes);
        return bytes;
    }

    private static void writeFloats(DataOutputStream out, float[] values) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(values.length * Float.BYTES);
        buffer.asFloatBuffer().put(values);
        out.writeInt(values.length);
        out.write(buffer.array());
    }

    private static float[] readFloats(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > in.available() / Float.BYTES) {
            throw new IOException("a float array of " + n + " values in a message of " + in.available() + " bytes left");
        }
        byte[] raw = new byte[n * Float.BYTES];
        in.readFully(raw);
        float[] values = new float[n];
        ByteBuffer.wrap(raw).asFloatBuffer().get(values);
        return values;
    }
}

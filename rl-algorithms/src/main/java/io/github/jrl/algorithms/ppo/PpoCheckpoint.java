package io.github.jrl.algorithms.ppo;

import io.github.jrl.core.checkpoint.Checkpoint;
import io.github.jrl.core.checkpoint.CheckpointWriter;
import io.github.jrl.core.random.Rng;
import io.github.jrl.core.stats.RunningMeanStd;
import io.github.jrl.nd4j.Buffers;
import io.github.jrl.nd4j.nn.ParameterSet;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Reads and writes a {@link Ppo} run's state in jrl's checkpoint format: the config it was made
 * with, network and head parameters, Adam's moments and step count, the generators of actions and
 * minibatches, the step and update counters, and VecNormalize's statistics.
 */
final class PpoCheckpoint {

    private static final String HEAD = "ppo";

    private PpoCheckpoint() {
    }

    static void write(Path file, Ppo ppo) throws IOException {
        try (CheckpointWriter writer = CheckpointWriter.create(file)) {
            writer.section(Checkpoint.CONFIG, ppo.config().toString().getBytes(StandardCharsets.UTF_8));
            writer.section(Checkpoint.PARAMS, out -> writeFloats(out, read(ppo.model().parameters().params(),
                    ppo.model().parameters().size())));
            writer.section(Checkpoint.OPTIMIZER, out -> {
                out.writeInt(ppo.optimizer().steps());
                writeFloats(out, read(ppo.optimizer().state(), ppo.optimizer().state().length()));
            });
            writer.section(Checkpoint.RNG, out -> {
                writeLongs(out, ppo.actionRng().state());
                writeLongs(out, ppo.minibatchRng().state());
            });
            writer.section(Checkpoint.COUNTERS, out -> {
                out.writeUTF(HEAD);
                out.writeLong(ppo.stepsDone());
                out.writeInt(ppo.updates());
            });
            if (ppo.normalization() != null) {
                writer.section(Checkpoint.NORMALIZATION, out -> {
                    ppo.normalization().observationStatistics().snapshot().writeTo(out);
                    ppo.normalization().returnStatistics().snapshot().writeTo(out);
                });
            }
            writer.commit();
        }
    }

    /**
     * Restores a run's state into {@code ppo}, which must have been made with the same config.
     * Environment copies are not part of a checkpoint: they start new episodes.
     */
    static void restore(Ppo ppo, Checkpoint checkpoint) throws IOException {
        String saved = new String(checkpoint.bytes(Checkpoint.CONFIG), StandardCharsets.UTF_8);
        if (!saved.equals(ppo.config().toString())) {
            throw new IllegalArgumentException("checkpoint " + checkpoint.file() + " was written by a run with\n  " + saved
                    + "\nbut this run has\n  " + ppo.config());
        }
        ParameterSet parameters = ppo.model().parameters();
        float[] params = checkpoint.read(Checkpoint.PARAMS, in -> readFloats(in, parameters.size(), checkpoint));
        long momentCount = ppo.optimizer().state().length();
        Object[] optimizer = checkpoint.read(Checkpoint.OPTIMIZER,
                in -> new Object[] {in.readInt(), readFloats(in, momentCount, checkpoint)});
        Rng[] rngs = checkpoint.read(Checkpoint.RNG,
                in -> new Rng[] {Rng.fromState(readLongs(in)), Rng.fromState(readLongs(in))});
        long[] counters = checkpoint.read(Checkpoint.COUNTERS, in -> {
            String head = in.readUTF();
            if (!HEAD.equals(head)) {
                throw new IOException("counters of a '" + head + "' run, not a PPO run");
            }
            return new long[] {in.readLong(), in.readInt()};
        });
        RunningMeanStd.Snapshot[] statistics = ppo.normalization() == null ? null
                : checkpoint.read(Checkpoint.NORMALIZATION, in -> new RunningMeanStd.Snapshot[] {
                    RunningMeanStd.Snapshot.readFrom(in), RunningMeanStd.Snapshot.readFrom(in)});
        // everything decoded: only now change the run
        Buffers.copyIn(params, 0, params.length, parameters.params());
        ppo.optimizer().restore((float[]) optimizer[1], (Integer) optimizer[0]);
        if (statistics != null) {
            ppo.normalization().observationStatistics().restore(statistics[0]);
            ppo.normalization().returnStatistics().restore(statistics[1]);
        }
        ppo.restoreProgress(counters[0], (int) counters[1], rngs[0], rngs[1]);
    }

    private static float[] read(org.nd4j.linalg.api.ndarray.INDArray array, long length) {
        float[] values = new float[Math.toIntExact(length)];
        Buffers.copyOut(array, values, 0, values.length);
        return values;
    }

    private static void writeFloats(DataOutputStream out, float[] values) throws IOException {
        out.writeInt(values.length);
        for (float v : values) {
            out.writeFloat(v);
        }
    }

    private static float[] readFloats(DataInputStream in, long expected, Checkpoint checkpoint) throws IOException {
        int n = in.readInt();
        if (n != expected) {
            throw new IOException("checkpoint " + checkpoint.file() + " holds " + n + " values where this PPO model has "
                    + expected + ": it was written for another network");
        }
        float[] values = new float[n];
        for (int i = 0; i < n; i++) {
            values[i] = in.readFloat();
        }
        return values;
    }

    private static void writeLongs(DataOutputStream out, long[] values) throws IOException {
        out.writeInt(values.length);
        for (long v : values) {
            out.writeLong(v);
        }
    }

    private static long[] readLongs(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > 64) {
            throw new IOException("corrupt generator state of " + n + " words");
        }
        long[] values = new long[n];
        for (int i = 0; i < n; i++) {
            values[i] = in.readLong();
        }
        return values;
    }
}

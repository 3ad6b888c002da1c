package io.github.jrl.algorithms.ppo;

import io.github.jrl.core.checkpoint.Checkpoint;
import io.github.jrl.core.checkpoint.CheckpointWriter;
import io.github.jrl.core.checkpoint.StateCodec;
import io.github.jrl.core.random.Rng;
import io.github.jrl.core.stats.RunningMeanStd;
import io.github.jrl.nd4j.nn.ParameterSet;
import io.github.jrl.nd4j.optim.Adam;
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
            writer.section(Checkpoint.PARAMS, ppo.model().parameters()::writeTo);
            writer.section(Checkpoint.OPTIMIZER, ppo.optimizer()::writeTo);
            writer.section(Checkpoint.RNG, out -> {
                StateCodec.writeRng(out, ppo.actionRng());
                StateCodec.writeRng(out, ppo.minibatchRng());
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
        checkpoint.requireConfig(ppo.config().toString());
        ParameterSet parameters = ppo.model().parameters();
        float[] params = checkpoint.read(Checkpoint.PARAMS, in -> parameters.readValues(in, "this PPO model"));
        Adam.State optimizer = checkpoint.read(Checkpoint.OPTIMIZER,
                in -> ppo.optimizer().readState(in, "this PPO optimiser"));
        Rng[] rngs = checkpoint.read(Checkpoint.RNG,
                in -> new Rng[] {StateCodec.readRng(in), StateCodec.readRng(in)});
        long[] counters = checkpoint.read(Checkpoint.COUNTERS, in -> {
            StateCodec.requireTag(in, HEAD);
            return new long[] {in.readLong(), in.readInt()};
        });
        RunningMeanStd.Snapshot[] statistics = ppo.normalization() == null ? null
                : checkpoint.read(Checkpoint.NORMALIZATION, in -> new RunningMeanStd.Snapshot[] {
                    RunningMeanStd.Snapshot.readFrom(in), RunningMeanStd.Snapshot.readFrom(in)});
        // everything decoded: only now change the run
        parameters.load(params);
        ppo.optimizer().restore(optimizer);
        if (statistics != null) {
            ppo.normalization().observationStatistics().restore(statistics[0]);
            ppo.normalization().returnStatistics().restore(statistics[1]);
        }
        ppo.restoreProgress(counters[0], (int) counters[1], rngs[0], rngs[1]);
    }
}

package io.github.jrl.algorithms.preference;

import io.github.jrl.core.checkpoint.Checkpoint;
import io.github.jrl.core.checkpoint.CheckpointWriter;
import io.github.jrl.core.checkpoint.StateCodec;
import io.github.jrl.core.random.Rng;
import io.github.jrl.nd4j.nn.ParameterSet;
import io.github.jrl.nd4j.optim.Adam;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The checkpoint of this package's trainers ({@link Dpo}, {@link Kto}, {@link RewardModelTrainer})
 * in jrl's checkpoint format: the config text ({@code config}), the trained parameters
 * ({@code params}), the reference policy's parameters when there is one ({@code reference}: an
 * iterative-DPO run replaces it between rounds), Adam's moments and step count
 * ({@code optimizer}), the shuffling generator ({@code rng}) and the trainer's name and update
 * count ({@code counters}). That is everything the next update depends on, so training resumed
 * from it continues bit-identically.
 */
final class TrainerCheckpoint {

    static final String REFERENCE = "reference";

    private TrainerCheckpoint() {
    }

    /** The decoded content of a checkpoint, applied by the trainer once everything has decoded. */
    record State(float[] params, float[] reference, Adam.State optimizer, Rng rng, long updates) {
    }

    /**
     * Writes a checkpoint atomically.
     *
     * @param reference the reference policy's parameters, or null for a trainer without one
     */
    static void write(Path file, String trainer, String config, ParameterSet params, ParameterSet reference, Adam optimizer,
            Rng rng, long updates) throws IOException {
        try (CheckpointWriter writer = CheckpointWriter.create(file)) {
            writer.section(Checkpoint.CONFIG, config.getBytes(StandardCharsets.UTF_8));
            writer.section(Checkpoint.PARAMS, params::writeTo);
            if (reference != null) {
                writer.section(REFERENCE, reference::writeTo);
            }
            writer.section(Checkpoint.OPTIMIZER, optimizer::writeTo);
            writer.section(Checkpoint.RNG, out -> StateCodec.writeRng(out, rng));
            writer.section(Checkpoint.COUNTERS, out -> {
                StateCodec.writeTag(out, trainer);
                out.writeLong(updates);
            });
            writer.commit();
        }
    }

    /**
     * Reads and decodes a checkpoint written by {@link #write} for a trainer of this kind, config
     * and parameter shapes, changing nothing.
     *
     * @throws io.github.jrl.core.checkpoint.CorruptCheckpointException if the file is damaged,
     *     truncated, or holds sections another trainer or shape wrote
     * @throws IllegalArgumentException if the checkpoint was written with another config
     */
    static State read(Path file, String trainer, String config, ParameterSet params, ParameterSet reference, Adam optimizer)
            throws IOException {
        Checkpoint checkpoint = Checkpoint.read(file);
        checkpoint.requireConfig(config);
        long updates = checkpoint.read(Checkpoint.COUNTERS, in -> {
            StateCodec.readTag(in, trainer);
            return in.readLong();
        });
        float[] values = checkpoint.read(Checkpoint.PARAMS, in -> params.readValues(in, "trained parameters"));
        float[] referenceValues = reference == null ? null
                : checkpoint.read(REFERENCE, in -> reference.readValues(in, "reference parameters"));
        Adam.State moments = checkpoint.read(Checkpoint.OPTIMIZER, in -> optimizer.readState(in, "Adam moments"));
        Rng rng = checkpoint.read(Checkpoint.RNG, in -> StateCodec.readRng(in, "shuffling generator"));
        return new State(values, referenceValues, moments, rng, updates);
    }
}

package io.github.jrl.algorithms.sac;

import io.github.jrl.core.checkpoint.Checkpoint;
import io.github.jrl.core.checkpoint.CheckpointWriter;
import io.github.jrl.core.checkpoint.StateCodec;
import io.github.jrl.core.random.Rng;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Reads and writes a {@link Sac} run's state in jrl's checkpoint format: the config it was made
 * with; the actor, critic and target-critic parameters ({@code params}); the actor's and critics'
 * Adam moments and step counts, then {@code log alpha} and, when learned, its Adam state
 * ({@code optimizer}); the replay buffer ({@code replay}); the exploration, replay-sampling and
 * training-noise generators ({@code rng}); the step and gradient-step counters.
 */
final class SacCheckpoint {

    private static final String HEAD = "sac";
    private static final int GENERATORS = 3;

    private SacCheckpoint() {
    }

    static void write(Path file, Sac sac) throws IOException {
        try (CheckpointWriter writer = CheckpointWriter.create(file)) {
            writer.section(Checkpoint.CONFIG, sac.config().toString().getBytes(StandardCharsets.UTF_8));
            writer.section(Checkpoint.PARAMS, sac.learner()::writeTo);
            writer.section(Checkpoint.OPTIMIZER, sac.temperature()::writeTo);
            writer.section(Checkpoint.REPLAY, sac.buffer()::writeTo);
            writer.section(Checkpoint.RNG, out -> {
                for (Rng rng : sac.generators()) {
                    StateCodec.writeRng(out, rng);
                }
            });
            writer.section(Checkpoint.COUNTERS, out -> {
                out.writeUTF(HEAD);
                out.writeLong(sac.stepsDone());
                out.writeLong(sac.gradientSteps());
            });
            writer.commit();
        }
    }

    /**
     * Restores a run's state into {@code sac}, a fresh run made with the same config (by
     * {@link Sac#resume}, which discards it if this throws). The networks, temperature,
     * generators and counters change only after every section has decoded.
     */
    static void restore(Sac sac, Checkpoint checkpoint) throws IOException {
        checkpoint.requireConfig(sac.config().toString());
        SacLearner.State networks = checkpoint.read(Checkpoint.PARAMS, sac.learner()::readNetworks);
        Temperature.State temperature = checkpoint.read(Checkpoint.OPTIMIZER, sac.temperature()::readState);
        Rng[] rngs = checkpoint.read(Checkpoint.RNG, in -> {
            Rng[] generators = new Rng[GENERATORS];
            for (int i = 0; i < GENERATORS; i++) {
                generators[i] = StateCodec.readRng(in, "generator " + i);
            }
            return generators;
        });
        long[] counters = checkpoint.read(Checkpoint.COUNTERS, in -> {
            StateCodec.readTag(in, HEAD);
            return new long[] {in.readLong(), in.readLong()};
        });
        checkpoint.read(Checkpoint.REPLAY, in -> {
            sac.buffer().readFrom(in);
            return null;
        });
        sac.learner().restore(networks);
        sac.temperature().restore(temperature);
        sac.restoreProgress(counters[0], counters[1], rngs);
    }
}

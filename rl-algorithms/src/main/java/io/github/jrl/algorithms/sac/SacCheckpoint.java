package io.github.jrl.algorithms.sac;

import io.github.jrl.core.checkpoint.Checkpoint;
import io.github.jrl.core.checkpoint.CheckpointWriter;
import io.github.jrl.core.checkpoint.CorruptCheckpointException;
import io.github.jrl.core.checkpoint.StateCodec;
import io.github.jrl.core.checkpoint.Stateful;
import io.github.jrl.core.random.ColoredNoise;
import io.github.jrl.core.random.Rng;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Reads and writes a {@link Sac} run's state in jrl's checkpoint format: the config it was made
 * with; the actor, critic and target-critic parameters ({@code params}); the actor's and critics'
 * Adam moments and step counts, then {@code log alpha} and, when learned, its Adam state
 * ({@code optimizer}); the replay buffer ({@code replay}); the exploration, replay-sampling and
 * training-noise generators ({@code rng}); the environment copies mid-episode ({@code env}), the
 * window of recent episodes and the coloured exploration noise mid-sequence; the step and
 * gradient-step counters. A resumed run continues exactly as the saved one would have.
 */
final class SacCheckpoint {

    private static final String HEAD = "sac";
    private static final int GENERATORS = 3;
    /** The window of recent training episodes behind {@code charts/episodic_return}. */
    private static final String EPISODES = "episodes";
    /** The coloured exploration noise of each env copy, mid-sequence (none with white noise). */
    private static final String NOISE = "noise";

    private SacCheckpoint() {
    }

    static void write(Path file, Sac sac) throws IOException {
        try (CheckpointWriter writer = CheckpointWriter.create(file)) {
            writer.section(Checkpoint.CONFIG, SacConfigFile.toYaml(sac.config()).getBytes(StandardCharsets.UTF_8));
            writer.section(Checkpoint.PARAMS, sac.learner()::writeTo);
            writer.section(Checkpoint.OPTIMIZER, sac.temperature()::writeTo);
            writer.section(Checkpoint.REPLAY, sac.buffer()::writeTo);
            writer.section(Checkpoint.RNG, out -> {
                for (Rng rng : sac.generators()) {
                    StateCodec.writeRng(out, rng);
                }
            });
            writer.section(Checkpoint.ENV, sac.envs()::writeState);
            writer.section(EPISODES, sac.episodes()::writeState);
            writer.section(NOISE, out -> {
                for (ColoredNoise noise : sac.coloredNoise()) {
                    noise.writeState(out);
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
        SacConfig saved = savedConfig(checkpoint);
        if (!saved.equals(sac.config())) {
            throw new IllegalArgumentException("checkpoint " + checkpoint.file() + " was written with another SAC"
                    + " config (checkpoint vs this run): " + SacConfigFile.differences(saved, sac.config()));
        }
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
        Stateful.Restore envs = checkpoint.read(Checkpoint.ENV, sac.envs()::readState);
        Stateful.Restore episodes = checkpoint.read(EPISODES, sac.episodes()::readState);
        Stateful.Restore[] noise = checkpoint.read(NOISE, in -> {
            ColoredNoise[] sequences = sac.coloredNoise();
            Stateful.Restore[] restores = new Stateful.Restore[sequences.length];
            for (int i = 0; i < sequences.length; i++) {
                restores[i] = sequences[i].readState(in);
            }
            return restores;
        });
        checkpoint.read(Checkpoint.REPLAY, in -> {
            sac.buffer().readFrom(in);
            return null;
        });
        envs.apply();
        episodes.apply();
        for (Stateful.Restore sequence : noise) {
            sequence.apply();
        }
        sac.learner().restore(networks);
        sac.temperature().restore(temperature);
        sac.restoreProgress(counters[0], counters[1], rngs);
    }

    /** The config of the run that wrote {@code checkpoint}, as {@link SacConfigFile#toYaml} stored it. */
    static SacConfig savedConfig(Checkpoint checkpoint) throws CorruptCheckpointException {
        String yaml = new String(checkpoint.bytes(Checkpoint.CONFIG), StandardCharsets.UTF_8);
        try {
            return SacConfigFile.parse(yaml, "section '" + Checkpoint.CONFIG + "'", SacConfig.builder().build());
        } catch (IllegalArgumentException e) {
            throw new CorruptCheckpointException(checkpoint.file(), e.getMessage(), e);
        }
    }
}

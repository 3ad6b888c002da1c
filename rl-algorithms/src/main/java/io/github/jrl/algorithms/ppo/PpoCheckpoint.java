package io.github.jrl.algorithms.ppo;

import io.github.jrl.core.checkpoint.Checkpoint;
import io.github.jrl.core.checkpoint.CheckpointWriter;
import io.github.jrl.core.checkpoint.CorruptCheckpointException;
import io.github.jrl.core.checkpoint.StateCodec;
import io.github.jrl.core.checkpoint.Stateful;
import io.github.jrl.core.random.Rng;
import io.github.jrl.nd4j.nn.ParameterSet;
import io.github.jrl.nd4j.optim.Adam;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Reads and writes a {@link Ppo} run's state in jrl's checkpoint format: the config it was made
 * with (as {@link PpoConfigFile} writes it into the run directory), network and head parameters, Adam's moments and step count, the generators of actions and
 * minibatches, the step and update counters, the environments' state (every copy mid-episode,
 * and VecNormalize's statistics) and the window of recent episodes behind the episode metrics.
 * That is everything the run's next update depends on, so a resumed run continues exactly.
 */
final class PpoCheckpoint {

    /** The {@link io.github.jrl.algorithms.onpolicy.RolloutCollector}'s window of recent episodes. */
    static final String EPISODES = "episodes";

    private static final String HEAD = "ppo";

    private PpoCheckpoint() {
    }

    static void write(CheckpointWriter writer, Ppo ppo) throws IOException {
        writer.section(Checkpoint.CONFIG, PpoConfigFile.toYaml(ppo.config()).getBytes(StandardCharsets.UTF_8));
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
        writer.section(Checkpoint.ENV, ppo.envs()::writeState);
        writer.section(EPISODES, ppo.collector()::writeState);
    }

    /**
     * Restores a run's state into {@code ppo}, which must have been made with the same config and
     * the same environments. Every section is decoded before anything of {@code ppo} changes.
     */
    static void restore(Ppo ppo, Checkpoint checkpoint) throws IOException {
        PpoConfig saved = savedConfig(checkpoint);
        if (!saved.equals(ppo.config())) {
            throw new IllegalArgumentException("checkpoint " + checkpoint.file() + " was written by a run with another"
                    + " config (checkpoint vs this run): " + PpoConfigFile.differences(saved, ppo.config()));
        }
        ParameterSet parameters = ppo.model().parameters();
        float[] params = checkpoint.read(Checkpoint.PARAMS, in -> parameters.readValues(in, "network parameters"));
        Adam.State optimizer = checkpoint.read(Checkpoint.OPTIMIZER, in -> ppo.optimizer().readState(in, "Adam moments"));
        Rng[] rngs = checkpoint.read(Checkpoint.RNG, in -> new Rng[] {
            StateCodec.readRng(in, "action generator"), StateCodec.readRng(in, "minibatch generator")});
        long[] counters = checkpoint.read(Checkpoint.COUNTERS, in -> {
            String head = in.readUTF();
            if (!HEAD.equals(head)) {
                throw new IOException("counters of a '" + head + "' run, not a PPO run");
            }
            return new long[] {in.readLong(), in.readInt()};
        });
        Stateful.Restore envs = checkpoint.read(Checkpoint.ENV, ppo.envs()::readState);
        Stateful.Restore episodes = checkpoint.read(EPISODES, ppo.collector()::readState);
        // everything decoded: only now change the run
        parameters.load(params);
        ppo.optimizer().restore(optimizer);
        envs.apply();
        episodes.apply();
        ppo.restoreProgress(counters[0], (int) counters[1], rngs[0], rngs[1]);
    }

    /** The config of the run that wrote {@code checkpoint}, as {@link PpoConfigFile#toYaml} stored it. */
    static PpoConfig savedConfig(Checkpoint checkpoint) throws CorruptCheckpointException {
        String yaml = new String(checkpoint.bytes(Checkpoint.CONFIG), StandardCharsets.UTF_8);
        try {
            return PpoConfigFile.parse(yaml, "section '" + Checkpoint.CONFIG + "'", PpoConfig.builder().build());
        } catch (IllegalArgumentException e) {
            throw new CorruptCheckpointException(checkpoint.file(), e.getMessage(), e);
        }
    }
}

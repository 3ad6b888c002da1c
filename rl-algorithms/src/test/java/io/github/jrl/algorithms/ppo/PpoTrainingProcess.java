package io.github.jrl.algorithms.ppo;

import io.github.jrl.core.callbacks.CheckpointCallback;
import io.github.jrl.core.checkpoint.CheckpointDirectory;
import io.github.jrl.core.checkpoint.CheckpointWriter;
import io.github.jrl.core.env.Environment;
import io.github.jrl.core.train.Callback;
import io.github.jrl.core.train.Trainer;
import io.github.jrl.envs.Envs;
import io.github.jrl.nd4j.policy.ActorCriticPolicy;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

/**
 * The training process {@link PpoKillTest} kills: PPO on CartPole with a
 * {@link CheckpointCallback} every rollout. The first checkpoint is written as usual (the process
 * says {@code SAVED <step>}); the second is made slow, so that the kill lands inside it: the run's
 * own sections go into the checkpoint's temporary file, then 256 KiB sections of padding follow in
 * pauses, and the process says {@code WRITING} once four of them (1 MiB, more than the writer
 * buffers) have reached the file.
 */
public final class PpoTrainingProcess {

    static final long TOTAL_STEPS = 8 * 64;

    private PpoTrainingProcess() {
    }

    /** CartPole's zoo preset, shrunk: 2 copies x 32 steps per rollout. */
    static PpoConfig config() {
        return PpoPresets.cartPole().toBuilder().numEnvs(2).numSteps(32).batchSize(32).numEpochs(2).seed(17).build();
    }

    static Environment<float[], Object> env() {
        return Envs.make("CartPole-v1");
    }

    public static void main(String[] args) {
        CheckpointDirectory checkpoints = new CheckpointDirectory(Path.of(args[0]));
        Ppo ppo = new Ppo(config(), PpoTrainingProcess::env);
        CheckpointCallback everyRollout = new CheckpointCallback(checkpoints, config().rolloutSize());
        SlowAfterFirstSave trainer = new SlowAfterFirstSave(ppo);
        ppo.learn(TOTAL_STEPS, new Callback() {
            @Override
            public void onTrainingStart(Trainer<?, ?> t) {
                everyRollout.onTrainingStart(trainer);
            }

            @Override
            public boolean onUpdate(Trainer<?, ?> t) {
                return everyRollout.onUpdate(trainer);
            }
        });
        System.out.println("FINISHED without being killed");
    }

    /** The PPO run, as the checkpoint callback sees it, with a slow second save. */
    private static final class SlowAfterFirstSave implements Trainer<float[], Object> {
        private final Ppo ppo;
        private int saves;

        SlowAfterFirstSave(Ppo ppo) {
            this.ppo = ppo;
        }

        @Override
        public long stepsDone() {
            return ppo.stepsDone();
        }

        @Override
        public Map<String, Double> latestMetrics() {
            return ppo.latestMetrics();
        }

        @Override
        public ActorCriticPolicy policy() {
            return ppo.policy();
        }

        @Override
        public void saveCheckpoint(Path file) throws IOException {
            if (saves++ == 0) {
                ppo.saveCheckpoint(file);
                System.out.println("SAVED " + ppo.stepsDone());
                return;
            }
            byte[] padding = new byte[256 << 10];
            Arrays.fill(padding, (byte) 0x5A);
            try (CheckpointWriter writer = CheckpointWriter.create(file)) {
                ppo.writeCheckpoint(writer);
                for (int i = 0; i < 1000; i++) {
                    writer.section("test/padding-" + i, padding);
                    if (i == 3) {
                        System.out.println("WRITING " + ppo.stepsDone());
                    }
                    sleep(10);
                }
                writer.commit();
            }
        }

        private static void sleep(long millis) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while writing slowly", e);
            }
        }
    }
}

package io.github.jrl.algorithms.ppo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.jrl.core.callbacks.CheckpointCallback;
import io.github.jrl.core.checkpoint.Checkpoint;
import io.github.jrl.core.checkpoint.CheckpointDirectory;
import io.github.jrl.core.checkpoint.CorruptCheckpointException;
import io.github.jrl.core.env.Environment;
import io.github.jrl.core.metrics.MetricNames;
import io.github.jrl.core.train.Callback;
import io.github.jrl.core.train.Trainer;
import io.github.jrl.core.wrappers.TimeLimit;
import io.github.jrl.envs.Envs;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Exact resume: a run stopped at a checkpoint and continued in a fresh {@link Ppo} reaches the
 * same parameters, optimiser state and metrics, bit for bit, as the run that was never stopped.
 */
class PpoResumeTest {

    @TempDir
    Path dir;

    @Test
    void aResumedDiscreteRunWithNormalizationIsBitIdentical() throws IOException {
        // 8 copies x 32 steps: CartPole episodes span rollouts, so the checkpoint falls mid-episode
        PpoConfig config = PpoPresets.cartPole().toBuilder().normalizeObservations(true).normalizeRewards(true).seed(5)
                .build();
        assertResumeIsExact(config, () -> Envs.make("CartPole-v1"), 3, 6);
    }

    @Test
    void aResumedContinuousRunIsBitIdentical() throws IOException {
        PpoConfig config = PpoPresets.pendulum().toBuilder().numEnvs(2).numSteps(128).batchSize(64).numEpochs(2).seed(9)
                .build();
        assertResumeIsExact(config, () -> Envs.make("Pendulum-v1"), 2, 4);
    }

    /** Stops after {@code stopAt} of {@code total} rollouts, resumes, and compares with an uninterrupted run. */
    private void assertResumeIsExact(PpoConfig config, Supplier<Environment<float[], Object>> envs, int stopAt,
            int total) throws IOException {
        long stopSteps = (long) stopAt * config.rolloutSize();
        long totalSteps = (long) total * config.rolloutSize();

        MetricsHistory uninterruptedMetrics = new MetricsHistory();
        Ppo uninterrupted = new Ppo(config, envs);
        uninterrupted.learn(totalSteps, uninterruptedMetrics);

        CheckpointDirectory checkpoints = new CheckpointDirectory(dir.resolve(config.seed() + "-checkpoints"));
        MetricsHistory resumedMetrics = new MetricsHistory();
        Ppo interrupted = new Ppo(config, envs);
        interrupted.learn(totalSteps, new CheckpointCallback(checkpoints, stopSteps), resumedMetrics, stopAt(stopSteps));
        assertEquals(stopSteps, interrupted.stepsDone());

        Ppo resumed = Ppo.resume(config, envs, checkpoints.latestValid().orElseThrow().checkpoint());
        assertEquals(stopSteps, resumed.stepsDone());
        assertEquals(stopAt, resumed.updates());
        resumed.learn(totalSteps, resumedMetrics);

        assertEquals(totalSteps, resumed.stepsDone());
        assertArrayEquals(io.github.jrl.nd4j.Buffers.toArray(uninterrupted.model().parameters().params()),
                io.github.jrl.nd4j.Buffers.toArray(resumed.model().parameters().params()));
        assertArrayEquals(adamState(uninterrupted), adamState(resumed));
        assertEquals(uninterruptedMetrics.updates, resumedMetrics.updates);
        assertTrue(resumedMetrics.updates.get(total - 1).containsKey(MetricNames.EPISODIC_RETURN));
    }

    @Test
    void aCheckpointOfOtherEnvironmentsIsRefusedAndNothingIsRestored() throws IOException {
        PpoConfig config = PpoPresets.cartPole().toBuilder().numEnvs(2).numSteps(32).batchSize(64).numEpochs(1).build();
        Ppo ppo = new Ppo(config, () -> Envs.make("CartPole-v1"));
        ppo.learn(64);
        Path file = dir.resolve("cartpole.ckpt");
        ppo.saveCheckpoint(file);
        // the same network, other wrappers: the env section tells them apart
        Ppo other = new Ppo(config, () -> new TimeLimit<>(Envs.make("CartPole-v1"), 50));
        CorruptCheckpointException e = assertThrows(CorruptCheckpointException.class,
                () -> PpoCheckpoint.restore(other, Checkpoint.read(file)));
        assertTrue(e.getMessage().contains("section 'env'"), e.getMessage());
        assertEquals(0, other.stepsDone(), "nothing was restored");
    }

    private static Callback stopAt(long steps) {
        return new Callback() {
            @Override
            public boolean onUpdate(Trainer<?, ?> trainer) {
                return trainer.stepsDone() < steps;
            }
        };
    }


    /** Every update's metrics but the wall-clock throughput. */
    private static final class MetricsHistory implements Callback {
        final List<Map<String, Double>> updates = new ArrayList<>();

        @Override
        public boolean onUpdate(Trainer<?, ?> trainer) {
            Map<String, Double> metrics = new LinkedHashMap<>(trainer.latestMetrics());
            metrics.remove(MetricNames.SPS);
            updates.add(metrics);
            return true;
        }
    }

    /** The optimiser's step count and moments, as its checkpoint section stores them. */
    private static byte[] adamState(Ppo ppo) throws java.io.IOException {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        ppo.optimizer().writeTo(new java.io.DataOutputStream(bytes));
        return bytes.toByteArray();
    }
}

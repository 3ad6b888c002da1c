package io.github.jrl.algorithms.offline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.jrl.core.dataset.Episode;
import io.github.jrl.core.dataset.OfflineDataset;
import io.github.jrl.core.env.Environment;
import io.github.jrl.envs.Envs;
import io.github.jrl.nd4j.nn.Activation;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** TD3+BC and PRDC learn from a small recorded dataset with fixed seeds; delayed actor updates and metrics. */
class Td3BcTest {

    private static final Td3BcConfig SMALL = Td3BcConfig.defaults().withNetworks(List.of(32, 32), Activation.RELU).withBatchSize(128);
    private static final OfflineDataset MOUNTAIN_CAR = Recorded.record("MountainCarContinuous-v0",
            Recorded::mountainCarExpert, 0.1, 10, 5, -33, 93);

    private static OfflineEvaluation train(OfflineLearner learner, int steps) {
        Environment<float[], Object> env = Envs.make("MountainCarContinuous-v0");
        OfflineTrainer trainer = new OfflineTrainer(learner, MOUNTAIN_CAR, env,
                new OfflineTrainerConfig(steps, 10, steps, 0));
        trainer.learn(steps);
        return trainer.lastEvaluation().orElseThrow();
    }

    /**
     * 10 episodes of the scripted MountainCarContinuous expert with 10% random actions; a random
     * policy never reaches the goal (about -33). 1000 gradient steps of 32-32 networks on batches of 128.
     */
    @Test
    void td3BcReachesTheGoalFromTheScriptedData() {
        Environment<float[], Object> env = Envs.make("MountainCarContinuous-v0");
        OfflineEvaluation last = train(new Td3Bc(SMALL, MOUNTAIN_CAR, env.actionSpace()), 1000);
        assertTrue(last.meanReturn() > 80, last.toString());
    }

    @Test
    void prdcReachesTheGoalFromTheScriptedData() {
        Environment<float[], Object> env = Envs.make("MountainCarContinuous-v0");
        OfflineEvaluation last = train(Prdc.learner(new PrdcConfig(SMALL, 2), MOUNTAIN_CAR, env.actionSpace()), 1000);
        assertTrue(last.meanReturn() > 80, last.toString());
    }

    /** The twin critics on two threads: the same metrics and a bit-identical state. */
    @Test
    void twoCriticThreadsGiveTheSameRun() throws IOException {
        Environment<float[], Object> env = Envs.make("MountainCarContinuous-v0");
        Td3Bc one = new Td3Bc(SMALL, MOUNTAIN_CAR, env.actionSpace(), (data, normalizer) -> Td3Bc.BATCH_ACTIONS,
                "Td3Bc", 1);
        Td3Bc two = new Td3Bc(SMALL, MOUNTAIN_CAR, env.actionSpace(), (data, normalizer) -> Td3Bc.BATCH_ACTIONS,
                "Td3Bc", 2);
        var buffer = MOUNTAIN_CAR.toReplayBuffer(MOUNTAIN_CAR.transitionCount(), 0);
        var batch = buffer.newBatch(SMALL.batchSize());
        for (int step = 0; step < 6; step++) {
            buffer.sample(new io.github.jrl.core.random.Rng(step), batch);
            assertEquals(one.update(batch), two.update(batch), "step " + step);
        }
        assertArrayEquals(OneStepTasks.stateBytes(one), OneStepTasks.stateBytes(two));
    }

    /** The actor and the targets move every policyFreq-th update only; the critic every update. */
    @Test
    void actorUpdatesAreDelayed() {
        Environment<float[], Object> env = Envs.make("MountainCarContinuous-v0");
        Td3Bc learner = new Td3Bc(SMALL.withBatchSize(16), MOUNTAIN_CAR, env.actionSpace());
        var buffer = MOUNTAIN_CAR.toReplayBuffer(MOUNTAIN_CAR.transitionCount(), 0);
        var batch = buffer.newBatch(16);
        var rng = new io.github.jrl.core.random.Rng(1);
        buffer.sample(rng, batch);
        Map<String, Double> first = learner.update(batch);
        Map<String, Double> second = learner.update(batch);
        assertEquals(List.of("losses/qf1_values", "losses/qf2_values", "losses/qf1_loss", "losses/qf2_loss",
                "losses/qf_loss"), List.copyOf(first.keySet()));
        assertTrue(second.keySet().containsAll(List.of("losses/actor_loss", "losses/lambda", "losses/bc_loss")));
        assertEquals(0.5 * (second.get("losses/qf1_loss") + second.get("losses/qf2_loss")), second.get("losses/qf_loss"));
    }

    /**
     * 14 steps straight and 7 + checkpoint + 7 in a new trainer give the same actor (the target
     * networks, both Adam states, the smoothing noise and the odd update count are restored).
     */
    @Test
    void prdcResumesExactlyFromACheckpoint(@TempDir Path dir) throws Exception {
        Environment<float[], Object> env = Envs.make("MountainCarContinuous-v0");
        PrdcConfig config = new PrdcConfig(SMALL.withBatchSize(16), 2);
        OfflineTrainerConfig loop = new OfflineTrainerConfig(7, 1, 7, 3);
        OfflineTrainer straight = new OfflineTrainer(Prdc.learner(config, MOUNTAIN_CAR, env.actionSpace()), MOUNTAIN_CAR,
                env, loop);
        straight.learn(14);
        OfflineTrainer first = new OfflineTrainer(Prdc.learner(config, MOUNTAIN_CAR, env.actionSpace()), MOUNTAIN_CAR,
                env, loop);
        first.learn(7);
        Path file = dir.resolve("prdc.ckpt");
        first.saveCheckpoint(file);
        OfflineTrainer resumed = new OfflineTrainer(Prdc.learner(config, MOUNTAIN_CAR, env.actionSpace()), MOUNTAIN_CAR,
                env, loop);
        resumed.restore(file);
        resumed.learn(14);
        assertEquals(straight.latestMetrics().get("losses/qf1_loss"), resumed.latestMetrics().get("losses/qf1_loss"));
        assertEquals(straight.latestMetrics().get("losses/dc_loss"), resumed.latestMetrics().get("losses/dc_loss"));
        Episode episode = MOUNTAIN_CAR.episodes().get(0);
        for (int t = 0; t < episode.length(); t += 5) {
            assertArrayEquals((float[]) straight.policy().actDeterministic(episode.observation(t)),
                    (float[]) resumed.policy().actDeterministic(episode.observation(t)));
        }
    }

    @Test
    void refusesDiscreteActions() {
        OfflineDataset cartPole = Recorded.record("CartPole-v1", Recorded::cartPoleExpert, 0, 1, 3, 22, 500);
        Environment<float[], Object> env = Envs.make("CartPole-v1");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Td3Bc(SMALL, cartPole, env.actionSpace()));
        assertTrue(e.getMessage().contains("continuous"), e.getMessage());
    }
}

package io.github.jrl.algorithms.offline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.jrl.core.buffer.ReplayBuffer;
import io.github.jrl.core.dataset.OfflineDataset;
import io.github.jrl.core.env.Environment;
import io.github.jrl.core.metrics.MetricNames;
import io.github.jrl.core.policy.Policy;
import io.github.jrl.core.train.Callback;
import io.github.jrl.core.train.Trainer;
import io.github.jrl.envs.Envs;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shared offline loop: rounds, evaluations, metrics, divergence, and exact resume from a checkpoint. */
class OfflineTrainerTest {

    private static final OfflineDataset CARTPOLE = Recorded.record("CartPole-v1", Recorded::cartPoleExpert, 0.2, 4, 3,
            22, 500);
    private static final BcConfig SMALL = BcConfig.defaults().withHiddenSizes(List.of(16, 16)).withBatchSize(32);

    private static Environment<float[], Object> cartPole() {
        return Envs.make("CartPole-v1");
    }

    private static OfflineTrainer trainer(OfflineLearner learner, OfflineTrainerConfig config) {
        return new OfflineTrainer(learner, CARTPOLE, cartPole(), config);
    }

    @Test
    void roundsEndWithCallbacksAndEvaluationsRunEveryEvalEveryStepsAndAtTheEnd() {
        OfflineTrainer trainer = trainer(new BehaviorCloning(SMALL, CARTPOLE, cartPole().actionSpace()),
                new OfflineTrainerConfig(40, 2, 20, 7));
        List<Long> updates = new ArrayList<>();
        List<Map<String, Double>> metrics = new ArrayList<>();
        trainer.learn(90, new Callback() {
            @Override
            public boolean onUpdate(Trainer<?, ?> t) {
                updates.add(t.stepsDone());
                metrics.add(t.latestMetrics());
                return true;
            }
        });
        assertEquals(List.of(20L, 40L, 60L, 80L, 90L), updates);
        assertEquals(List.of(40L, 80L, 90L), trainer.evaluations().stream().map(OfflineEvaluation::step).toList());
        assertTrue(metrics.get(1).containsKey(OfflineTrainer.EVAL_NORMALIZED_SCORE));
        assertTrue(!metrics.get(2).containsKey(MetricNames.EVAL_MEAN_REWARD));
        assertTrue(metrics.get(0).containsKey("losses/bc_loss"));
        OfflineEvaluation last = trainer.lastEvaluation().orElseThrow();
        assertEquals(2, last.result().episodes());
        assertEquals(100 * (last.meanReturn() - 22) / (500 - 22), last.normalizedScore(), 1e-9);
    }

    @Test
    void sameSeedsGiveTheSameRun() {
        assertArrayEquals(finalReturns(3), finalReturns(3));
    }

    private static double[] finalReturns(long seed) {
        OfflineTrainer trainer = trainer(new BehaviorCloning(SMALL.withSeed(seed), CARTPOLE, cartPole().actionSpace()),
                new OfflineTrainerConfig(50, 3, 50, seed));
        trainer.learn(50);
        return trainer.lastEvaluation().orElseThrow().result().returns();
    }

    /** 60 steps straight and 30 + checkpoint + 30 in a new trainer act identically. */
    @Test
    void resumesExactlyFromACheckpoint(@TempDir Path dir) throws Exception {
        OfflineTrainerConfig config = new OfflineTrainerConfig(30, 1, 10, 11);
        OfflineTrainer straight = trainer(new BehaviorCloning(SMALL, CARTPOLE, cartPole().actionSpace()), config);
        straight.learn(60);
        OfflineTrainer first = trainer(new BehaviorCloning(SMALL, CARTPOLE, cartPole().actionSpace()), config);
        first.learn(30);
        Path file = dir.resolve("bc.ckpt");
        first.saveCheckpoint(file);
        OfflineTrainer resumed = trainer(new BehaviorCloning(SMALL, CARTPOLE, cartPole().actionSpace()), config);
        resumed.restore(file);
        assertEquals(30, resumed.stepsDone());
        resumed.learn(60);
        assertEquals(straight.latestMetrics().get("losses/bc_loss"), resumed.latestMetrics().get("losses/bc_loss"));
        OfflinePolicy a = (OfflinePolicy) straight.policy();
        OfflinePolicy b = (OfflinePolicy) resumed.policy();
        for (int k = 0; k < CARTPOLE.episodes().get(0).length(); k++) {
            float[] observation = CARTPOLE.episodes().get(0).observation(k);
            assertEquals(a.actDeterministic(observation), b.actDeterministic(observation));
        }
        OfflineTrainer other = trainer(new BehaviorCloning(SMALL.withLearningRate(1e-3), CARTPOLE,
                cartPole().actionSpace()), config);
        assertThrows(IllegalArgumentException.class, () -> other.restore(file));
    }

    @Test
    void aNonFiniteLossStopsTheRun() {
        OfflineTrainer trainer = trainer(new DivergingLearner(), new OfflineTrainerConfig(10, 1, 10, 0));
        ArithmeticException e = assertThrows(ArithmeticException.class, () -> trainer.learn(10));
        assertTrue(e.getMessage().contains("losses/actor_loss is NaN at gradient step 3"), e.getMessage());
    }

    @Test
    void refusesAnEnvironmentOfAnotherKind() {
        Environment<float[], Object> pendulum = Envs.make("Pendulum-v1");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new OfflineTrainer(new DivergingLearner(), CARTPOLE, pendulum, OfflineTrainerConfig.defaults(0)));
        assertTrue(e.getMessage().contains("does not match dataset"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new OfflineTrainerConfig(5000, 10, 300, 0));
    }

    /** Reports a NaN actor loss at its third update. */
    private static final class DivergingLearner implements OfflineLearner {
        private int updates;

        @Override
        public int batchSize() {
            return 4;
        }

        @Override
        public Map<String, Double> update(ReplayBuffer.Batch batch) {
            updates++;
            return Map.of("losses/actor_loss", updates == 3 ? Double.NaN : 1.0);
        }

        @Override
        public Policy<float[], Object> policy() {
            return new Policy<>() {
                @Override
                public Object act(float[] observation, io.github.jrl.core.random.Rng rng) {
                    return 0;
                }

                @Override
                public Object actDeterministic(float[] observation) {
                    return 0;
                }
            };
        }

        @Override
        public void writeState(DataOutputStream out) {
        }

        @Override
        public Restore readState(DataInputStream in) {
            return () -> { };
        }
    }
}

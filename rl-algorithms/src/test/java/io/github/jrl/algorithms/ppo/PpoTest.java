package io.github.jrl.algorithms.ppo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.jrl.core.callbacks.Evaluation;
import io.github.jrl.core.callbacks.EvaluationResult;
import io.github.jrl.core.checkpoint.CorruptCheckpointException;
import io.github.jrl.core.env.Environment;
import io.github.jrl.core.schedule.Schedule;
import io.github.jrl.envs.Envs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PpoTest {

    private static Environment<float[], Object> cartPole() {
        return Envs.make("CartPole-v1");
    }

    /** The learning target, one seed: the zoo preset solves CartPole-v1 in 100k steps. */
    @Test
    void zooPresetSolvesCartPoleIn100kSteps() {
        Ppo ppo = new Ppo(PpoPresets.cartPole().toBuilder().seed(0).build(), PpoTest::cartPole);
        ppo.learn(100_000);
        EvaluationResult result = Evaluation.evaluate(ppo.policy(), cartPole(), 20, true, 12345);
        assertTrue(result.mean() >= 475, "mean evaluation return " + result.mean());
        Map<String, Double> metrics = ppo.latestMetrics();
        for (String name : new String[] {"losses/policy_loss", "losses/value_loss", "losses/entropy", "losses/approx_kl",
            "losses/clipfrac", "losses/explained_variance", "charts/learning_rate", "charts/SPS",
            "charts/episodic_return", "charts/episodic_length"}) {
            assertTrue(metrics.containsKey(name), "missing metric " + name + " in " + metrics.keySet());
        }
    }

    @Test
    void sameSeedGivesIdenticalRuns() {
        PpoConfig config = PpoPresets.cartPole().toBuilder().seed(7).build();
        Ppo a = new Ppo(config, PpoTest::cartPole);
        Ppo b = new Ppo(config, PpoTest::cartPole);
        a.learn(2048);
        b.learn(2048);
        assertEquals(a.latestMetrics(), withoutTiming(b.latestMetrics(), a.latestMetrics()));
        float[] obs = {0.01f, -0.02f, 0.03f, 0.01f};
        assertEquals(a.policy().value(obs), b.policy().value(obs));
    }

    private static Map<String, Double> withoutTiming(Map<String, Double> metrics, Map<String, Double> reference) {
        Map<String, Double> copy = new java.util.LinkedHashMap<>(metrics);
        copy.put("charts/SPS", reference.get("charts/SPS"));
        return copy;
    }

    @Test
    void continuousActionsLearnOnPendulumWithoutErrors() {
        PpoConfig config = PpoPresets.pendulum().toBuilder().numSteps(256).seed(1).build();
        Ppo ppo = new Ppo(config, () -> Envs.<float[], Object>make("Pendulum-v1"));
        ppo.learn(2048);
        assertTrue(ppo.latestMetrics().containsKey("losses/std"));
        Object action = ppo.policy().actDeterministic(new float[] {1f, 0f, 0f});
        assertTrue(action instanceof float[] a && a.length == 1 && a[0] >= -2 && a[0] <= 2);
    }

    @Test
    void checkpointRestoresTheLearnedState(@TempDir Path dir) throws IOException {
        PpoConfig config = PpoPresets.acrobot().toBuilder().numEnvs(2).numSteps(64).seed(3).build();
        Ppo ppo = new Ppo(config, () -> Envs.<float[], Object>make("Acrobot-v1"));
        ppo.learn(256);
        Path file = dir.resolve("ppo.ckpt");
        ppo.saveCheckpoint(file);
        Ppo resumed = Ppo.resume(config, () -> Envs.<float[], Object>make("Acrobot-v1"), file);
        assertEquals(ppo.stepsDone(), resumed.stepsDone());
        float[] obs = {1f, 0f, 1f, 0f, 0.1f, -0.1f};
        assertEquals(ppo.policy().value(obs), resumed.policy().value(obs));
        assertEquals(ppo.policy().actDeterministic(obs), resumed.policy().actDeterministic(obs));

        PpoConfig other = config.toBuilder().learningRate(Schedule.constant(1e-4)).build();
        assertThrows(IllegalArgumentException.class,
                () -> Ppo.resume(other, () -> Envs.<float[], Object>make("Acrobot-v1"), file));
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length / 2] ^= 0x40;
        Files.write(file, bytes);
        assertThrows(CorruptCheckpointException.class,
                () -> Ppo.resume(config, () -> Envs.<float[], Object>make("Acrobot-v1"), file));
    }

    @Test
    void invalidConfigsNameTheField() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PpoConfig.builder().numEnvs(3).numSteps(10).batchSize(7).build());
        assertTrue(e.getMessage().startsWith("batchSize must divide"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> PpoConfig.builder().gamma(1.5).build());
        assertTrue(e.getMessage().startsWith("gamma must be in [0, 1]"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> PpoConfig.builder().targetKl(-1).build());
        assertThrows(IllegalArgumentException.class, () -> PpoPresets.forEnv("Nope-v0"));
    }

    @Test
    void discreteObservationsNeedEncoding() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Ppo(PpoConfig.builder().numSteps(64).build(),
                        () -> io.github.jrl.envs.Envs.<float[], Object>make("FrozenLake-v1")));
        assertTrue(e.getMessage().contains("OneHotObservation"), e.getMessage());
    }
}

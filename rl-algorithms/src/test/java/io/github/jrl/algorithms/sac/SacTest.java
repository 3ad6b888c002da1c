package io.github.jrl.algorithms.sac;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.jrl.core.buffer.ReplayBuffer;
import io.github.jrl.core.checkpoint.CorruptCheckpointException;
import io.github.jrl.core.env.Environment;
import io.github.jrl.core.random.Rng;
import io.github.jrl.envs.Envs;
import io.github.jrl.nd4j.policy.ActorPolicy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SacTest {

    private static Environment<float[], Object> pendulum() {
        return Envs.make("Pendulum-v1");
    }

    private static Environment<float[], Object> cartPole() {
        return Envs.make("CartPole-v1");
    }

    /** Small networks and batches: these tests check the mechanics, not the learning. */
    private static SacConfig small(long seed) {
        return SacConfig.builder().hiddenSizes(16, 16).batchSize(32).learningStarts(50).seed(seed).build();
    }

    private static Map<String, Double> withoutTiming(Map<String, Double> metrics) {
        Map<String, Double> copy = new LinkedHashMap<>(metrics);
        copy.remove("charts/SPS");
        return copy;
    }

    private static String action(Object action) {
        return action instanceof float[] a ? Arrays.toString(a) : String.valueOf(action);
    }

    @Test
    void sameSeedGivesIdenticalRuns() {
        for (boolean discrete : new boolean[] {false, true}) {
            Sac a = discrete ? new Sac(small(7), SacTest::cartPole) : new Sac(small(7), SacTest::pendulum);
            Sac b = discrete ? new Sac(small(7), SacTest::cartPole) : new Sac(small(7), SacTest::pendulum);
            a.learn(300);
            b.learn(300);
            assertEquals(withoutTiming(a.latestMetrics()), withoutTiming(b.latestMetrics()));
            float[] obs = discrete ? new float[] {0.01f, -0.02f, 0.03f, 0.01f} : new float[] {1f, 0f, 0.5f};
            assertEquals(action(a.policy().act(obs, new Rng(1))), action(b.policy().act(obs, new Rng(1))));
        }
    }

    @Test
    void metricsAreNamedAsCleanRlNamesThem() {
        Sac sac = new Sac(small(1), SacTest::pendulum);
        sac.learn(400);
        for (String name : new String[] {"losses/qf1_values", "losses/qf2_values", "losses/qf1_loss", "losses/qf2_loss",
            "losses/qf_loss", "losses/actor_loss", "losses/alpha", "losses/alpha_loss", "losses/entropy", "charts/SPS",
            "charts/episodic_return", "charts/episodic_length"}) {
            assertTrue(sac.latestMetrics().containsKey(name), "missing metric " + name + " in " + sac.latestMetrics().keySet());
        }
        assertEquals(400 - 50, sac.gradientSteps());
        assertEquals(-1.0, sac.targetEntropy());
        Sac fixed = new Sac(small(1).toBuilder().fixedEntCoef(0.05).build(), SacTest::pendulum);
        fixed.learn(100);
        // alpha is held as a float32 log alpha
        assertEquals(0.05, fixed.latestMetrics().get("losses/alpha"), 1e-8);
        assertTrue(!fixed.latestMetrics().containsKey("losses/alpha_loss"));
        Sac discrete = new Sac(small(1), SacTest::cartPole);
        assertEquals(0.89 * Math.log(2), discrete.targetEntropy(), 1e-12);
    }

    /**
     * Pendulum-v1 truncates at 200 steps: the 200th transition is stored as truncated, not
     * terminated, with the episode's final observation as s' (not the next episode's first,
     * which the vector env already shows), so its target bootstraps from the right state.
     */
    @Test
    void truncationIsStoredApartWithTheFinalObservation() {
        Sac sac = new Sac(SacConfig.builder().hiddenSizes(8).learningStarts(1000).seed(2).build(), SacTest::pendulum);
        sac.learn(201);
        ReplayBuffer buffer = sac.buffer();
        assertEquals(201, buffer.size());
        ReplayBuffer.Batch batch = buffer.newBatch(20_000);
        buffer.sample(new Rng(3), batch);
        float[][] obs = new float[201][];
        float[][] next = new float[201][];
        boolean[] truncated = new boolean[201];
        for (int k = 0; k < batch.size(); k++) {
            int row = batch.indices()[k];
            obs[row] = Arrays.copyOfRange(batch.observations(), 3 * k, 3 * k + 3);
            next[row] = Arrays.copyOfRange(batch.nextObservations(), 3 * k, 3 * k + 3);
            truncated[row] = batch.truncated()[k];
            assertTrue(!batch.terminated()[k], "Pendulum never terminates");
        }
        for (int t = 0; t < 199; t++) {
            assertArrayEquals(next[t], obs[t + 1], "s' of step " + t + " is the next step's s");
            assertTrue(!truncated[t]);
        }
        assertTrue(truncated[199]);
        assertTrue(!Arrays.equals(next[199], obs[200]), "s' of the truncated step is the final observation");
    }

    @Test
    void checkpointRestoresTheRun(@TempDir Path dir) throws IOException {
        for (boolean discrete : new boolean[] {false, true}) {
            SacConfig config = small(3);
            java.util.function.Supplier<Environment<float[], Object>> env = discrete ? SacTest::cartPole : SacTest::pendulum;
            Sac sac = new Sac(config, env);
            sac.learn(300);
            Path file = dir.resolve("sac-" + discrete + ".ckpt");
            sac.saveCheckpoint(file);
            Sac resumed = Sac.resume(config, env, file);
            assertEquals(sac.stepsDone(), resumed.stepsDone());
            assertEquals(sac.gradientSteps(), resumed.gradientSteps());
            assertEquals(sac.bufferSize(), resumed.bufferSize());
            float[] obs = discrete ? new float[] {0.01f, -0.02f, 0.03f, 0.01f} : new float[] {1f, 0f, 0.5f};
            ActorPolicy before = sac.policy();
            ActorPolicy after = resumed.policy();
            assertEquals(action(before.act(obs, new Rng(5))), action(after.act(obs, new Rng(5))));
            // a resumed run continues exactly as the saved one: envs mid-episode, episode window, generators
            Sac again = Sac.resume(config, env, file);
            sac.learn(400);
            resumed.learn(400);
            again.learn(400);
            assertEquals(withoutTiming(sac.latestMetrics()), withoutTiming(resumed.latestMetrics()));
            assertEquals(withoutTiming(resumed.latestMetrics()), withoutTiming(again.latestMetrics()));
        }
        Path file = dir.resolve("sac-false.ckpt");
        SacConfig other = small(3).toBuilder().tau(0.01).build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Sac.resume(other, SacTest::pendulum, file));
        assertTrue(e.getMessage().contains("was written with another SAC config (checkpoint vs this run): [tau: 0.005"
                + " vs 0.01]"), e.getMessage());
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length / 3] ^= 0x40;
        Files.write(file, bytes);
        assertThrows(CorruptCheckpointException.class, () -> Sac.resume(small(3), SacTest::pendulum, file));
    }

    @Test
    void invalidConfigsAndEnvironmentsNameTheProblem() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SacConfig.builder().tau(1.5).build());
        assertTrue(e.getMessage().startsWith("tau must be in [0, 1]"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> SacConfig.builder().fixedEntCoef(0).build());
        assertTrue(e.getMessage().startsWith("entCoef"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> SacConfig.builder().gradientSteps(0).build());
        assertTrue(e.getMessage().startsWith("gradientSteps must be positive"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> SacConfig.builder().hiddenSizes().build());
        assertTrue(e.getMessage().startsWith("hiddenSizes"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> SacPresets.forEnv("Nope-v0"));
        e = assertThrows(IllegalArgumentException.class,
                () -> new Sac(small(0), () -> Envs.<float[], Object>make("FrozenLake-v1")));
        assertTrue(e.getMessage().contains("OneHotObservation"), e.getMessage());
        assertNotEquals(SacPresets.pendulum(), SacPresets.mountainCarContinuous());
    }
}

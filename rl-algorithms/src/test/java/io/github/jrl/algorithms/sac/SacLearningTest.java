package io.github.jrl.algorithms.sac;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.jrl.core.callbacks.Evaluation;
import io.github.jrl.core.env.Environment;
import io.github.jrl.envs.Envs;
import org.junit.jupiter.api.Test;

/**
 * Short seeded learning checks of the three presets, cut to fit CI (a few seconds each): each
 * must clearly beat a random policy. The full learning targets (Pendulum-v1 at 20k steps,
 * MountainCarContinuous-v0 within 50k, discrete CartPole-v1 within 100k, five seeds) are
 * measured with {@code bench sac} and reported in docs/sac.md.
 */
class SacLearningTest {

    private static double evaluate(Sac sac, String envId) {
        Environment<float[], Object> env = Envs.make(envId);
        return Evaluation.evaluate(sac.policy(), env, 10, true, 1_000_000).mean();
    }

    /** Zoo preset with 64-64 networks and batch 128: about -170 after 4000 steps (random: about -1200). */
    @Test
    void pendulumSwingsUpWithin4000Steps() {
        SacConfig config = SacPresets.pendulum().toBuilder().hiddenSizes(64, 64).batchSize(128).seed(0).build();
        Sac sac = new Sac(config, () -> Envs.<float[], Object>make("Pendulum-v1"));
        sac.learn(4000);
        double mean = evaluate(sac, "Pendulum-v1");
        assertTrue(mean >= -400, "mean evaluation return " + mean);
    }

    /**
     * What makes MountainCarContinuous-v0 work: with the untrained policy, pink noise drives the
     * car to the goal within 8000 steps (positive mean training return), white noise never does
     * (each episode times out with only the action cost).
     */
    @Test
    void pinkNoiseReachesTheMountainCarGoalWhereWhiteNoiseDoesNot() {
        for (ExplorationNoise noise : ExplorationNoise.values()) {
            // one training round after 8000 steps: collection is the untrained policy's
            SacConfig config = SacPresets.mountainCarContinuous().toBuilder().explorationNoise(noise).trainFreq(8000)
                    .gradientSteps(1).seed(0).build();
            Sac sac = new Sac(config, () -> Envs.<float[], Object>make("MountainCarContinuous-v0"));
            sac.learn(8000);
            double meanReturn = sac.latestMetrics().get("charts/episodic_return");
            assertTrue(noise == ExplorationNoise.PINK ? meanReturn > 0 : meanReturn < 0,
                    noise + " noise: mean training return " + meanReturn);
        }
    }

    /** Zoo preset with batch 128: about 95 after 12k steps (standing still: 0). */
    @Test
    void mountainCarReachesTheGoalWithin12000Steps() {
        SacConfig config = SacPresets.mountainCarContinuous().toBuilder().batchSize(128).seed(0).build();
        Sac sac = new Sac(config, () -> Envs.<float[], Object>make("MountainCarContinuous-v0"));
        sac.learn(12_000);
        double mean = evaluate(sac, "MountainCarContinuous-v0");
        assertTrue(mean >= 80, "mean evaluation return " + mean);
    }

    /** Discrete SAC, CartPole preset: about 290 after 5000 steps (random: about 22). */
    @Test
    void discreteSacBalancesCartPoleWithin5000Steps() {
        Sac sac = new Sac(SacPresets.cartPole().toBuilder().seed(0).build(), () -> Envs.<float[], Object>make("CartPole-v1"));
        sac.learn(5000);
        double mean = evaluate(sac, "CartPole-v1");
        assertTrue(mean >= 150, "mean evaluation return " + mean);
    }
}

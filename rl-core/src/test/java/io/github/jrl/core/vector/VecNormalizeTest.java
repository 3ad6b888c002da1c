package io.github.jrl.core.vector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.jrl.core.env.RandomWalk;
import org.junit.jupiter.api.Test;

class VecNormalizeTest {

    @Test
    void observationsUseSharedStatisticsAndRewardsTheReturnStd() {
        VecNormalize env = new VecNormalize(new SyncVectorEnv<>(RandomWalk::new, 4), true, true, 0.9);
        VectorEnv twin = new SyncVectorEnv<>(RandomWalk::new, 4);
        env.reset(0);
        twin.reset(0);
        float[] raw = twin.observations();
        // statistics after merging the 4 raw observations into the prior (mean 0, var 1, count 1e-4)
        double batchMean = 0;
        for (float x : raw) {
            batchMean += x / 4.0;
        }
        double batchVar = 0;
        for (float x : raw) {
            batchVar += (x - batchMean) * (x - batchMean) / 4.0;
        }
        double total = 1e-4 + 4;
        double mean = batchMean * 4 / total;
        double var = (1e-4 + batchVar * 4 + batchMean * batchMean * 1e-4 * 4 / total) / total;
        for (int i = 0; i < 4; i++) {
            assertEquals((raw[i] - mean) / Math.sqrt(var + 1e-8), env.observations()[i], 1e-5);
        }
        env.step(new float[] {1, 1, 1, 1});
        double scale = Math.sqrt(env.returnStatistics().var(0) + 1e-8);
        for (int i = 0; i < 4; i++) {
            assertEquals(Math.max(-10, Math.min(10, env.rawRewards()[i] / scale)), env.rewards()[i], 1e-9);
        }
        assertEquals(4 + 1e-4, env.returnStatistics().count(), 1e-9);
        env.setTraining(false);
        double count = env.observationStatistics().count();
        env.step(new float[] {0, 0, 0, 0});
        assertEquals(count, env.observationStatistics().count());
    }

    @Test
    void rewardNormalisationNeedsScalarRewards() {
        assertThrows(IllegalArgumentException.class,
                () -> new VecNormalize(new SyncVectorEnv<>(() -> new RandomWalk(2), 2), false, true, 0.99));
    }
}

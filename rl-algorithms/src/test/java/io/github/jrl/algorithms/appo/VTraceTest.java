package io.github.jrl.algorithms.appo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.jrl.core.buffer.RolloutBuffer;
import io.github.jrl.core.random.Rng;
import org.junit.jupiter.api.Test;

/** V-trace against values worked out by hand, and against GAE on on-policy data. */
class VTraceTest {

    private static final double GAMMA = 0.9;
    private static final float[] REWARDS = {1, 2, 3};
    private static final float[] VALUES = {0.5f, 1.0f, 1.5f};
    private static final float[] LAST = {2};
    /** rho = 0.5, 2 (truncated to 1), 1. */
    private static final float[] LOG_RHOS = {(float) Math.log(0.5), (float) Math.log(2.0), 0f};

    private static float[][] vtrace(float[] logRhos, float[] rewards, boolean[] dones, double lambda) {
        float[] vs = new float[3];
        float[] advantages = new float[3];
        VTrace.compute(3, 1, logRhos, rewards, dones, VALUES, LAST, GAMMA, lambda, VTrace.Thresholds.DEFAULT, vs,
                advantages);
        return new float[][] {vs, advantages};
    }

    /*
     * gamma 0.9, lambda 1, one copy, no episode end, bootstrap V(x_3) = 2:
     * t=2: rho 1:   delta = 3 + 0.9*2 - 1.5 = 3.3;           v_2 = 1.5 + 3.3 = 4.8;   A_2 = 3.3
     * t=1: rho 2 -> 1, c 1: delta = 2 + 0.9*1.5 - 1 = 2.35;  v_1 - V = 2.35 + 0.9*3.3 = 5.32, v_1 = 6.32
     *      A_1 = min(1, 2) (2 + 0.9*4.8 - 1) = 5.32
     * t=0: rho 0.5: delta = 0.5 (1 + 0.9*1 - 0.5) = 0.7;     v_0 - V = 0.7 + 0.9*0.5*5.32 = 3.094, v_0 = 3.594
     *      A_0 = 0.5 (1 + 0.9*6.32 - 0.5) = 3.094
     */
    @Test
    void truncatedImportanceWeightsGiveTheHandComputedTargets() {
        float[][] out = vtrace(LOG_RHOS, REWARDS, new boolean[3], 1.0);
        assertArrayEquals(new float[] {3.594f, 6.32f, 4.8f}, out[0], 1e-5f);
        assertArrayEquals(new float[] {3.094f, 5.32f, 3.3f}, out[1], 1e-5f);
    }

    /*
     * Episode ends after step 1. Terminated: V(x_2) counts as 0 and nothing flows back from step 2:
     *   v_1 = 1 + (2 - 1) = 2, A_1 = 1;  v_0 = 0.5 + 0.7 + 0.9*0.5*1 = 1.65, A_0 = 0.5 (1 + 0.9*2 - 0.5) = 1.15.
     * Truncated with V(final observation) = 4: the collector stores r = 2 + 0.9*4 = 5.6, so
     *   v_1 = 5.6, A_1 = 4.6;  v_0 = 0.5 + 0.7 + 0.45*4.6 = 3.27, A_0 = 0.5 (1 + 0.9*5.6 - 0.5) = 2.77.
     * Step 2 (the next episode) is the same in both: v_2 = 4.8, A_2 = 3.3.
     */
    @Test
    void terminationsEndOnTheRewardAndTruncationsOnTheBootstrappedReward() {
        boolean[] endsAfterStep1 = {false, true, false};
        float[][] terminated = vtrace(LOG_RHOS, REWARDS, endsAfterStep1, 1.0);
        assertArrayEquals(new float[] {1.65f, 2.0f, 4.8f}, terminated[0], 1e-5f);
        assertArrayEquals(new float[] {1.15f, 1.0f, 3.3f}, terminated[1], 1e-5f);
        float[] bootstrapped = {1, (float) (2 + GAMMA * 4), 3};
        float[][] truncated = vtrace(LOG_RHOS, bootstrapped, endsAfterStep1, 1.0);
        assertArrayEquals(new float[] {3.27f, 5.6f, 4.8f}, truncated[0], 1e-5f);
        assertArrayEquals(new float[] {2.77f, 4.6f, 3.3f}, truncated[1], 1e-5f);
        float[][] otherNextEpisode = vtrace(LOG_RHOS, new float[] {1, 2, -7}, endsAfterStep1, 1.0);
        assertEquals(terminated[0][0], otherNextEpisode[0][0]);
        assertEquals(terminated[0][1], otherNextEpisode[0][1]);
        assertEquals(terminated[1][0], otherNextEpisode[1][0]);
    }

    /** On-policy (rho = 1): the targets are the rollout buffer's GAE(lambda) returns, bit for bit. */
    @Test
    void onPolicyTargetsAreGaeReturns() {
        int numSteps = 7;
        int numEnvs = 3;
        int rows = numSteps * numEnvs;
        Rng rng = new Rng(5);
        float[] rewards = new float[rows];
        float[] values = new float[rows];
        boolean[] dones = new boolean[rows];
        for (int r = 0; r < rows; r++) {
            rewards[r] = (float) rng.nextDouble(-1, 2);
            values[r] = (float) rng.nextDouble(-1, 3);
            dones[r] = rng.nextDouble() < 0.2;
        }
        float[] last = {0.3f, -0.7f, 1.1f};
        for (double lambda : new double[] {0.0, 0.8, 1.0}) {
            RolloutBuffer buffer = new RolloutBuffer(numSteps, numEnvs, 1, 1);
            for (int t = 0; t < numSteps; t++) {
                int from = t * numEnvs;
                buffer.add(new float[numEnvs], new float[numEnvs], slice(rewards, from, numEnvs),
                        java.util.Arrays.copyOfRange(dones, from, from + numEnvs), slice(values, from, numEnvs),
                        new float[numEnvs]);
            }
            buffer.computeReturnsAndAdvantages(last, GAMMA, lambda);
            float[] vs = new float[rows];
            float[] advantages = new float[rows];
            VTrace.Statistics statistics = VTrace.compute(numSteps, numEnvs, new float[rows], rewards, dones, values,
                    last, GAMMA, lambda, VTrace.Thresholds.DEFAULT, vs, advantages);
            assertArrayEquals(buffer.returns(), vs, "lambda " + lambda);
            assertEquals(1.0, statistics.meanRho());
            assertEquals(0.0, statistics.clippedRhoFraction());
            if (lambda == 1.0) {
                // with lambda = 1 the advantage is GAE(1)'s: the discounted return to the end minus V
                assertArrayEquals(buffer.advantages(), advantages, 1e-5f);
            }
        }
    }

    @Test
    void badInputIsRefusedWithWhatWasExpected() {
        float[] three = new float[3];
        IllegalArgumentException shortArray = assertThrows(IllegalArgumentException.class, () -> VTrace.compute(3, 1,
                new float[2], three, new boolean[3], three, LAST, GAMMA, 1, VTrace.Thresholds.DEFAULT, three, three));
        assertEquals(true, shortArray.getMessage().contains("needs 3 rows"));
        assertThrows(IllegalArgumentException.class, () -> VTrace.compute(3, 1, three, three, new boolean[3], three,
                LAST, 1.5, 1, VTrace.Thresholds.DEFAULT, three, three));
        assertThrows(IllegalArgumentException.class, () -> new VTrace.Thresholds(0.5, 1.0, 1.0));
        assertThrows(IllegalArgumentException.class, () -> new VTrace.Thresholds(1.0, 0.0, 1.0));
    }

    private static float[] slice(float[] values, int from, int n) {
        return java.util.Arrays.copyOfRange(values, from, from + n);
    }
}

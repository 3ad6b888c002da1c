package io.github.jrl.algorithms.multiobjective;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.jrl.core.env.Environment;
import io.github.jrl.core.multiobjective.Hypervolume;
import io.github.jrl.envs.EnvRegistry;
import io.github.jrl.envs.mo.DeepSeaTreasure.TreasureMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class ParetoQLearningTest {

    private static final int[] START = {0, 0};
    private static final double[] DST_REFERENCE = {0, -25};
    /** Steps within which every seed below recovers both fronts (the slowest needs 90k). */
    private static final long DST_BUDGET = 120_000;
    private static final long CHECK_EVERY = 10_000;

    /** Undiscounted returns, as in the targets; the rest are morl-baselines' defaults. */
    private static ParetoQLearningConfig.Builder undiscounted(long seed) {
        return ParetoQLearningConfig.builder(DST_REFERENCE).gamma(1.0).seed(seed);
    }

    static Stream<Arguments> mapsAndSeeds() {
        return Stream.of(TreasureMap.values())
                .flatMap(map -> Stream.of(0L, 1L, 2L, 3L, 4L).map(seed -> Arguments.of(map, seed)));
    }

    @ParameterizedTest
    @MethodSource("mapsAndSeeds")
    void recoversTheWholeDeepSeaTreasureFrontExactly(TreasureMap map, long seed, TestReporter reporter) {
        ParetoQLearning<int[]> pql = new ParetoQLearning<>(undiscounted(seed).build(), make(map));
        List<double[]> expected = float32Front(map);
        long recoveredAt = -1;
        while (pql.stepsDone() < DST_BUDGET) {
            pql.learn(CHECK_EVERY);
            boolean recovered = sameFront(expected, pql.evaluateFront(make(map), 0));
            if (recovered && recoveredAt < 0) {
                recoveredAt = pql.stepsDone();
            }
            assertTrue(recovered || recoveredAt < 0, "lost the front again after " + pql.stepsDone() + " steps");
        }
        assertTrue(recoveredAt > 0, map + " seed " + seed + ": front not recovered in " + DST_BUDGET + " steps");
        assertFront(expected, pql.front(START));
        List<double[]> returns = pql.evaluateFront(make(map), 0);
        assertFront(expected, returns);
        double hypervolume = Hypervolume.of(returns, DST_REFERENCE);
        assertEquals(map == TreasureMap.CONVEX ? 401.8 : 1155.0, hypervolume, 1e-4);
        reporter.publishEntry(map + " seed " + seed, "all 10 points after " + recoveredAt
                + " steps; hypervolume " + hypervolume);
    }

    @ParameterizedTest
    @EnumSource(value = SetEvaluation.class, names = {"CARDINALITY", "PARETO"})
    void theOtherSetEvaluationsRecoverTheConcaveFrontToo(SetEvaluation evaluation) {
        ParetoQLearning<int[]> pql = new ParetoQLearning<>(undiscounted(0).setEvaluation(evaluation).build(),
                make(TreasureMap.CONCAVE));
        pql.learn(60_000);
        assertFront(float32Front(TreasureMap.CONCAVE), pql.evaluateFront(make(TreasureMap.CONCAVE), 0));
    }

    @Test
    void learnsTheHandComputedSetsOfASmallMdp() {
        // gamma 0.5: from state 0, action 0 returns [1, 0]; action 1 then [0, 2] or [0.5, 0.5]
        // returns [0, 1] or [0.25, 0.25] (the [0, 1] of action 2 in state 1 is dominated by
        // [0, 2]); looping on action 2 only adds dominated vectors.
        ParetoQLearning<Integer> pql = new ParetoQLearning<>(ParetoQLearningConfig.builder(-1, -1).gamma(0.5)
                .initialEpsilon(1).finalEpsilon(1).seed(3).build(), new BranchingChain(false));
        pql.learn(2_000);
        assertFront(List.of(new double[] {0, 1}, new double[] {0.25, 0.25}, new double[] {1, 0}), pql.front(0));
        assertFront(List.of(new double[] {0, 2}, new double[] {0.5, 0.5}), pql.front(1));
        assertEquals(3, pql.statesSeen());
    }

    @Test
    void trackingFollowsAVectorAndReturnsTheUndiscountedReturn() {
        ParetoQLearning<Integer> pql = new ParetoQLearning<>(ParetoQLearningConfig.builder(-1, -1).gamma(0.5)
                .initialEpsilon(1).finalEpsilon(1).seed(3).build(), new BranchingChain(false));
        pql.learn(2_000);
        TrackedPolicy<Integer> policy = pql.track(new double[] {0.25, 0.25});
        assertEquals(1, policy.act(0));
        assertArrayEquals(new double[] {0.5, 0.5}, policy.target(), "the future vector of state 1");
        assertEquals(1, policy.act(1));
        // Discounted, [0.5, 0.5] after one step is worth [0.25, 0.25]; the episode returns it undiscounted.
        assertArrayEquals(new double[] {0.5, 0.5}, policy.episodeReturn(new BranchingChain(false), 0));
        policy.reset();
        assertArrayEquals(new double[] {0.25, 0.25}, policy.target(), "reset restores the initial target");
    }

    @Test
    void sameSeedSameSetsWhetherLearnedInOneCallOrInChunks() {
        ParetoQLearning<int[]> once = new ParetoQLearning<>(undiscounted(7).build(), make(TreasureMap.CONVEX));
        ParetoQLearning<int[]> chunks = new ParetoQLearning<>(undiscounted(7).build(), make(TreasureMap.CONVEX));
        once.learn(30_000);
        for (int i = 0; i < 3; i++) {
            chunks.learn(10_000);
        }
        assertEquals(30_000, chunks.stepsDone());
        List<double[]> a = once.front(START);
        List<double[]> b = chunks.front(START);
        assertEquals(a.size(), b.size());
        for (int i = 0; i < a.size(); i++) {
            assertArrayEquals(a.get(i), b.get(i));
        }
    }

    @Test
    void stochasticTransitionsRaise() {
        ParetoQLearning<Integer> pql = new ParetoQLearning<>(ParetoQLearningConfig.builder(-1, -1)
                .initialEpsilon(1).finalEpsilon(1).seed(0).build(), new BranchingChain(true));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> pql.learn(1_000));
        assertTrue(e.getMessage().contains("action 0 in state 0 led to"), e.getMessage());
        assertTrue(e.getMessage().contains("deterministic transitions"), e.getMessage());
    }

    @Test
    void badSetupsRaise() {
        IllegalArgumentException dims = assertThrows(IllegalArgumentException.class, () -> new ParetoQLearning<>(
                ParetoQLearningConfig.builder(0, 0, 0).build(), make(TreasureMap.CONVEX)));
        assertTrue(dims.getMessage().contains("has 2 reward components but the reference point"), dims.getMessage());
        Environment<float[], Integer> floatState = EnvRegistry.defaults().make("deep-sea-treasure-v0",
                Map.of("float_state", true));
        IllegalArgumentException space = assertThrows(IllegalArgumentException.class,
                () -> new ParetoQLearning<>(ParetoQLearningConfig.builder(0, -25).build(), floatState));
        assertTrue(space.getMessage().contains("tabular learning needs a Discrete"), space.getMessage());
        ParetoQLearning<int[]> fresh = new ParetoQLearning<>(undiscounted(0).build(), make(TreasureMap.CONVEX));
        IllegalArgumentException unseen = assertThrows(IllegalArgumentException.class, () -> fresh.front(START));
        assertTrue(unseen.getMessage().contains("was never visited"), unseen.getMessage());
        assertThrows(IllegalArgumentException.class, () -> fresh.track(new double[] {1}));
        assertThrows(IllegalArgumentException.class, () -> fresh.learn(-1));
    }

    @Test
    void configIsValidatedAndEpsilonDecaysLinearly() {
        ParetoQLearningConfig config = ParetoQLearningConfig.builder(0, -25).build();
        assertEquals(0.8, config.gamma());
        assertEquals(SetEvaluation.HYPERVOLUME, config.setEvaluation());
        assertEquals(1.0, config.epsilon(0));
        assertEquals(0.55, config.epsilon(50_000), 1e-12);
        assertEquals(0.1, config.epsilon(100_000));
        assertEquals(0.1, config.epsilon(10_000_000));
        assertEquals(config, ParetoQLearningConfig.builder(0, -25).build());
        assertThrows(IllegalArgumentException.class, () -> ParetoQLearningConfig.builder(0, -25).gamma(1.1).build());
        assertThrows(IllegalArgumentException.class, () -> ParetoQLearningConfig.builder(0, -25).finalEpsilon(-0.1).build());
        assertThrows(IllegalArgumentException.class, () -> ParetoQLearningConfig.builder(0, -25).epsilonDecaySteps(-1).build());
        assertThrows(IllegalArgumentException.class, () -> ParetoQLearningConfig.builder(0, Double.NaN).build());
        assertThrows(IllegalArgumentException.class, () -> ParetoQLearningConfig.builder().build());
        assertEquals(0.1, ParetoQLearningConfig.builder(0, -25).epsilonDecaySteps(0).build().epsilon(0));
    }

    private static Environment<int[], Integer> make(TreasureMap map) {
        return EnvRegistry.defaults().make(map.envId());
    }

    /** The map's front with treasure values in float32, as the environment pays them. */
    private static List<double[]> float32Front(TreasureMap map) {
        List<double[]> front = new ArrayList<>();
        for (double[] p : map.paretoFront()) {
            front.add(new double[] {(float) p[0], p[1]});
        }
        return front;
    }

    private static boolean sameFront(List<double[]> expected, List<double[]> actual) {
        List<double[]> a = sorted(expected);
        List<double[]> b = sorted(actual);
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (!Arrays.equals(a.get(i), b.get(i))) {
                return false;
            }
        }
        return true;
    }

    private static void assertFront(List<double[]> expected, List<double[]> actual) {
        List<double[]> a = sorted(expected);
        List<double[]> b = sorted(actual);
        assertEquals(a.size(), b.size(), "front size");
        for (int i = 0; i < a.size(); i++) {
            assertArrayEquals(a.get(i), b.get(i), "point " + i);
        }
    }

    private static List<double[]> sorted(List<double[]> points) {
        List<double[]> copy = new ArrayList<>(points);
        copy.sort(Comparator.<double[]>comparingDouble(p -> p[0]).thenComparingDouble(p -> p[1]));
        return copy;
    }
}

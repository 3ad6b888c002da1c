package io.github.jrl.algorithms.preference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.jrl.core.metrics.MultiSink;
import io.github.jrl.core.random.Rng;
import io.github.jrl.nd4j.nn.TransformerSpec;
import io.github.jrl.nd4j.token.Sampling;
import io.github.jrl.nd4j.token.TokenPolicy;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DpoTest {

    private static final TransformerSpec SPEC = new TransformerSpec(8, 8, 16, 2, 1, 32);
    private static final int EOS = 2;

    /** Prompts {@code [1, a]}; the preferred answer repeats {@code a}, the rejected one does not. */
    private static List<TokenPair> pairs() {
        List<TokenPair> pairs = new ArrayList<>();
        for (int a = 4; a < 8; a++) {
            for (int b = 4; b < 8; b++) {
                if (b != a) {
                    pairs.add(new TokenPair(new int[] {1, a}, new int[] {a, EOS}, new int[] {b, EOS}));
                }
            }
        }
        return pairs;
    }

    @Test
    void everyLossTypeLearnsThePreferenceAndLogsTrlMetrics() throws IOException {
        for (DpoLossType type : DpoLossType.values()) {
            TokenPolicy policy = new TokenPolicy(SPEC, new Rng(1));
            DpoConfig config = DpoConfig.builder().lossType(type).beta(type == DpoLossType.IPO ? 1.0 : 0.5)
                    .learningRate(3e-3).batchSize(6).epochs(10).rpoAlpha(type == DpoLossType.SIGMOID ? 0.5 : 0).build();
            Dpo dpo = new Dpo(config, policy, policy.frozenCopy());
            Map<String, Double> first = dpo.step(pairs());
            Map<String, Double> last = dpo.train(pairs(), new MultiSink());
            assertEquals(1 + 10 * 2, dpo.updates(), "12 pairs in batches of 6 for 10 epochs, after one step");
            assertTrue(last.get(DpoLoss.REWARDS_ACCURACIES) == 1.0 && last.get(DpoLoss.REWARDS_MARGINS) > 0.25,
                    type + ": " + last);
            assertTrue(last.get(Dpo.LOSS) < first.get(Dpo.LOSS), type + ": loss " + first.get(Dpo.LOSS) + " -> "
                    + last.get(Dpo.LOSS));
            assertEquals(type == DpoLossType.SIGMOID, last.containsKey(Dpo.NLL_LOSS));
        }
    }

    @Test
    void theReferenceMustBeFrozenAndThePolicyNot() {
        TokenPolicy policy = new TokenPolicy(SPEC, new Rng(1));
        DpoConfig config = DpoConfig.builder().build();
        assertThrows(IllegalArgumentException.class, () -> new Dpo(config, policy, policy));
        assertThrows(IllegalArgumentException.class, () -> new Dpo(config, policy.frozenCopy(), policy.frozenCopy()));
    }

    @Test
    void configDefaultsAreTrlsAndBadValuesAreRefused() {
        DpoConfig c = DpoConfig.builder().build();
        assertEquals(DpoLossType.SIGMOID, c.lossType());
        assertEquals(0.1, c.beta());
        assertEquals(1e-6, c.learningRate());
        assertEquals(8, c.batchSize());
        assertEquals(c, c.toBuilder().build());
        assertThrows(IllegalArgumentException.class, () -> DpoConfig.builder().beta(-1).build());
        assertThrows(IllegalArgumentException.class, () -> DpoConfig.builder().lossType(DpoLossType.HINGE).labelSmoothing(0.1)
                .build());
        assertThrows(IllegalArgumentException.class, () -> DpoConfig.builder().rpoAlpha(-1).build());
        assertThrows(IllegalArgumentException.class, () -> DpoConfig.builder().batchSize(0).build());
    }

    @Test
    void pairsPairTheBestWithTheWorstSample() {
        TokenPolicy policy = new TokenPolicy(SPEC, new Rng(2));
        PairGenerator generator = new PairGenerator(new Sampling(3, 1.0, 0, EOS), 6);
        int[][] prompts = {{1, 4}, {1, 5}, {1, 6}};
        // judge: the number of tokens equal to the prompt's last one
        PairGenerator.Judge judge = (p, completion) -> {
            int count = 0;
            for (int t : completion) {
                count += t == prompts[p][1] ? 1 : 0;
            }
            return count;
        };
        List<TokenPair> pairs = generator.generate(policy, prompts, judge, new Rng(3));
        assertTrue(!pairs.isEmpty());
        for (TokenPair pair : pairs) {
            int p = pair.prompt()[1] - 4;
            assertTrue(judge.score(p, pair.chosen()) > judge.score(p, pair.rejected()), pair.toString());
        }
        assertEquals(pairs, generator.generate(policy, prompts, judge, new Rng(3)), "seeded");
        assertThrows(IllegalArgumentException.class, () -> new PairGenerator(Sampling.greedy(3, EOS), 4));
        assertThrows(IllegalArgumentException.class, () -> new PairGenerator(new Sampling(3, 1.0, 0, EOS), 1));
    }

    @Test
    void pairIndicesOfBestVsWorstAndOfAllPairs() {
        double[] scores = {1, 3, 0, 3, 0};
        assertEquals(List.of(List.of(1, 2)), asLists(PairGenerator.pairIndices(scores, PairGenerator.Pairing.BEST_VS_WORST)));
        // every pair with different scores, higher first; (1, 3) and (2, 4) tie and make none
        assertEquals(List.of(List.of(1, 0), List.of(0, 2), List.of(3, 0), List.of(0, 4), List.of(1, 2), List.of(1, 4),
                List.of(3, 2), List.of(3, 4)), asLists(PairGenerator.pairIndices(scores, PairGenerator.Pairing.ALL_PAIRS)));
        assertEquals(List.of(), PairGenerator.pairIndices(new double[] {2, 2, 2}, PairGenerator.Pairing.ALL_PAIRS));
        assertEquals(List.of(), PairGenerator.pairIndices(new double[] {2, 2, 2}, PairGenerator.Pairing.BEST_VS_WORST));
    }

    @Test
    void allPairsGeneratesEveryJudgedComparisonOfAPrompt() {
        TokenPolicy policy = new TokenPolicy(SPEC, new Rng(2));
        int k = 6;
        PairGenerator all = new PairGenerator(new Sampling(3, 1.0, 0, EOS), k, PairGenerator.Pairing.ALL_PAIRS);
        PairGenerator bestWorst = new PairGenerator(new Sampling(3, 1.0, 0, EOS), k);
        int[][] prompts = {{1, 4}, {1, 5}, {1, 6}};
        PairGenerator.Judge judge = (p, completion) -> completion.length > 0 ? completion[0] : -1;
        List<TokenPair> pairs = all.generate(policy, prompts, judge, new Rng(3));
        // the same draws as best-vs-worst (same seed): its pairs are among all pairs
        List<TokenPair> extremes = bestWorst.generate(policy, prompts, judge, new Rng(3));
        assertTrue(pairs.containsAll(extremes));
        assertTrue(pairs.size() > extremes.size());
        assertTrue(pairs.size() <= prompts.length * k * (k - 1) / 2);
        for (TokenPair pair : pairs) {
            assertTrue(judge.score(0, pair.chosen()) > judge.score(0, pair.rejected()), pair.toString());
        }
        assertThrows(NullPointerException.class, () -> new PairGenerator(new Sampling(3, 1.0, 0, EOS), 4, null));
    }

    private static List<List<Integer>> asLists(List<int[]> pairs) {
        return pairs.stream().map(p -> List.of(p[0], p[1])).toList();
    }

    @Test
    void bestOfNKeepsTheHighestScoredSample() {
        TokenPolicy policy = new TokenPolicy(SPEC, new Rng(4));
        BatchRewardModel<TokenCompletion> longest = BatchRewardModel.of(new io.github.jrl.core.policy.RewardModel<>() {
            @Override
            public List<String> rewardNames() {
                return List.of("length");
            }

            @Override
            public double[] score(TokenCompletion input) {
                return new double[] {input.completion().length};
            }
        });
        int[][] prompts = {{1, 4}, {1, 5}};
        Sampling sampling = new Sampling(4, 1.0, 0, EOS);
        int[][] one = new BestOfN(sampling, 1).select(policy, prompts, longest, 0, new Rng(5));
        int[][] all = policy.sample(new int[][] {{1, 4}, {1, 4}, {1, 4}, {1, 4}, {1, 4}, {1, 4}, {1, 4}, {1, 4}}, sampling,
                new Rng(6));
        int longestOfEight = 0;
        for (int[] c : all) {
            longestOfEight = Math.max(longestOfEight, c.length);
        }
        int[][] best = new BestOfN(sampling, 8).select(policy, new int[][] {{1, 4}}, longest, 0, new Rng(6));
        assertEquals(longestOfEight, best[0].length);
        assertEquals(2, one.length);
        assertEquals(0.0, BestOfN.klBound(1), 1e-12);
        assertEquals(Math.log(4) - 0.75, BestOfN.klBound(4), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> new BestOfN(sampling, 4).select(policy, prompts, longest, 1,
                new Rng(1)));
    }
}

package io.github.jrl.algorithms.preference;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.jrl.core.metrics.MultiSink;
import io.github.jrl.core.random.Rng;
import io.github.jrl.nd4j.nn.TransformerSpec;
import io.github.jrl.nd4j.token.TokenPolicy;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KtoTest {

    private static final TransformerSpec SPEC = new TransformerSpec(8, 8, 16, 2, 1, 32);
    private static final int EOS = 2;

    /** Prompts {@code [1, a]}: repeating {@code a} is desirable, any other answer is not. */
    private static List<TokenExample> examples() {
        List<TokenPair> pairs = new ArrayList<>();
        for (int a = 4; a < 8; a++) {
            for (int b = 4; b < 8; b++) {
                if (b != a) {
                    pairs.add(new TokenPair(new int[] {1, a}, new int[] {a, EOS}, new int[] {b, EOS}));
                }
            }
        }
        return TokenExample.unpaired(pairs);
    }

    @Test
    void referencePointByHand() {
        // log-ratios 0.5, 1.0, -0.1: mean 1.4 / 3
        assertEquals(1.4 / 3, KtoLoss.referencePoint(new double[] {-2, -1, -4}, new double[] {-2.5, -2, -3.9}, 3), 1e-15);
        // log-ratios 0.5, -2: mean -0.75, clamped at 0
        assertEquals(0.0, KtoLoss.referencePoint(new double[] {-2, -4}, new double[] {-2.5, -2}, 2));
        // only the first n values count
        assertEquals(0.5, KtoLoss.referencePoint(new double[] {-2, 7}, new double[] {-2.5, 0}, 1), 1e-15);
        assertThrows(IllegalArgumentException.class, () -> KtoLoss.referencePoint(new double[1], new double[1], 2));
        assertThrows(IllegalArgumentException.class, () -> KtoLoss.referencePoint(new double[1], new double[1], 0));
    }

    @Test
    void mismatchedPairsShiftTheCompletionsByOne() {
        List<TokenExample> batch = List.of(new TokenExample(new int[] {1}, new int[] {4}, true),
                new TokenExample(new int[] {1}, new int[] {5}, false), new TokenExample(new int[] {1}, new int[] {6}, true));
        int[][] mismatched = Kto.mismatchedCompletions(batch);
        assertArrayEquals(new int[] {6}, mismatched[0]);
        assertArrayEquals(new int[] {4}, mismatched[1]);
        assertArrayEquals(new int[] {5}, mismatched[2]);
    }

    @Test
    void unpairingMakesTheChosenDesirableAndTheRejectedNot() {
        TokenPair pair = new TokenPair(new int[] {1, 4}, new int[] {4, EOS}, new int[] {5, EOS});
        assertEquals(List.of(new TokenExample(pair.prompt(), pair.chosen(), true),
                new TokenExample(pair.prompt(), pair.rejected(), false)), TokenExample.unpaired(List.of(pair)));
        assertThrows(IllegalArgumentException.class, () -> new TokenExample(new int[0], new int[] {4}, true));
    }

    /**
     * At the reference every log-ratio is 0, so z = 0 and each example costs lambda / 2: two
     * desirable (1.3) and one undesirable (0.8) give (2 x 0.65 + 0.4) / 3.
     */
    @Test
    void firstStepAtTheReferenceByHand() {
        TokenPolicy policy = new TokenPolicy(SPEC, new Rng(1));
        Kto kto = new Kto(KtoConfig.builder().desirableWeight(1.3).undesirableWeight(0.8).learningRate(1e-3).build(), policy,
                policy.frozenCopy());
        List<TokenExample> batch = List.of(examples().get(0), examples().get(1), examples().get(2));
        Map<String, Double> m = kto.step(batch);
        assertEquals((2 * 0.65 + 0.4) / 3, m.get(Dpo.LOSS), 1e-12);
        assertEquals(0.0, m.get(Kto.KL));
        assertEquals(0.0, m.get(DpoLoss.REWARDS_CHOSEN));
        assertEquals(0.0, m.get(DpoLoss.REWARDS_REJECTED));
        assertEquals(1, kto.updates());
    }

    /**
     * After training moved the policy, a step's reference point and loss are the formulas' on its
     * batch. The batch alternates a desirable and an undesirable answer to the same prompt, so
     * three of its four mismatched pairs pair a prompt with its desirable answer and z is positive.
     */
    @Test
    void aStepEstimatesTheReferencePointFromTheMismatchedPairs() throws IOException {
        TokenPolicy policy = new TokenPolicy(SPEC, new Rng(2));
        TokenPolicy reference = policy.frozenCopy();
        KtoConfig config = KtoConfig.builder().beta(0.5).learningRate(3e-3).batchSize(6).epochs(2).build();
        Kto kto = new Kto(config, policy, reference);
        kto.train(examples(), new MultiSink());
        List<TokenExample> batch = List.of(new TokenExample(new int[] {1, 4}, new int[] {4, EOS}, true),
                new TokenExample(new int[] {1, 4}, new int[] {5, EOS}, false),
                new TokenExample(new int[] {1, 5}, new int[] {5, EOS}, true),
                new TokenExample(new int[] {1, 5}, new int[] {6, EOS}, false));
        int[][] prompts = batch.stream().map(TokenExample::prompt).toArray(int[][]::new);
        int[][] completions = batch.stream().map(TokenExample::completion).toArray(int[][]::new);
        int[][] mismatched = Kto.mismatchedCompletions(batch);
        double z = KtoLoss.referencePoint(PolicyTraining.sequenceLogProbs(policy.logProbs(prompts, mismatched), 0, 4),
                PolicyTraining.sequenceLogProbs(reference.logProbs(prompts, mismatched), 0, 4), 4);
        double[] logps = PolicyTraining.sequenceLogProbs(policy.logProbs(prompts, completions), 0, 4);
        double[] refLogps = PolicyTraining.sequenceLogProbs(reference.logProbs(prompts, completions), 0, 4);
        boolean[] desirable = {true, false, true, false};
        double loss = KtoLoss.loss(0.5, 1, 1, z, logps, refLogps, desirable, 4, new double[4]);
        Map<String, Double> m = kto.step(batch);
        assertTrue(z > 0, "training moved the policy away from the reference on mismatched pairs: z = " + z);
        assertEquals(z, m.get(Kto.KL));
        assertEquals(loss, m.get(Dpo.LOSS));
        assertEquals(0.5 * ((logps[0] - refLogps[0]) + (logps[2] - refLogps[2])) / 2,
                m.get(DpoLoss.REWARDS_CHOSEN), 1e-12);
    }

    @Test
    void ktoLearnsWhichCompletionsAreDesirable() throws IOException {
        TokenPolicy policy = new TokenPolicy(SPEC, new Rng(1));
        Kto kto = new Kto(KtoConfig.builder().beta(0.5).learningRate(3e-3).batchSize(8).epochs(10).build(), policy,
                policy.frozenCopy());
        Map<String, Double> last = kto.train(examples(), new MultiSink());
        assertEquals(10 * 3, kto.updates(), "24 examples in batches of 8 for 10 epochs");
        assertTrue(last.get(DpoLoss.REWARDS_CHOSEN) > 0 && last.get(DpoLoss.REWARDS_REJECTED) < 0, last.toString());
        for (int a = 4; a < 8; a++) {
            int[][] prompts = new int[4][];
            int[][] answers = new int[4][];
            for (int b = 4; b < 8; b++) {
                prompts[b - 4] = new int[] {1, a};
                answers[b - 4] = new int[] {b, EOS};
            }
            double[] logps = PolicyTraining.sequenceLogProbs(policy.logProbs(prompts, answers), 0, 4);
            for (int b = 4; b < 8; b++) {
                assertTrue(b == a || logps[a - 4] > logps[b - 4], "prompt " + a + ": answer " + b + " beats the repeat");
            }
        }
    }

    @Test
    void configDefaultsAreTrlsAndBadValuesAreRefused() {
        KtoConfig c = KtoConfig.builder().build();
        assertEquals(0.1, c.beta());
        assertEquals(1.0, c.desirableWeight());
        assertEquals(1.0, c.undesirableWeight());
        assertEquals(1e-6, c.learningRate());
        assertEquals(8, c.batchSize());
        assertEquals(3, c.epochs());
        assertEquals(1.0, c.maxGradNorm());
        assertEquals(c, c.toBuilder().build());
        assertThrows(IllegalArgumentException.class, () -> KtoConfig.builder().beta(0).build());
        assertThrows(IllegalArgumentException.class, () -> KtoConfig.builder().undesirableWeight(-1).build());
        assertThrows(IllegalArgumentException.class, () -> KtoConfig.builder().batchSize(1).build());
        assertThrows(IllegalArgumentException.class, () -> KtoConfig.builder().epochs(0).build());
        TokenPolicy policy = new TokenPolicy(SPEC, new Rng(1));
        Kto kto = new Kto(c, policy, policy.frozenCopy());
        assertThrows(IllegalArgumentException.class, () -> kto.train(examples().subList(0, 1), new MultiSink()));
        assertThrows(IllegalArgumentException.class, () -> new Kto(c, policy, policy));
    }
}

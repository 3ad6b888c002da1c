package io.github.jrl.nd4j.token;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.jrl.core.random.Rng;
import io.github.jrl.nd4j.nn.TransformerSpec;
import org.junit.jupiter.api.Test;

class SupervisedFineTuningTest {

    private static final int BEGIN = 1;
    private static final int END = 2;

    /** Swap two symbols of {3, 4, 5}: prompt [BEGIN, a, b], target [b, a, END]; nine demonstrations. */
    @Test
    void learnsASmallTaskFromDemonstrations() {
        int[][] prompts = new int[9][];
        int[][] targets = new int[9][];
        for (int i = 0; i < 9; i++) {
            int a = 3 + i / 3;
            int b = 3 + i % 3;
            prompts[i] = new int[] {BEGIN, a, b};
            targets[i] = new int[] {b, a, END};
        }
        TokenPolicy policy = new TokenPolicy(new TransformerSpec(6, 6, 16, 2, 1, 32), new Rng(0));
        SupervisedFineTuning sft = new SupervisedFineTuning(policy, 1e-2, 1.0);
        double first = sft.step(prompts, targets);
        assertEquals(Math.log(6), first, 0.05); // the small-gain head starts near uniform
        double loss = first;
        for (int step = 1; step < 200; step++) {
            loss = sft.step(prompts, targets);
        }
        assertEquals(200, sft.steps());
        assertTrue(loss < 0.05, "loss " + loss);
        int[][] greedy = policy.sample(prompts, Sampling.greedy(3, END), new Rng(0));
        for (int i = 0; i < 9; i++) {
            assertArrayEquals(targets[i], greedy[i], "demonstration " + i);
        }
    }

    /** Only completion tokens are targets: changing a prompt token's own probability does not enter the loss. */
    @Test
    void theLossIsTheMeanNegativeLogLikelihoodOfCompletionTokens() {
        TokenPolicy policy = new TokenPolicy(new TransformerSpec(6, 6, 8, 2, 1, 16), new Rng(1));
        int[][] prompts = {{1, 3}, {1, 4, 5}};
        int[][] targets = {{4, 2}, {2}};
        CompletionLogProbs logProbs = policy.logProbs(prompts, targets);
        double expected = -(logProbs.logProb(0, 0) + logProbs.logProb(0, 1) + logProbs.logProb(1, 0)) / 3;
        assertEquals(expected, new SupervisedFineTuning(policy, 1e-3, 1.0).step(prompts, targets), 1e-6);
        assertThrows(IllegalArgumentException.class,
                () -> new SupervisedFineTuning(policy, 1e-3, 1.0).step(new int[][] {{1}}, new int[][] {{}}));
        assertThrows(IllegalArgumentException.class, () -> new SupervisedFineTuning(policy, 0, 1.0));
    }
}

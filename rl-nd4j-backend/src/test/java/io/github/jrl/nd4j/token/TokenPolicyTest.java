package io.github.jrl.nd4j.token;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.jrl.core.random.Rng;
import io.github.jrl.nd4j.Buffers;
import io.github.jrl.nd4j.GradientCheck;
import io.github.jrl.nd4j.nn.TransformerSpec;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class TokenPolicyTest {

    private static final TransformerSpec SPEC = new TransformerSpec(6, 8, 16, 2, 1, 32);
    private static final int END = 2;

    /** A policy whose next-token distributions are far from uniform: initialised, then perturbed. */
    private static TokenPolicy policy(long seed) {
        TokenPolicy policy = new TokenPolicy(SPEC, new Rng(seed));
        float[] p = new float[(int) policy.parameters().size()];
        Buffers.copyOut(policy.parameters().params(), p, 0, p.length);
        Rng rng = new Rng(seed + 100);
        for (int i = 0; i < p.length; i++) {
            p[i] += (float) (0.5 * rng.nextGaussian());
        }
        Buffers.copyIn(p, 0, p.length, policy.parameters().params());
        return policy;
    }

    private static double[] firstTokenProbabilities(TokenPolicy policy, int[] prompt) {
        double[] p = new double[SPEC.vocabSize()];
        for (int k = 0; k < p.length; k++) {
            p[k] = Math.exp(policy.logProbs(new int[][] {prompt}, new int[][] {{k}}).logProb(0, 0));
        }
        return p;
    }

    @Test
    void logProbsAreNormalised() {
        double[] p = firstTokenProbabilities(policy(1), new int[] {1, 3});
        assertEquals(1.0, Arrays.stream(p).sum(), 1e-5);
    }

    @Test
    void batchingAndPaddingDoNotChangeLogProbs() {
        TokenPolicy policy = policy(2);
        int[][] prompts = {{1, 3, 4}, {1}, {1, 5}};
        int[][] completions = {{5, 3, 2}, {}, {4, 4, 3, 3, 2}};
        CompletionLogProbs batched = policy.logProbs(prompts, completions);
        assertEquals(5, batched.maxLength());
        for (int b = 0; b < prompts.length; b++) {
            CompletionLogProbs alone = policy.logProbs(new int[][] {prompts[b]}, new int[][] {completions[b]});
            assertEquals(completions[b].length, batched.length(b));
            for (int t = 0; t < completions[b].length; t++) {
                assertEquals(alone.logProb(0, t), batched.logProb(b, t), 1e-5, "completion " + b + " token " + t);
                assertEquals(alone.entropies()[t], batched.entropies()[b * 5 + t], 1e-5);
                assertTrue(batched.mask(b, t));
            }
            assertFalse(batched.mask(b, completions[b].length));
        }
        assertEquals(0f, batched.logProbs()[1 * 5]);
        assertEquals(batched.logProb(0, 0) + batched.logProb(0, 1) + batched.logProb(0, 2), batched.sequenceLogProb(0), 1e-6);
    }

    @Test
    void entropyIsThatOfTheNextTokenDistribution() {
        TokenPolicy policy = policy(3);
        double[] p = firstTokenProbabilities(policy, new int[] {1, 4});
        double entropy = -Arrays.stream(p).map(q -> q * Math.log(q)).sum();
        assertEquals(entropy, policy.logProbs(new int[][] {{1, 4}}, new int[][] {{0}}).entropies()[0], 1e-5);
    }

    /** Central finite differences of L = sum(g * logProbs) against backward(g). */
    @Test
    void backwardMatchesFiniteDifferences() {
        TokenPolicy policy = policy(4);
        int[][] prompts = {{1, 3}, {1, 4, 5}};
        int[][] completions = {{5, 3, 2}, {3}};
        CompletionLogProbs logProbs = policy.logProbs(prompts, completions);
        float[] g = {0.7f, -1.3f, 0.4f, 2.0f, 99f, 99f}; // entries beyond a completion's length are ignored
        policy.backward(g);
        float[] analytic = new float[(int) policy.parameters().size()];
        Buffers.copyOut(policy.parameters().gradients(), analytic, 0, analytic.length);
        GradientCheck.assertMatchesFiniteDifferences(policy.parameters(), analytic, () -> {
            CompletionLogProbs perturbed = policy.logProbs(prompts, completions);
            double sum = 0;
            for (int b = 0; b < prompts.length; b++) {
                for (int t = 0; t < completions[b].length; t++) {
                    sum += g[b * perturbed.maxLength() + t] * perturbed.logProb(b, t);
                }
            }
            return sum;
        }, 3);
        assertEquals(2, logProbs.batchSize());
    }

    /** At temperature T the log-probs are those of softmax(logits / T); backward differentiates them. */
    @Test
    void logProbsAtATemperatureAreThoseOfTheScaledLogitsWithTheirGradient() {
        TokenPolicy policy = policy(6);
        int[] prompt = {1, 3};
        double[] p1 = firstTokenProbabilities(policy, prompt);
        double[] scaled = new double[p1.length];
        double sum = 0;
        for (int k = 0; k < p1.length; k++) {
            scaled[k] = Math.pow(p1[k], 1 / 0.5); // softmax(l / T) is proportional to softmax(l)^(1/T)
            sum += scaled[k];
        }
        for (int k = 0; k < p1.length; k++) {
            assertEquals(Math.log(scaled[k] / sum), policy.logProbs(new int[][] {prompt}, new int[][] {{k}}, 0.5).logProb(0, 0),
                    1e-4);
        }
        int[][] prompts = {{1, 3}, {1, 4, 5}};
        int[][] completions = {{5, 3, 2}, {3}};
        policy.logProbs(prompts, completions, 0.5);
        float[] g = {0.7f, -1.3f, 0.4f, 2.0f, 0f, 0f};
        policy.backward(g);
        float[] analytic = new float[(int) policy.parameters().size()];
        Buffers.copyOut(policy.parameters().gradients(), analytic, 0, analytic.length);
        GradientCheck.assertMatchesFiniteDifferences(policy.parameters(), analytic, () -> {
            CompletionLogProbs perturbed = policy.logProbs(prompts, completions, 0.5);
            double total = 0;
            for (int b = 0; b < prompts.length; b++) {
                for (int t = 0; t < completions[b].length; t++) {
                    total += g[b * perturbed.maxLength() + t] * perturbed.logProb(b, t);
                }
            }
            return total;
        }, 3);
        assertThrows(IllegalArgumentException.class, () -> policy.logProbs(prompts, completions, 0));
    }

    @Test
    void greedyDecodingTakesTheMostProbableTokenAtEveryStep() {
        TokenPolicy policy = policy(5);
        int[] prompt = {1, 3, 5};
        int[] completion = policy.sample(new int[][] {prompt}, Sampling.greedy(5, END), new Rng(0))[0];
        assertTrue(completion.length >= 1 && completion.length <= 5);
        for (int t = 0; t < completion.length; t++) {
            int[] alternative = Arrays.copyOf(completion, t + 1);
            float chosen = policy.logProbs(new int[][] {prompt}, new int[][] {alternative}).logProb(0, t);
            for (int k = 0; k < SPEC.vocabSize(); k++) {
                alternative[t] = k;
                assertTrue(policy.logProbs(new int[][] {prompt}, new int[][] {alternative}).logProb(0, t) <= chosen,
                        "token " + t + " alternative " + k);
            }
        }
    }

    @Test
    void aBatchOfPromptsOfDifferentLengthsSamplesAsEachAlone() {
        TokenPolicy policy = policy(6);
        int[][] prompts = {{1, 3, 4, 5}, {1}, {1, 4}};
        Sampling greedy = Sampling.greedy(4, END);
        int[][] batched = policy.sample(prompts, greedy, new Rng(0));
        for (int b = 0; b < prompts.length; b++) {
            assertArrayEquals(policy.sample(new int[][] {prompts[b]}, greedy, new Rng(0))[0], batched[b], "prompt " + b);
        }
    }

    @Test
    void completionsStopAtTheEndTokenOrTheLimit() {
        TokenPolicy policy = policy(7);
        int[] prompt = {1, 3};
        int first = policy.sample(new int[][] {prompt}, Sampling.greedy(1, END), new Rng(0))[0][0];
        int[][] stopped = policy.sample(new int[][] {prompt, prompt}, Sampling.greedy(5, first), new Rng(0));
        assertArrayEquals(new int[] {first}, stopped[0]);
        int[][] sampled = policy.sample(new int[0][], new Sampling(3, 1.0, 0, END), new Rng(1));
        assertEquals(0, sampled.length);
        int[][] prompts = new int[50][];
        Arrays.fill(prompts, prompt);
        for (int[] completion : policy.sample(prompts, new Sampling(3, 1.0, 0, END), new Rng(1))) {
            assertTrue(completion.length == 3 || completion[completion.length - 1] == END, Arrays.toString(completion));
            for (int t = 0; t < completion.length - 1; t++) {
                assertTrue(completion[t] != END);
            }
        }
    }

    @Test
    void samplingIsReproducibleFromTheSeed() {
        TokenPolicy policy = policy(8);
        int[][] prompts = {{1, 3}, {1, 4}, {1, 5}};
        Sampling sampling = new Sampling(4, 1.0, 0, END);
        assertTrue(Arrays.deepEquals(policy.sample(prompts, sampling, new Rng(3)), policy.sample(prompts, sampling, new Rng(3))));
        int[][] many = new int[40][];
        Arrays.fill(many, prompts[0]);
        assertFalse(Arrays.deepEquals(policy.sample(many, sampling, new Rng(3)), policy.sample(many, sampling, new Rng(4))));
    }

    /** Frequencies of the first sampled token against softmax(log p / T), restricted to the top k. */
    @Test
    void samplesFollowTemperatureAndTopK() {
        TokenPolicy policy = policy(9);
        int[] prompt = {1, 3};
        double[] p = firstTokenProbabilities(policy, prompt);
        int n = 4000;
        int[][] prompts = new int[n][];
        Arrays.fill(prompts, prompt);
        for (Sampling sampling : new Sampling[] {new Sampling(1, 1.0, 0, END), new Sampling(1, 2.0, 0, END),
                new Sampling(1, 0.5, 2, END)}) {
            double[] expected = new double[p.length];
            double[] sorted = p.clone();
            Arrays.sort(sorted);
            double threshold = sampling.topK() == 0 ? 0 : sorted[p.length - sampling.topK()];
            double total = 0;
            for (int k = 0; k < p.length; k++) {
                expected[k] = p[k] >= threshold ? Math.pow(p[k], 1 / sampling.temperature()) : 0;
                total += expected[k];
            }
            int[] counts = new int[p.length];
            for (int[] completion : policy.sample(prompts, sampling, new Rng(11))) {
                counts[completion[0]]++;
            }
            for (int k = 0; k < p.length; k++) {
                double q = expected[k] / total;
                assertEquals(q, counts[k] / (double) n, 4 * Math.sqrt(q * (1 - q) / n) + 1e-9, sampling + " token " + k);
            }
        }
    }

    @Test
    void aFrozenCopyKeepsTheParametersOfItsTime() {
        TokenPolicy policy = policy(10);
        TokenPolicy reference = policy.frozenCopy();
        assertTrue(reference.isFrozen());
        assertFalse(policy.isFrozen());
        int[][] prompts = {{1, 3}};
        int[][] completions = {{4, 5, 2}};
        float[] before = policy.logProbs(prompts, completions).logProbs();
        assertArrayEquals(before, reference.logProbs(prompts, completions).logProbs());
        new SupervisedFineTuning(policy, 1e-2, 1.0).step(prompts, completions);
        assertArrayEquals(before, reference.logProbs(prompts, completions).logProbs());
        assertFalse(Arrays.equals(before, policy.logProbs(prompts, completions).logProbs()));
        assertThrows(IllegalStateException.class, () -> reference.backward(new float[3]));
        assertThrows(IllegalArgumentException.class, () -> new SupervisedFineTuning(reference, 1e-2, 1.0));
    }

    @Test
    void misuseRaises() {
        TokenPolicy policy = policy(11);
        Sampling sampling = Sampling.greedy(3, END);
        Rng rng = new Rng(0);
        assertThrows(IllegalArgumentException.class, () -> policy.sample(new int[][] {{}}, sampling, rng));
        var tooLong = assertThrows(IllegalArgumentException.class, () -> policy.sample(new int[][] {{1, 1, 1, 1, 1, 1, 1}}, sampling, rng));
        assertEquals("prompt 0 (7 tokens) with 3 completion tokens does not fit the context of 8 positions", tooLong.getMessage());
        var outside = assertThrows(IllegalArgumentException.class, () -> policy.logProbs(new int[][] {{1}}, new int[][] {{6}}));
        assertEquals("completion 0 has token id 6 at position 0, outside the vocabulary [0, 6)", outside.getMessage());
        assertThrows(IllegalArgumentException.class, () -> policy.logProbs(new int[][] {{1}}, new int[0][]));
        assertThrows(IllegalStateException.class, () -> policy.backward(new float[1]));
        policy.logProbs(new int[][] {{1}}, new int[][] {{3, 4}});
        assertThrows(IllegalArgumentException.class, () -> policy.backward(new float[3]));
        policy.sample(new int[][] {{1}}, sampling, rng);
        assertThrows(IllegalStateException.class, () -> policy.backward(new float[2]));
        assertThrows(IllegalArgumentException.class, () -> new Sampling(0, 1, 0, END));
        assertThrows(IllegalArgumentException.class, () -> new Sampling(1, -1, 0, END));
        assertThrows(IllegalArgumentException.class, () -> new Sampling(1, 1, -1, END));
    }
}

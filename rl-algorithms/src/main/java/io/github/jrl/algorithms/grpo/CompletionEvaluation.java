package io.github.jrl.algorithms.grpo;

import io.github.jrl.nd4j.token.Sampling;
import io.github.jrl.nd4j.token.TokenPolicy;
import java.util.List;

/**
 * Mean rewards of a policy's greedy completions over a task's prompts, as held-out accuracy is
 * measured (the mean of a 0/1 correctness reward is the exact-match accuracy). Decodes in batches.
 */
public final class CompletionEvaluation {

    private static final int BATCH = 512;

    private CompletionEvaluation() {
    }

    /**
     * The mean of each reward of {@code task} over its prompts, completing each greedily with at
     * most {@code maxCompletionLength} tokens ending with {@code endToken}.
     */
    public static <P, I> double[] greedyMeans(TokenPolicy policy, CompletionTask<P, I> task, int maxCompletionLength,
            int endToken) {
        Sampling greedy = Sampling.greedy(maxCompletionLength, endToken);
        List<P> prompts = task.prompts();
        double[] sums = new double[task.rewards().rewardDim()];
        for (int from = 0; from < prompts.size(); from += BATCH) {
            List<P> chunk = prompts.subList(from, Math.min(prompts.size(), from + BATCH));
            int[][] tokens = chunk.stream().map(task.promptTokens()).toArray(int[][]::new);
            int[][] completions = policy.sample(tokens, greedy, null);
            for (double[] scores : task.scoreAll(chunk, completions, 1)) {
                for (int k = 0; k < sums.length; k++) {
                    sums[k] += scores[k];
                }
            }
        }
        for (int k = 0; k < sums.length; k++) {
            sums[k] /= prompts.size();
        }
        return sums;
    }
}

package io.github.jrl.algorithms.preference;

import io.github.jrl.core.random.Rng;
import io.github.jrl.nd4j.token.Sampling;
import io.github.jrl.nd4j.token.TokenPolicy;
import java.util.ArrayList;
import java.util.List;

/**
 * Preference pairs drawn from a policy and judged by a verifier or reward model: sample
 * {@code samplesPerPrompt} completions of every prompt, score them, and pair the best with the
 * worst when their scores differ (the best-versus-worst pairing of "Iterative Reasoning Preference
 * Optimization", Pang et al. 2024, and of on-policy pair construction in Tajwar et al. 2024,
 * "Preference Fine-Tuning of LLMs Should Leverage Suboptimal, On-Policy Data"). Prompts whose
 * samples all score alike give no pair. Run on the current policy every round, this is the data
 * step of iterative (on-policy) DPO.
 */
public final class PairGenerator {

    /** Scores completion {@code completion} of prompt number {@code prompt}; higher is better. */
    @FunctionalInterface
    public interface Judge {
        double score(int prompt, int[] completion);
    }

    private final Sampling sampling;
    private final int samplesPerPrompt;

    /**
     * @throws IllegalArgumentException if {@code samplesPerPrompt < 2} or sampling is greedy (all
     *     samples would be the same)
     */
    public PairGenerator(Sampling sampling, int samplesPerPrompt) {
        if (samplesPerPrompt < 2) {
            throw new IllegalArgumentException("a pair needs at least 2 samples per prompt, got " + samplesPerPrompt);
        }
        if (sampling.isGreedy()) {
            throw new IllegalArgumentException("greedy sampling draws the same completion every time; use a temperature > 0");
        }
        this.sampling = sampling;
        this.samplesPerPrompt = samplesPerPrompt;
    }

    /**
     * Pairs for {@code prompts}, in prompt order, at most one per prompt. Ties: the first best and
     * the first worst sample in drawing order.
     */
    public List<TokenPair> generate(TokenPolicy policy, int[][] prompts, Judge judge, Rng rng) {
        int k = samplesPerPrompt;
        int[][] repeated = new int[prompts.length * k][];
        for (int p = 0; p < prompts.length; p++) {
            for (int s = 0; s < k; s++) {
                repeated[p * k + s] = prompts[p];
            }
        }
        int[][] completions = policy.sample(repeated, sampling, rng);
        List<TokenPair> pairs = new ArrayList<>();
        for (int p = 0; p < prompts.length; p++) {
            int best = p * k;
            int worst = p * k;
            double bestScore = judge.score(p, completions[best]);
            double worstScore = bestScore;
            for (int s = 1; s < k; s++) {
                double score = judge.score(p, completions[p * k + s]);
                if (score > bestScore) {
                    best = p * k + s;
                    bestScore = score;
                }
                if (score < worstScore) {
                    worst = p * k + s;
                    worstScore = score;
                }
            }
            if (bestScore > worstScore) {
                pairs.add(new TokenPair(prompts[p], completions[best], completions[worst]));
            }
        }
        return pairs;
    }
}

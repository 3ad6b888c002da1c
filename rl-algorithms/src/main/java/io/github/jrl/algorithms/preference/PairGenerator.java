package io.github.jrl.algorithms.preference;

import io.github.jrl.core.random.Rng;
import io.github.jrl.nd4j.token.Sampling;
import io.github.jrl.nd4j.token.TokenPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Preference pairs drawn from a policy and judged by a verifier or reward model: sample
 * {@code samplesPerPrompt} completions of every prompt, score them, and pair the best with the
 * worst when their scores differ (the best-versus-worst pairing of "Iterative Reasoning Preference
 * Optimization", Pang et al. 2024, and of on-policy pair construction in Tajwar et al. 2024,
 * "Preference Fine-Tuning of LLMs Should Leverage Suboptimal, On-Policy Data"). Prompts whose
 * samples all score alike give no pair. Run on the current policy every round, this is the data
 * step of iterative (on-policy) DPO. {@link Pairing#ALL_PAIRS} instead keeps every comparison
 * among a prompt's samples, as reward-model data is usually built.
 */
public final class PairGenerator {

    /** Scores completion {@code completion} of prompt number {@code prompt}; higher is better. */
    @FunctionalInterface
    public interface Judge {
        double score(int prompt, int[] completion);
    }

    /** Which pairs of one prompt's samples become preference pairs. */
    public enum Pairing {
        /** The best sample against the worst, at most one pair per prompt (Pang et al. 2024). */
        BEST_VS_WORST,
        /**
         * Every two samples whose scores differ, the higher-scored one chosen: the "K choose 2"
         * comparisons per prompt on which InstructGPT's reward model is trained (Ouyang et al.
         * 2022, section 3.5). A reward model that drives GRPO is asked exactly these within-prompt
         * comparisons, including those between two well-formed answers that best-versus-worst
         * pairing rarely shows it.
         */
        ALL_PAIRS
    }

    private final Sampling sampling;
    private final int samplesPerPrompt;
    private final Pairing pairing;

    /**
     * @throws IllegalArgumentException if {@code samplesPerPrompt < 2} or sampling is greedy (all
     *     samples would be the same)
     */
    public PairGenerator(Sampling sampling, int samplesPerPrompt) {
        this(sampling, samplesPerPrompt, Pairing.BEST_VS_WORST);
    }

    /**
     * @throws IllegalArgumentException if {@code samplesPerPrompt < 2} or sampling is greedy
     * @throws NullPointerException if {@code pairing} is null
     */
    public PairGenerator(Sampling sampling, int samplesPerPrompt, Pairing pairing) {
        if (samplesPerPrompt < 2) {
            throw new IllegalArgumentException("a pair needs at least 2 samples per prompt, got " + samplesPerPrompt);
        }
        if (sampling.isGreedy()) {
            throw new IllegalArgumentException("greedy sampling draws the same completion every time; use a temperature > 0");
        }
        this.sampling = sampling;
        this.samplesPerPrompt = samplesPerPrompt;
        this.pairing = Objects.requireNonNull(pairing, "pairing");
    }

    /** Samples drawn, and judged, per prompt. */
    public int samplesPerPrompt() {
        return samplesPerPrompt;
    }

    /**
     * The pairs {@code pairing} makes of one prompt's sample scores, as {@code {chosen, rejected}}
     * indices into {@code scores}. {@link Pairing#BEST_VS_WORST}: ties go to the first best and the
     * first worst sample in drawing order. {@link Pairing#ALL_PAIRS}: pairs in order of their first,
     * then second, index. Equal scores never make a pair.
     */
    public static List<int[]> pairIndices(double[] scores, Pairing pairing) {
        List<int[]> pairs = new ArrayList<>();
        if (pairing == Pairing.ALL_PAIRS) {
            for (int i = 0; i < scores.length; i++) {
                for (int j = i + 1; j < scores.length; j++) {
                    if (scores[i] != scores[j]) {
                        pairs.add(scores[i] > scores[j] ? new int[] {i, j} : new int[] {j, i});
                    }
                }
            }
            return pairs;
        }
        int best = 0;
        int worst = 0;
        for (int s = 1; s < scores.length; s++) {
            if (scores[s] > scores[best]) {
                best = s;
            }
            if (scores[s] < scores[worst]) {
                worst = s;
            }
        }
        if (scores.length > 0 && scores[best] > scores[worst]) {
            pairs.add(new int[] {best, worst});
        }
        return pairs;
    }

    /**
     * Pairs for {@code prompts}, in prompt order, as {@link #pairIndices} makes them of each
     * prompt's samples (best versus worst: at most one per prompt).
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
        double[] scores = new double[k];
        for (int p = 0; p < prompts.length; p++) {
            for (int s = 0; s < k; s++) {
                scores[s] = judge.score(p, completions[p * k + s]);
            }
            for (int[] pair : pairIndices(scores, pairing)) {
                pairs.add(new TokenPair(prompts[p], completions[p * k + pair[0]], completions[p * k + pair[1]]));
            }
        }
        return pairs;
    }
}

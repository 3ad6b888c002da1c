package io.github.jrl.algorithms.preference;

import io.github.jrl.core.random.Rng;
import io.github.jrl.nd4j.token.Sampling;
import io.github.jrl.nd4j.token.TokenPolicy;
import java.util.ArrayList;
import java.util.List;

/**
 * Best-of-N sampling (rejection sampling at inference; Nakano et al. 2021, "WebGPT"; Gao et al.
 * 2023, "Scaling Laws for Reward Model Overoptimization"): draw {@code n} completions per prompt
 * and keep the one a reward model scores highest, on one component of its reward vector. Works
 * with any {@link BatchRewardModel} of {@link TokenCompletion}s: a learned model, an ensemble, a
 * verifier. Its KL from the sampling policy is at most {@code log n - (n - 1) / n} (Stiennon et
 * al. 2020), the optimisation pressure of the over-optimisation curves.
 */
public final class BestOfN {

    private final Sampling sampling;
    private final int n;

    /**
     * @throws IllegalArgumentException if {@code n < 1}
     */
    public BestOfN(Sampling sampling, int n) {
        if (n < 1) {
            throw new IllegalArgumentException("best-of-n needs n >= 1, got " + n);
        }
        this.sampling = sampling;
        this.n = n;
    }

    /**
     * The best of {@code n} sampled completions of each prompt by {@code component} of
     * {@code model}'s reward (the first of equals).
     *
     * @throws IllegalArgumentException if {@code component} is not one of the model's rewards
     */
    public int[][] select(TokenPolicy policy, int[][] prompts, BatchRewardModel<TokenCompletion> model, int component,
            Rng rng) {
        if (component < 0 || component >= model.rewardDim()) {
            throw new IllegalArgumentException("reward component " + component + " is not one of " + model.rewardNames());
        }
        int[][] repeated = new int[prompts.length * n][];
        for (int p = 0; p < prompts.length; p++) {
            for (int s = 0; s < n; s++) {
                repeated[p * n + s] = prompts[p];
            }
        }
        int[][] completions = policy.sample(repeated, sampling, rng);
        List<TokenCompletion> inputs = new ArrayList<>(completions.length);
        for (int i = 0; i < completions.length; i++) {
            inputs.add(new TokenCompletion(repeated[i], completions[i]));
        }
        double[][] scores = model.scoreAll(inputs);
        int[][] best = new int[prompts.length][];
        for (int p = 0; p < prompts.length; p++) {
            int chosen = p * n;
            for (int s = 1; s < n; s++) {
                if (scores[p * n + s][component] > scores[chosen][component]) {
                    chosen = p * n + s;
                }
            }
            best[p] = completions[chosen];
        }
        return best;
    }

    /** The analytic upper bound on {@code KL(best-of-n || policy)}: {@code log n - (n - 1) / n}. */
    public static double klBound(int n) {
        return Math.log(n) - (n - 1.0) / n;
    }
}

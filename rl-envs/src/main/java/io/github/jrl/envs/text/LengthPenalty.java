package io.github.jrl.envs.text;

/**
 * {@code length}: a penalty for completions longer than a budget, the soft overlong punishment of
 * "DAPO: An Open-Source LLM Reinforcement Learning System at Scale" (Yu et al., 2025) and of TRL's
 * {@code get_soft_overlong_punishment}, with {@code L_max = maxLength} and
 * {@code L_cache = maxLength - budget}. With {@code n} the completion's
 * {@link ParsedCompletion#length() length} (tokens up to and including the first {@code [EOS]}):
 *
 * <pre>
 *   0                                   if n &lt;= budget
 *   -(n - budget) / (maxLength - budget)  if budget &lt; n &lt;= maxLength
 *   -1                                  if n &gt; maxLength
 * </pre>
 */
public final class LengthPenalty implements CompletionReward {

    private final int budget;
    private final int maxLength;

    /**
     * @param budget the longest completion that costs nothing
     * @param maxLength the length at which the penalty reaches -1
     * @throws IllegalArgumentException unless {@code 0 <= budget < maxLength}
     */
    public LengthPenalty(int budget, int maxLength) {
        if (budget < 0 || maxLength <= budget) {
            throw new IllegalArgumentException("a length penalty needs 0 <= budget < maxLength, got budget " + budget
                    + " and maxLength " + maxLength);
        }
        this.budget = budget;
        this.maxLength = maxLength;
    }

    public int budget() {
        return budget;
    }

    public int maxLength() {
        return maxLength;
    }

    @Override
    public String name() {
        return "length";
    }

    @Override
    public double score(Prompt prompt, ParsedCompletion completion) {
        int excess = completion.length() - budget;
        if (excess <= 0) {
            return 0;
        }
        return -Math.min(1.0, (double) excess / (maxLength - budget));
    }
}

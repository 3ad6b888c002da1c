package io.github.jrl.nd4j.token;

/**
 * Per-token log-probabilities and entropies of a batch of completions under a policy, laid out
 * as TRL lays out its {@code per_token_logps}: {@code [batch, maxLength]} row-major, completion
 * {@code b}'s token {@code t} at {@code b * maxLength + t}, zero beyond the completion's length
 * (where {@link #mask} is false). The arrays belong to the caller.
 */
public final class CompletionLogProbs {

    private final int maxLength;
    private final int[] lengths;
    private final float[] logProbs;
    private final float[] entropies;

    CompletionLogProbs(int maxLength, int[] lengths, float[] logProbs, float[] entropies) {
        this.maxLength = maxLength;
        this.lengths = lengths;
        this.logProbs = logProbs;
        this.entropies = entropies;
    }

    /** Number of completions. */
    public int batchSize() {
        return lengths.length;
    }

    /** Length of the longest completion: the row stride of the arrays. */
    public int maxLength() {
        return maxLength;
    }

    public int length(int completion) {
        return lengths[completion];
    }

    /** Whether {@code (completion, token)} is a token of the completion rather than padding. */
    public boolean mask(int completion, int token) {
        return token < lengths[completion];
    }

    public float logProb(int completion, int token) {
        return logProbs[completion * maxLength + token];
    }

    /** {@code log pi(token | prompt, earlier tokens)} of every completion token, {@code [batch, maxLength]}. */
    public float[] logProbs() {
        return logProbs;
    }

    /** Entropy of the next-token distribution at every completion token, {@code [batch, maxLength]}. */
    public float[] entropies() {
        return entropies;
    }

    /** Sum of the log-probabilities of completion {@code b}: the log-probability of the whole completion. */
    public double sequenceLogProb(int completion) {
        double sum = 0;
        for (int t = 0; t < lengths[completion]; t++) {
            sum += logProbs[completion * maxLength + t];
        }
        return sum;
    }
}

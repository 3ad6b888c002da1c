package io.github.jrl.nd4j.token;

/**
 * How {@link TokenPolicy#sample} draws completions, with the meanings of Hugging Face's
 * {@code generate}: at most {@code maxNewTokens} tokens, stopping after {@code endToken}; logits
 * divided by {@code temperature} (0 means greedy: always the most probable token, the lowest id
 * on ties); with {@code topK > 0}, only tokens whose logit is at least the {@code topK}-th largest
 * can be drawn (ties at the threshold stay, as in {@code TopKLogitsWarper}).
 */
public record Sampling(int maxNewTokens, double temperature, int topK, int endToken) {

    public Sampling {
        if (maxNewTokens < 1) {
            throw new IllegalArgumentException("maxNewTokens must be >= 1, got " + maxNewTokens);
        }
        if (!(temperature >= 0) || Double.isInfinite(temperature)) {
            throw new IllegalArgumentException("temperature must be finite and >= 0 (0 for greedy), got " + temperature);
        }
        if (topK < 0) {
            throw new IllegalArgumentException("topK must be >= 0 (0 for no limit), got " + topK);
        }
        if (endToken < 0) {
            throw new IllegalArgumentException("endToken must be a token id, got " + endToken);
        }
    }

    /** Greedy decoding, as held-out accuracy is measured. */
    public static Sampling greedy(int maxNewTokens, int endToken) {
        return new Sampling(maxNewTokens, 0, 0, endToken);
    }

    public boolean isGreedy() {
        return temperature == 0;
    }
}

package io.github.jrl.examples.preference;

import io.github.jrl.algorithms.preference.PairGenerator;
import io.github.jrl.algorithms.preference.TokenPair;
import io.github.jrl.core.random.Rng;
import io.github.jrl.envs.text.Prompt;
import io.github.jrl.nd4j.token.TokenPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleBiFunction;

/**
 * Walks a list of prompts in order, generating pairs in chunks until a count is reached, so that
 * every round and every method sees fresh prompts and exactly the pairs asked for.
 */
public final class PromptCursor {

    private static final int CHUNK = 128;
    private final List<Prompt> prompts;
    private final int start;
    private int next;

    /** Starts at {@code prompts.get(start)}. */
    public PromptCursor(List<Prompt> prompts, int start) {
        this.prompts = prompts;
        this.start = start;
        this.next = start;
    }

    /** Goes back to the prompt it started at, so that the same prompts are walked again. */
    public void restart() {
        next = start;
    }

    /**
     * {@code count} pairs from {@code policy}'s samples judged by {@code judge}, or fewer if the
     * prompts run out.
     */
    public List<TokenPair> pairs(TokenPolicy policy, PairGenerator generator, ToDoubleBiFunction<Prompt, int[]> judge,
            int count, Rng rng) {
        List<TokenPair> pairs = new ArrayList<>();
        while (pairs.size() < count && next < prompts.size()) {
            List<Prompt> chunk = prompts.subList(next, Math.min(prompts.size(), next + CHUNK));
            next += chunk.size();
            int[][] tokens = new int[chunk.size()][];
            for (int i = 0; i < tokens.length; i++) {
                tokens[i] = chunk.get(i).tokens();
            }
            pairs.addAll(generator.generate(policy, tokens, (p, completion) -> judge.applyAsDouble(chunk.get(p), completion),
                    rng));
        }
        return new ArrayList<>(pairs.subList(0, Math.min(count, pairs.size())));
    }
}

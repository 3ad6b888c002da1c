package io.github.jrl.nd4j.token;

import io.github.jrl.core.policy.Policy;
import io.github.jrl.core.random.Rng;
import java.util.Objects;

/**
 * A {@link TokenPolicy} as an rl-core {@link Policy}: the observation is a prompt, the action a
 * whole completion (a text environment's single step). {@link #act} samples with the given
 * {@link Sampling}; {@link #actDeterministic} decodes greedily with its length and end token.
 *
 * <p>Acting samples, which discards the pass a pending {@link TokenPolicy#backward} needs: a
 * trainer acts only between its updates.
 */
public final class CompletionPolicy implements Policy<int[], int[]> {

    private final TokenPolicy policy;
    private final Sampling sampling;
    private final Sampling greedy;

    public CompletionPolicy(TokenPolicy policy, Sampling sampling) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.sampling = Objects.requireNonNull(sampling, "sampling");
        this.greedy = Sampling.greedy(sampling.maxNewTokens(), sampling.endToken());
    }

    @Override
    public int[] act(int[] prompt, Rng rng) {
        return policy.sample(new int[][] {prompt}, sampling, rng)[0];
    }

    @Override
    public int[] actDeterministic(int[] prompt) {
        return policy.sample(new int[][] {prompt}, greedy, null)[0];
    }

    public TokenPolicy tokenPolicy() {
        return policy;
    }
}

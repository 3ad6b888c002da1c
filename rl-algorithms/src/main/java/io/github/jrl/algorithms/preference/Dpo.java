package io.github.jrl.algorithms.preference;

import io.github.jrl.core.metrics.MetricSink;
import io.github.jrl.core.random.Rng;
import io.github.jrl.nd4j.optim.Adam;
import io.github.jrl.nd4j.token.CompletionLogProbs;
import io.github.jrl.nd4j.token.TokenPolicy;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Direct preference optimisation of a {@link TokenPolicy} on {@link TokenPair}s (Rafailov et al.
 * 2023), with any loss of {@link DpoLossType} and RPO's NLL term. As TRL's {@code DPOTrainer}: each
 * update scores the chosen and rejected completions of a minibatch in one concatenated pass,
 * takes sequence log-probabilities (sums over completion tokens), and the reference's log-probs
 * enter as constants. The reference is any frozen policy: the initial one
 * ({@code policy.frozenCopy()} before training) or an earlier checkpoint
 * ({@link #setReference}, as iterative DPO does between rounds).
 */
public final class Dpo {

    /** TRL's name of the mean loss of an update. */
    public static final String LOSS = "loss";
    /** TRL's name of RPO's NLL term. */
    public static final String NLL_LOSS = "nll_loss";
    public static final String GRAD_NORM = "grad_norm";

    private final DpoConfig config;
    private final TokenPolicy policy;
    private final Adam optimizer;
    private final Rng rng;
    private TokenPolicy reference;
    private long updates;

    /**
     * @throws IllegalArgumentException if {@code policy} is frozen or {@code reference} is not
     */
    public Dpo(DpoConfig config, TokenPolicy policy, TokenPolicy reference) {
        this.config = Objects.requireNonNull(config, "config");
        if (policy.isFrozen()) {
            throw new IllegalArgumentException("the trained policy must not be a frozen copy");
        }
        this.policy = policy;
        this.optimizer = Adam.of(policy.parameters(), config.learningRate(), 1e-8); // PyTorch's AdamW epsilon, as TRL
        this.rng = new Rng(config.seed());
        setReference(reference);
    }

    /**
     * Replaces the reference policy, e.g. by a frozen copy of the current policy at the start of
     * an iterative-DPO round.
     *
     * @throws IllegalArgumentException if {@code reference} is not frozen
     */
    public void setReference(TokenPolicy reference) {
        if (!reference.isFrozen()) {
            throw new IllegalArgumentException("the reference must be a frozen policy (TokenPolicy.frozenCopy()), so that "
                    + "training cannot move it");
        }
        this.reference = reference;
    }

    /**
     * {@link DpoConfig#epochs()} passes over {@code pairs}, in minibatches of
     * {@link DpoConfig#batchSize()} drawn by a seeded shuffle (the last one of a pass may be
     * smaller); writes each update's metrics to {@code sink} at its update count. Returns the
     * metrics of the last update.
     *
     * @throws IllegalArgumentException if {@code pairs} is empty
     */
    public Map<String, Double> train(List<TokenPair> pairs, MetricSink sink) throws IOException {
        if (pairs.isEmpty()) {
            throw new IllegalArgumentException("DPO needs at least one preference pair");
        }
        Map<String, Double> metrics = Map.of();
        for (int epoch = 0; epoch < config.epochs(); epoch++) {
            int[] order = rng.permutation(pairs.size());
            for (int start = 0; start < order.length; start += config.batchSize()) {
                List<TokenPair> batch = new ArrayList<>();
                for (int i = start; i < Math.min(order.length, start + config.batchSize()); i++) {
                    batch.add(pairs.get(order[i]));
                }
                metrics = step(batch);
                sink.write(updates, metrics);
            }
        }
        return metrics;
    }

    /** One update on {@code batch}; returns its loss and TRL's metrics. */
    public Map<String, Double> step(List<TokenPair> batch) {
        int n = batch.size();
        int[][] prompts = new int[2 * n][];
        int[][] completions = new int[2 * n][];
        int[] chosenLengths = new int[n];
        for (int i = 0; i < n; i++) {
            TokenPair pair = batch.get(i);
            prompts[i] = pair.prompt();
            prompts[n + i] = pair.prompt();
            completions[i] = pair.chosen();
            completions[n + i] = pair.rejected();
            chosenLengths[i] = pair.chosen().length;
        }
        CompletionLogProbs referenceLogProbs = reference.logProbs(prompts, completions);
        CompletionLogProbs logProbs = policy.logProbs(prompts, completions);
        double[] referenceChosen = new double[n];
        double[] referenceRejected = new double[n];
        double[] chosen = new double[n];
        double[] rejected = new double[n];
        for (int i = 0; i < n; i++) {
            referenceChosen[i] = referenceLogProbs.sequenceLogProb(i);
            referenceRejected[i] = referenceLogProbs.sequenceLogProb(n + i);
            chosen[i] = logProbs.sequenceLogProb(i);
            rejected[i] = logProbs.sequenceLogProb(n + i);
        }
        double[] dChosen = new double[n];
        double[] dRejected = new double[n];
        DpoLoss.Result result = DpoLoss.pairwise(config.lossType(), config.beta(), config.labelSmoothing(), chosen, rejected,
                referenceChosen, referenceRejected, n, dChosen, dRejected);
        Map<String, Double> metrics = new LinkedHashMap<>();
        double loss = result.loss();
        if (config.rpoAlpha() > 0) {
            double nll = DpoLoss.chosenNll(config.rpoAlpha(), chosen, chosenLengths, n, dChosen);
            loss += nll;
            metrics.put(NLL_LOSS, nll);
        }
        // a sequence log-prob is the sum of its tokens': each token gets its sequence's gradient
        int stride = logProbs.maxLength();
        float[] tokenGradient = new float[2 * n * stride];
        for (int i = 0; i < n; i++) {
            for (int t = 0; t < logProbs.length(i); t++) {
                tokenGradient[i * stride + t] = (float) dChosen[i];
            }
            for (int t = 0; t < logProbs.length(n + i); t++) {
                tokenGradient[(n + i) * stride + t] = (float) dRejected[i];
            }
        }
        policy.backward(tokenGradient);
        double gradNorm = optimizer.clipGradientNorm(config.maxGradNorm());
        optimizer.step();
        updates++;
        metrics.put(LOSS, loss);
        metrics.put(GRAD_NORM, gradNorm);
        metrics.putAll(result.metrics());
        return metrics;
    }

    /** Updates taken so far. */
    public long updates() {
        return updates;
    }

    public TokenPolicy policy() {
        return policy;
    }

    public DpoConfig config() {
        return config;
    }
}

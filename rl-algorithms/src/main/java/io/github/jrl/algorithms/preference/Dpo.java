package io.github.jrl.algorithms.preference;

import io.github.jrl.core.metrics.MetricSink;
import io.github.jrl.nd4j.token.CompletionLogProbs;
import io.github.jrl.nd4j.token.TokenPolicy;
import java.io.IOException;
import java.nio.file.Path;
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
 * ({@link #setReference}, as iterative DPO does between rounds). {@link #saveCheckpoint} and
 * {@link #restore} carry a run across processes between calls to {@link #train} or {@link #step}.
 */
public final class Dpo {

    /** TRL's name of the mean loss of an update. */
    public static final String LOSS = "loss";
    /** TRL's name of RPO's NLL term. */
    public static final String NLL_LOSS = "nll_loss";
    public static final String GRAD_NORM = "grad_norm";

    private final DpoConfig config;
    private final PolicyTraining training;

    /**
     * @throws IllegalArgumentException if {@code policy} is frozen or {@code reference} is not
     */
    public Dpo(DpoConfig config, TokenPolicy policy, TokenPolicy reference) {
        this.config = Objects.requireNonNull(config, "config");
        this.training = new PolicyTraining("dpo", policy, reference, config.learningRate(), config.seed());
    }

    /**
     * Replaces the reference policy, e.g. by a frozen copy of the current policy at the start of
     * an iterative-DPO round.
     *
     * @throws IllegalArgumentException if {@code reference} is not frozen
     */
    public void setReference(TokenPolicy reference) {
        training.setReference(reference);
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
        return training.train(pairs, config.epochs(), config.batchSize(), this::step, sink);
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
        CompletionLogProbs referenceLogProbs = training.reference().logProbs(prompts, completions);
        CompletionLogProbs logProbs = training.policy().logProbs(prompts, completions);
        double[] referenceChosen = PolicyTraining.sequenceLogProbs(referenceLogProbs, 0, n);
        double[] referenceRejected = PolicyTraining.sequenceLogProbs(referenceLogProbs, n, n);
        double[] chosen = PolicyTraining.sequenceLogProbs(logProbs, 0, n);
        double[] rejected = PolicyTraining.sequenceLogProbs(logProbs, n, n);
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
        double[] dSequence = new double[2 * n];
        System.arraycopy(dChosen, 0, dSequence, 0, n);
        System.arraycopy(dRejected, 0, dSequence, n, n);
        double gradNorm = training.step(logProbs, dSequence, config.maxGradNorm());
        metrics.put(LOSS, loss);
        metrics.put(GRAD_NORM, gradNorm);
        metrics.putAll(result.metrics());
        return metrics;
    }

    /**
     * Writes the run's state (config, policy, reference, Adam, shuffling generator, update count)
     * to {@code file} atomically; {@link #restore} continues from it bit-identically.
     */
    public void saveCheckpoint(Path file) throws IOException {
        training.save(file, config.toString());
    }

    /**
     * Restores a state {@link #saveCheckpoint} wrote into this trainer, made with the same config
     * and policy shape; nothing changes unless the whole checkpoint decodes.
     *
     * @throws io.github.jrl.core.checkpoint.CorruptCheckpointException if the file is damaged,
     *     truncated or not a DPO checkpoint of this policy shape
     * @throws IllegalArgumentException if it was written with another config
     */
    public void restore(Path file) throws IOException {
        training.restore(file, config.toString());
    }

    /** Updates taken so far. */
    public long updates() {
        return training.updates();
    }

    public TokenPolicy policy() {
        return training.policy();
    }

    public DpoConfig config() {
        return config;
    }
}

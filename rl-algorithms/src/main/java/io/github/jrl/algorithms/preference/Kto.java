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
 * Kahneman–Tversky optimisation of a {@link TokenPolicy} on unpaired {@link TokenExample}s
 * (Ethayarajh et al. 2024, "KTO: Model Alignment as Prospect Theoretic Optimization"), in the
 * form of TRL's {@code KTOTrainer}: each update scores the batch's completions under the policy
 * and the frozen reference (sequence log-probabilities), estimates the reference point {@code z}
 * from the batch's mismatched pairs (prompt {@code i} with the completion of example
 * {@code i - 1}, scored without gradient: {@link KtoLoss#referencePoint}) and takes an Adam step
 * on {@link KtoLoss#loss}. The reference is replaceable ({@link #setReference}) as in {@link Dpo};
 * {@link #saveCheckpoint} and {@link #restore} carry a run across processes between calls.
 */
public final class Kto {

    /** TRL's name of the batch's reference point (the clamped KL estimate). */
    public static final String KL = "kl";

    private final KtoConfig config;
    private final PolicyTraining training;

    /**
     * @throws IllegalArgumentException if {@code policy} is frozen or {@code reference} is not
     */
    public Kto(KtoConfig config, TokenPolicy policy, TokenPolicy reference) {
        this.config = Objects.requireNonNull(config, "config");
        this.training = new PolicyTraining("kto", policy, reference, config.learningRate(), config.seed());
    }

    /**
     * Replaces the reference policy.
     *
     * @throws IllegalArgumentException if {@code reference} is not frozen
     */
    public void setReference(TokenPolicy reference) {
        training.setReference(reference);
    }

    /**
     * {@link KtoConfig#epochs()} passes over {@code examples} in seeded shuffled minibatches of
     * {@link KtoConfig#batchSize()}; writes each update's metrics to {@code sink} at its update
     * count and returns the last update's.
     *
     * @throws IllegalArgumentException with fewer than 2 examples (no mismatched pair to
     *     estimate the reference point from)
     */
    public Map<String, Double> train(List<TokenExample> examples, MetricSink sink) throws IOException {
        if (examples.size() < 2) {
            throw new IllegalArgumentException("KTO needs at least 2 examples to estimate its reference point, got "
                    + examples.size());
        }
        return training.train(examples, config.epochs(), config.batchSize(), this::step, sink);
    }

    /**
     * The completions of the mismatched pairs of KTO's reference point: row {@code i} takes the
     * completion of example {@code i - 1} (the first the last's), as TRL's {@code _get_kl_dataset}
     * shifts the batch's completions by one.
     */
    public static int[][] mismatchedCompletions(List<TokenExample> batch) {
        int n = batch.size();
        int[][] mismatched = new int[n][];
        for (int i = 0; i < n; i++) {
            mismatched[i] = batch.get((i + n - 1) % n).completion();
        }
        return mismatched;
    }

    /**
     * One update on {@code batch}; returns its loss, {@code kl} (the reference point) and, for
     * the kinds of example it holds, {@code rewards/chosen} and {@code logps/chosen} (the
     * desirable ones: mean {@code beta (log pi - log pi_ref)} and mean {@code log pi}),
     * {@code rewards/rejected} and {@code logps/rejected} (the undesirable ones).
     *
     * @throws IllegalArgumentException with fewer than 2 examples
     */
    public Map<String, Double> step(List<TokenExample> batch) {
        int n = batch.size();
        if (n < 2) {
            throw new IllegalArgumentException("a KTO batch needs at least 2 examples for a mismatched pair, got " + n);
        }
        int[][] prompts = new int[n][];
        int[][] completions = new int[n][];
        boolean[] desirable = new boolean[n];
        for (int i = 0; i < n; i++) {
            prompts[i] = batch.get(i).prompt();
            completions[i] = batch.get(i).completion();
            desirable[i] = batch.get(i).desirable();
        }
        int[][] mismatched = mismatchedCompletions(batch);
        // the reference point passes no gradient: its policy pass comes before the trained one, whose backward runs
        double z = KtoLoss.referencePoint(
                PolicyTraining.sequenceLogProbs(training.policy().logProbs(prompts, mismatched), 0, n),
                PolicyTraining.sequenceLogProbs(training.reference().logProbs(prompts, mismatched), 0, n), n);
        double[] reference = PolicyTraining.sequenceLogProbs(training.reference().logProbs(prompts, completions), 0, n);
        CompletionLogProbs logProbs = training.policy().logProbs(prompts, completions);
        double[] policy = PolicyTraining.sequenceLogProbs(logProbs, 0, n);
        double[] dPolicy = new double[n];
        double loss = KtoLoss.loss(config.beta(), config.desirableWeight(), config.undesirableWeight(), z, policy, reference,
                desirable, n, dPolicy);
        double gradNorm = training.step(logProbs, dPolicy, config.maxGradNorm());
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put(Dpo.LOSS, loss);
        metrics.put(Dpo.GRAD_NORM, gradNorm);
        metrics.put(KL, z);
        for (boolean kind : new boolean[] {true, false}) {
            double reward = 0;
            double logp = 0;
            int count = 0;
            for (int i = 0; i < n; i++) {
                if (desirable[i] == kind) {
                    reward += config.beta() * (policy[i] - reference[i]);
                    logp += policy[i];
                    count++;
                }
            }
            if (count > 0) {
                metrics.put(kind ? DpoLoss.REWARDS_CHOSEN : DpoLoss.REWARDS_REJECTED, reward / count);
                metrics.put(kind ? DpoLoss.LOGPS_CHOSEN : DpoLoss.LOGPS_REJECTED, logp / count);
            }
        }
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
     *     truncated or not a KTO checkpoint of this policy shape
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

    public KtoConfig config() {
        return config;
    }
}

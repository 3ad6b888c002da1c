package io.github.jrl.algorithms.preference;

import io.github.jrl.core.metrics.MetricSink;
import io.github.jrl.core.random.Rng;
import io.github.jrl.nd4j.optim.Adam;
import io.github.jrl.nd4j.token.CompletionLogProbs;
import io.github.jrl.nd4j.token.TokenPolicy;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * What the offline policy trainers of this package ({@link Dpo}, {@link Kto}) share: the trained
 * policy and its frozen reference, Adam, the seeded shuffling of the data into minibatches, the
 * update count, the step from gradients of sequence log-probabilities, and checkpoints
 * ({@link TrainerCheckpoint}).
 */
final class PolicyTraining {

    private final TokenPolicy policy;
    private final Adam optimizer;
    private final String trainer;
    private Rng rng;
    private TokenPolicy reference;
    private long updates;

    /**
     * @param trainer the trainer's name, stored in its checkpoints
     * @throws IllegalArgumentException if {@code policy} is frozen or {@code reference} is not
     */
    PolicyTraining(String trainer, TokenPolicy policy, TokenPolicy reference, double learningRate, long seed) {
        if (policy.isFrozen()) {
            throw new IllegalArgumentException("the trained policy must not be a frozen copy");
        }
        this.trainer = trainer;
        this.policy = policy;
        this.optimizer = Adam.of(policy.parameters(), learningRate, 1e-8); // PyTorch's AdamW epsilon, as TRL
        this.rng = new Rng(seed);
        setReference(reference);
    }

    /** @throws IllegalArgumentException if {@code reference} is not frozen */
    void setReference(TokenPolicy reference) {
        if (!Objects.requireNonNull(reference, "reference").isFrozen()) {
            throw new IllegalArgumentException("the reference must be a frozen policy (TokenPolicy.frozenCopy()), so that "
                    + "training cannot move it");
        }
        this.reference = reference;
    }

    TokenPolicy policy() {
        return policy;
    }

    TokenPolicy reference() {
        return reference;
    }

    long updates() {
        return updates;
    }

    /**
     * {@code epochs} passes over {@code data} in seeded shuffled minibatches of {@code batchSize}
     * (the last one of a pass may be smaller), each trained by {@code step}, whose metrics go to
     * {@code sink} at the update count. Returns the metrics of the last update.
     */
    <T> Map<String, Double> train(List<T> data, int epochs, int batchSize, Function<List<T>, Map<String, Double>> step,
            MetricSink sink) throws IOException {
        Map<String, Double> metrics = Map.of();
        for (int epoch = 0; epoch < epochs; epoch++) {
            for (int[] indices : Minibatches.shuffled(rng, data.size(), batchSize)) {
                List<T> batch = new ArrayList<>(indices.length);
                for (int i : indices) {
                    batch.add(data.get(i));
                }
                metrics = step.apply(batch);
                sink.write(updates, metrics);
            }
        }
        return metrics;
    }

    /** The sequence log-probabilities (sums over completion tokens, TRL's {@code logps}) of rows {@code from..from+n-1}. */
    static double[] sequenceLogProbs(CompletionLogProbs logProbs, int from, int n) {
        double[] sums = new double[n];
        for (int i = 0; i < n; i++) {
            sums[i] = logProbs.sequenceLogProb(from + i);
        }
        return sums;
    }

    /**
     * One Adam step from the gradient of the loss w.r.t. the sequence log-probabilities of the
     * policy's last {@code logProbs} pass ({@code dSequence[row]}): a sequence log-prob is the sum
     * of its tokens', so each token gets its sequence's gradient. Clips the global gradient norm
     * at {@code maxGradNorm} and returns the norm before clipping.
     */
    double step(CompletionLogProbs logProbs, double[] dSequence, double maxGradNorm) {
        int stride = logProbs.maxLength();
        float[] tokenGradient = new float[logProbs.batchSize() * stride];
        for (int row = 0; row < dSequence.length; row++) {
            for (int t = 0; t < logProbs.length(row); t++) {
                tokenGradient[row * stride + t] = (float) dSequence[row];
            }
        }
        policy.backward(tokenGradient);
        double gradNorm = optimizer.clipGradientNorm(maxGradNorm);
        optimizer.step();
        updates++;
        return gradNorm;
    }

    /** Writes the policy, the reference, Adam, the shuffling generator and the update count to {@code file}, atomically. */
    void save(Path file, String config) throws IOException {
        TrainerCheckpoint.write(file, trainer, config, policy.parameters(), reference.parameters(), optimizer, rng, updates);
    }

    /**
     * Restores what {@link #save} wrote, from a trainer of the same kind, config and policy shape;
     * nothing changes unless every section decodes. The reference becomes a new frozen policy
     * with the saved parameters (the one this trainer had is left as it was: it may be shared).
     */
    void restore(Path file, String config) throws IOException {
        TrainerCheckpoint.State state = TrainerCheckpoint.read(file, trainer, config, policy.parameters(),
                reference.parameters(), optimizer);
        TokenPolicy savedReference = new TokenPolicy(policy.spec(), new Rng(0)); // initial draw overwritten
        savedReference.parameters().load(state.reference());
        policy.parameters().load(state.params());
        optimizer.restore(state.optimizer());
        reference = savedReference.frozenCopy();
        rng = state.rng();
        updates = state.updates();
    }
}

package io.github.jrl.algorithms.preference;

import io.github.jrl.core.random.Rng;
import io.github.jrl.nd4j.optim.Adam;
import io.github.jrl.nd4j.reward.SequenceRewardNetwork;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Trains a {@link SequenceRewardNetwork} on comparisons with the {@link BradleyTerryLoss}, as TRL's
 * {@code RewardTrainer}: the chosen and rejected completions of a minibatch in one pass, Adam
 * after clipping the global gradient norm. A multi-head network learns each head from the pairs
 * labelled for its objective ({@link Comparison#objective()}): a pair about format says nothing
 * about correctness. {@link #saveCheckpoint} and {@link #restore} carry training across processes
 * between calls to {@link #train}.
 */
public final class RewardModelTrainer {

    /** A pair judged on one objective: the index of the head it trains. */
    public record Comparison(TokenPair pair, int objective) {
    }

    private static final String CHECKPOINT_NAME = "reward-model";

    private final SequenceRewardNetwork network;
    private final Adam optimizer;
    private final double learningRate;
    private final double maxGradNorm;
    private final int batchSize;
    private final long seed;
    private Rng rng;
    private long updates;

    /**
     * @param learningRate Adam step size
     * @param batchSize pairs per update
     * @param maxGradNorm global gradient-norm clip (Hugging Face's default 1.0)
     * @param seed seed of the shuffling
     * @throws IllegalArgumentException for a non-positive learning rate, batch size or norm
     */
    public RewardModelTrainer(SequenceRewardNetwork network, double learningRate, int batchSize, double maxGradNorm,
            long seed) {
        if (!(learningRate > 0) || batchSize <= 0 || !(maxGradNorm > 0)) {
            throw new IllegalArgumentException("need a positive learning rate, batch size and maxGradNorm, got "
                    + learningRate + ", " + batchSize + ", " + maxGradNorm);
        }
        this.network = network;
        this.optimizer = Adam.of(network.parameters(), learningRate, 1e-8);
        this.learningRate = learningRate;
        this.maxGradNorm = maxGradNorm;
        this.batchSize = batchSize;
        this.seed = seed;
        this.rng = new Rng(seed);
    }

    /**
     * {@code epochs} passes over {@code comparisons} in seeded shuffled minibatches; returns the
     * mean loss of the last pass.
     *
     * @throws IllegalArgumentException if there are no comparisons or an objective has no head
     */
    public double train(List<Comparison> comparisons, int epochs) {
        if (comparisons.isEmpty() || epochs <= 0) {
            throw new IllegalArgumentException("need comparisons and a positive number of epochs, got "
                    + comparisons.size() + " comparisons and " + epochs + " epochs");
        }
        for (Comparison c : comparisons) {
            if (c.objective() < 0 || c.objective() >= network.heads()) {
                throw new IllegalArgumentException("objective " + c.objective() + " has no head; the network has "
                        + network.heads());
            }
        }
        double passLoss = 0;
        for (int epoch = 0; epoch < epochs; epoch++) {
            passLoss = 0;
            for (int[] indices : Minibatches.shuffled(rng, comparisons.size(), batchSize)) {
                Comparison[] batch = new Comparison[indices.length];
                for (int i = 0; i < indices.length; i++) {
                    batch[i] = comparisons.get(indices[i]);
                }
                passLoss += step(batch) * indices.length;
            }
            passLoss /= comparisons.size();
        }
        return passLoss;
    }

    private double step(Comparison[] batch) {
        int n = batch.length;
        int heads = network.heads();
        double[][] rewards = objectiveRewards(network, batch);
        double[] chosen = rewards[0];
        double[] rejected = rewards[1];
        double[] dChosen = new double[n];
        double[] dRejected = new double[n];
        double loss = BradleyTerryLoss.loss(chosen, rejected, n, dChosen, dRejected);
        float[] gradient = new float[2 * n * heads];
        for (int i = 0; i < n; i++) {
            gradient[i * heads + batch[i].objective()] = (float) dChosen[i];
            gradient[(n + i) * heads + batch[i].objective()] = (float) dRejected[i];
        }
        network.backward(gradient);
        optimizer.clipGradientNorm(maxGradNorm);
        optimizer.step();
        updates++;
        return loss;
    }

    /** Updates taken so far. */
    public long updates() {
        return updates;
    }

    /**
     * Writes the network's parameters, Adam's state, the shuffling generator and the update count
     * to {@code file} atomically; {@link #restore} continues from it bit-identically.
     */
    public void saveCheckpoint(Path file) throws IOException {
        TrainerCheckpoint.write(file, CHECKPOINT_NAME, settings(), network.parameters(), null, optimizer, rng, updates);
    }

    /**
     * Restores a state {@link #saveCheckpoint} wrote into this trainer, made with the same
     * settings and network shape; nothing changes unless the whole checkpoint decodes.
     *
     * @throws io.github.jrl.core.checkpoint.CorruptCheckpointException if the file is damaged,
     *     truncated or not a reward-model checkpoint of this network shape
     * @throws IllegalArgumentException if it was written with other settings
     */
    public void restore(Path file) throws IOException {
        TrainerCheckpoint.State state = TrainerCheckpoint.read(file, CHECKPOINT_NAME, settings(), network.parameters(), null,
                optimizer);
        network.parameters().load(state.params());
        optimizer.restore(state.optimizer());
        rng = state.rng();
        updates = state.updates();
    }

    /** The settings a checkpoint must have been written with, as its config text. */
    private String settings() {
        return "RewardModelTrainer[heads=" + network.heads() + ", learningRate=" + learningRate + ", batchSize=" + batchSize
                + ", maxGradNorm=" + maxGradNorm + ", seed=" + seed + "]";
    }

    /**
     * Share of {@code comparisons} whose chosen completion the network scores strictly higher on
     * the comparison's objective: held-out pairwise accuracy. Scored {@value #EVAL_CHUNK}
     * comparisons per forward pass, so that the activations of tens of thousands of pairs are never
     * held at once.
     *
     * @throws IllegalArgumentException if there are no comparisons
     */
    public static double pairwiseAccuracy(SequenceRewardNetwork network, List<Comparison> comparisons) {
        if (comparisons.isEmpty()) {
            throw new IllegalArgumentException("pairwise accuracy needs at least one comparison");
        }
        Comparison[] all = comparisons.toArray(new Comparison[0]);
        double correct = 0;
        for (int from = 0; from < all.length; from += EVAL_CHUNK) {
            Comparison[] chunk = Arrays.copyOfRange(all, from, Math.min(all.length, from + EVAL_CHUNK));
            double[][] rewards = objectiveRewards(network, chunk);
            correct += BradleyTerryLoss.accuracy(rewards[0], rewards[1], chunk.length) * chunk.length;
        }
        return correct / all.length;
    }

    /** Comparisons per forward pass of {@link #pairwiseAccuracy}. */
    private static final int EVAL_CHUNK = 1024;

    /** One forward pass: the rewards of the chosen and of the rejected completions on each comparison's objective. */
    private static double[][] objectiveRewards(SequenceRewardNetwork network, Comparison[] batch) {
        int n = batch.length;
        int heads = network.heads();
        float[] rewards = network.forward(prompts(batch), completions(batch));
        double[][] byPair = new double[2][n];
        for (int i = 0; i < n; i++) {
            byPair[0][i] = rewards[i * heads + batch[i].objective()];
            byPair[1][i] = rewards[(n + i) * heads + batch[i].objective()];
        }
        return byPair;
    }

    /** Prompts of the chosen completions, then of the rejected ones. */
    private static int[][] prompts(Comparison[] batch) {
        int n = batch.length;
        int[][] prompts = new int[2 * n][];
        for (int i = 0; i < n; i++) {
            prompts[i] = batch[i].pair().prompt();
            prompts[n + i] = batch[i].pair().prompt();
        }
        return prompts;
    }

    private static int[][] completions(Comparison[] batch) {
        int n = batch.length;
        int[][] completions = new int[2 * n][];
        for (int i = 0; i < n; i++) {
            completions[i] = batch[i].pair().chosen();
            completions[n + i] = batch[i].pair().rejected();
        }
        return completions;
    }
}

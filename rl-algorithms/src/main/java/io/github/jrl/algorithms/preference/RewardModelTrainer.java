package io.github.jrl.algorithms.preference;

import io.github.jrl.core.random.Rng;
import io.github.jrl.nd4j.optim.Adam;
import io.github.jrl.nd4j.reward.SequenceRewardNetwork;
import java.util.List;

/**
 * Trains a {@link SequenceRewardNetwork} on comparisons with the {@link BradleyTerryLoss}, as TRL's
 * {@code RewardTrainer}: the chosen and rejected completions of a minibatch in one pass, Adam
 * after clipping the global gradient norm. A multi-head network learns each head from the pairs
 * labelled for its objective ({@link Comparison#objective()}): a pair about format says nothing
 * about correctness.
 */
public final class RewardModelTrainer {

    /** A pair judged on one objective: the index of the head it trains. */
    public record Comparison(TokenPair pair, int objective) {
    }

    private final SequenceRewardNetwork network;
    private final Adam optimizer;
    private final double maxGradNorm;
    private final int batchSize;
    private final Rng rng;

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
        this.maxGradNorm = maxGradNorm;
        this.batchSize = batchSize;
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
            int[] order = rng.permutation(comparisons.size());
            passLoss = 0;
            for (int start = 0; start < order.length; start += batchSize) {
                int n = Math.min(batchSize, order.length - start);
                Comparison[] batch = new Comparison[n];
                for (int i = 0; i < n; i++) {
                    batch[i] = comparisons.get(order[start + i]);
                }
                passLoss += step(batch) * n;
            }
            passLoss /= order.length;
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
        return loss;
    }

    /**
     * Share of {@code comparisons} whose chosen completion the network scores strictly higher on
     * the comparison's objective: held-out pairwise accuracy.
     */
    public static double pairwiseAccuracy(SequenceRewardNetwork network, List<Comparison> comparisons) {
        double[][] rewards = objectiveRewards(network, comparisons.toArray(new Comparison[0]));
        return BradleyTerryLoss.accuracy(rewards[0], rewards[1], comparisons.size());
    }

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

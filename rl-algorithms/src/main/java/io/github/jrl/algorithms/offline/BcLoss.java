package io.github.jrl.algorithms.offline;

import io.github.jrl.nd4j.dist.Categorical;

/**
 * The behaviour-cloning losses as pure functions of float arrays, each returning its value and
 * writing its gradient: the mean squared error of a deterministic actor (PyTorch's
 * {@code F.mse_loss}, the mean over every element, as TD3+BC's regulariser and CORL's
 * {@code any_percent_bc.py}) and the cross-entropy of a categorical policy (d3rlpy's
 * {@code DiscreteBC}, without its logit penalty).
 */
public final class BcLoss {

    private BcLoss() {
    }

    /**
     * {@code mean((predicted - targets)^2)} over {@code n x d} elements; writes
     * {@code 2 (predicted - targets) / (n d)} into {@code dPredicted}.
     */
    public static double mse(float[] predicted, float[] targets, int n, int d, float[] dPredicted) {
        int count = n * d;
        double sum = 0;
        for (int j = 0; j < count; j++) {
            double error = predicted[j] - targets[j];
            sum += error * error;
            dPredicted[j] = (float) (2 * error / count);
        }
        return sum / count;
    }

    /** A cross-entropy and the fraction of rows whose argmax is the target. */
    public record CrossEntropy(double loss, double accuracy) {
    }

    /**
     * {@code -mean_i log softmax(logits_i)[a_i]} for the {@code n x numActions} {@code logits} and
     * the action indices {@code actions} (stored as floats, as datasets hold them); writes
     * {@code (softmax(logits_i) - onehot(a_i)) / n} into {@code dLogits}.
     */
    public static CrossEntropy crossEntropy(float[] logits, float[] actions, int n, int numActions, float[] dLogits) {
        double[] logProbs = new double[numActions];
        double loss = 0;
        int correct = 0;
        for (int i = 0; i < n; i++) {
            Categorical.logSoftmax(logits, i, numActions, null, logProbs);
            int target = (int) actions[i];
            loss -= logProbs[target];
            if (Categorical.mode(logProbs, numActions) == target) {
                correct++;
            }
            for (int a = 0; a < numActions; a++) {
                dLogits[i * numActions + a] = (float) ((Math.exp(logProbs[a]) - (a == target ? 1 : 0)) / n);
            }
        }
        return new CrossEntropy(loss / n, (double) correct / n);
    }
}

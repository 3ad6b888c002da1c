package io.github.jrl.nd4j.policy;

import io.github.jrl.core.random.Rng;
import io.github.jrl.nd4j.dist.Categorical;

/** A categorical distribution over {@code n} actions from {@code n} logits per row. */
public final class CategoricalHead implements ActionHead {

    private final int n;
    private final double[] logProbs;

    public CategoricalHead(int n) {
        if (n < 2) {
            throw new IllegalArgumentException("a categorical head needs at least 2 actions, got " + n);
        }
        this.n = n;
        this.logProbs = new double[n];
    }

    @Override
    public int outputSize() {
        return n;
    }

    @Override
    public int actionSize() {
        return 1;
    }

    @Override
    public int parameterCount() {
        return 0;
    }

    @Override
    public double sample(float[] outputs, int row, float[] headParams, Rng rng, float[] actions) {
        Categorical.logSoftmax(outputs, row, n, null, logProbs);
        int action = Categorical.sample(logProbs, n, rng);
        actions[row] = action;
        return logProbs[action];
    }

    @Override
    public void mode(float[] outputs, int row, float[] headParams, float[] actions) {
        Categorical.logSoftmax(outputs, row, n, null, logProbs);
        actions[row] = Categorical.mode(logProbs, n);
    }

    @Override
    public double logProbs(float[] outputs, float[] actions, int rows, float[] headParams, float[] out) {
        double entropy = 0;
        for (int i = 0; i < rows; i++) {
            entropy += Categorical.logSoftmax(outputs, i, n, null, logProbs);
            out[i] = (float) logProbs[index(actions[i])];
        }
        return entropy / rows;
    }

    @Override
    public void backward(float[] outputs, float[] actions, int rows, float[] headParams, float[] dLogProbs,
            double entCoef, float[] dOutputs, float[] dHeadParams) {
        for (int i = 0; i < rows; i++) {
            double entropy = Categorical.logSoftmax(outputs, i, n, null, logProbs);
            int action = index(actions[i]);
            for (int k = 0; k < n; k++) {
                double p = Math.exp(logProbs[k]);
                // d logp(a) / d z_k = [k == a] - p_k;  d H / d z_k = -p_k (log p_k + H)
                double dLogp = (k == action ? 1 : 0) - p;
                double dEntropy = -p * (logProbs[k] + entropy);
                dOutputs[i * n + k] = (float) (dLogProbs[i] * dLogp - entCoef * dEntropy / rows);
            }
        }
    }

    private int index(float action) {
        int a = (int) action;
        if (a != action || a < 0 || a >= n) {
            throw new IllegalArgumentException("action " + action + " is not an index in [0, " + n + ")");
        }
        return a;
    }
}

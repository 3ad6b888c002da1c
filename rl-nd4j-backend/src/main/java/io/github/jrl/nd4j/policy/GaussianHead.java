package io.github.jrl.nd4j.policy;

import io.github.jrl.core.random.Rng;
import io.github.jrl.nd4j.dist.DiagGaussian;

/**
 * A diagonal Gaussian whose mean is the network output and whose log-std is a state-independent
 * parameter vector, initialised to {@code logStdInit} (0 in Stable-Baselines3's PPO).
 */
public final class GaussianHead implements ActionHead {

    private final int d;
    private final double logStdInit;

    public GaussianHead(int d, double logStdInit) {
        if (d <= 0 || !Double.isFinite(logStdInit)) {
            throw new IllegalArgumentException("need d > 0 and a finite initial log-std, got " + d + " and " + logStdInit);
        }
        this.d = d;
        this.logStdInit = logStdInit;
    }

    public double logStdInit() {
        return logStdInit;
    }

    @Override
    public int outputSize() {
        return d;
    }

    @Override
    public int actionSize() {
        return d;
    }

    @Override
    public int parameterCount() {
        return d;
    }

    @Override
    public double sample(float[] outputs, int row, float[] logStd, Rng rng, float[] actions) {
        DiagGaussian.sample(outputs, row, logStd, d, rng, actions);
        return DiagGaussian.logProb(outputs, actions, row, logStd, d);
    }

    @Override
    public void mode(float[] outputs, int row, float[] logStd, float[] actions) {
        System.arraycopy(outputs, row * d, actions, row * d, d);
    }

    @Override
    public double logProbs(float[] outputs, float[] actions, int rows, float[] logStd, float[] out) {
        for (int i = 0; i < rows; i++) {
            out[i] = (float) DiagGaussian.logProb(outputs, actions, i, logStd, d);
        }
        return DiagGaussian.entropy(logStd, d);
    }

    @Override
    public void backward(float[] outputs, float[] actions, int rows, float[] logStd, float[] dLogProbs,
            double entCoef, float[] dOutputs, float[] dLogStd) {
        java.util.Arrays.fill(dLogStd, 0, d, 0f);
        double[] dLogStdSum = new double[d];
        for (int i = 0; i < rows; i++) {
            for (int k = 0; k < d; k++) {
                double std = Math.exp(logStd[k]);
                double z = (actions[i * d + k] - outputs[i * d + k]) / std;
                // d logp / d mean = z / std;  d logp / d logStd = z^2 - 1
                dOutputs[i * d + k] = (float) (dLogProbs[i] * z / std);
                dLogStdSum[k] += dLogProbs[i] * (z * z - 1);
            }
        }
        for (int k = 0; k < d; k++) {
            // the entropy is sum(logStd) + const, the same for every row
            dLogStd[k] = (float) (dLogStdSum[k] - entCoef);
        }
    }
}

package io.github.jrl.nd4j.nn;

import java.util.Arrays;

/**
 * The shape of a multilayer perceptron: input size, hidden sizes, output size, the hidden
 * activation (the output is linear), and the orthogonal-initialisation gains of the hidden layers
 * and of the output layer.
 */
public record MlpSpec(int inputSize, int[] hiddenSizes, int outputSize, Activation activation,
        double hiddenGain, double outputGain) {

    public MlpSpec {
        if (inputSize <= 0 || outputSize <= 0) {
            throw new IllegalArgumentException("input and output sizes must be positive, got " + inputSize + " and " + outputSize);
        }
        for (int h : hiddenSizes) {
            if (h <= 0) {
                throw new IllegalArgumentException("hidden sizes must be positive, got " + Arrays.toString(hiddenSizes));
            }
        }
        if (!(hiddenGain > 0) || !(outputGain > 0) || Double.isInfinite(hiddenGain) || Double.isInfinite(outputGain)) {
            throw new IllegalArgumentException("gains must be positive and finite, got " + hiddenGain + " and " + outputGain);
        }
        hiddenSizes = hiddenSizes.clone();
        java.util.Objects.requireNonNull(activation, "activation");
    }

    @Override
    public int[] hiddenSizes() {
        return hiddenSizes.clone();
    }

    /** Layer widths from input to output. */
    public int[] widths() {
        int[] widths = new int[hiddenSizes.length + 2];
        widths[0] = inputSize;
        System.arraycopy(hiddenSizes, 0, widths, 1, hiddenSizes.length);
        widths[widths.length - 1] = outputSize;
        return widths;
    }

    public int layers() {
        return hiddenSizes.length + 1;
    }

    /** Number of weights and biases. */
    public long parameterCount() {
        int[] w = widths();
        long count = 0;
        for (int l = 0; l < w.length - 1; l++) {
            count += (long) w[l] * w[l + 1] + w[l + 1];
        }
        return count;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MlpSpec s && s.inputSize == inputSize && Arrays.equals(s.hiddenSizes, hiddenSizes)
                && s.outputSize == outputSize && s.activation == activation
                && s.hiddenGain == hiddenGain && s.outputGain == outputGain;
    }

    @Override
    public int hashCode() {
        return ((inputSize * 31 + Arrays.hashCode(hiddenSizes)) * 31 + outputSize) * 31 + activation.hashCode();
    }

    @Override
    public String toString() {
        return "MlpSpec" + Arrays.toString(widths()) + " " + activation + " gains " + hiddenGain + "/" + outputGain;
    }
}

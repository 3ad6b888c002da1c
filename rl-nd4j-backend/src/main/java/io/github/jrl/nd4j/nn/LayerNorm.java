package io.github.jrl.nd4j.nn;

import io.github.jrl.nd4j.Buffers;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Layer normalisation (Ba et al. 2016) over the last dimension of row-major {@code [rows, dim]}
 * floats, with a learned gain and bias: {@code y = (x - mean) / sqrt(var + 1e-5) * gain + bias},
 * the biased variance and epsilon of PyTorch's {@code nn.LayerNorm}. Java loops: per-row
 * reductions are where ND4J's per-op overhead costs most. Parameters {@code [gain, bias]} are a
 * slice of a {@link ParameterSet}.
 */
final class LayerNorm {

    private static final float EPSILON = 1e-5f;

    private final int dim;
    private final long offset;
    private final ParameterSet parameters;
    private final float[] gainAndBias;
    private final float[] gradients;
    private float[] normalized = new float[0];
    private float[] inverseStd = new float[0];
    private int rows;

    LayerNorm(int dim, ParameterSet parameters) {
        this.dim = dim;
        this.parameters = parameters;
        this.offset = parameters.reserve(2L * dim);
        this.gainAndBias = new float[2 * dim];
        this.gradients = new float[2 * dim];
    }

    /** Gain 1, bias 0. */
    void initialize() {
        java.util.Arrays.fill(gainAndBias, 0, dim, 1f);
        java.util.Arrays.fill(gainAndBias, dim, 2 * dim, 0f);
        Buffers.copyIn(gainAndBias, 0, 2 * dim, view(parameters.params()));
    }

    private INDArray view(INDArray array) {
        return ParameterSet.view(array, offset, 2L * dim);
    }

    /**
     * Normalises {@code rows} rows of {@code x} into {@code y}, reading the current parameters;
     * remembers what {@link #backward} needs.
     */
    void forward(float[] x, int rowCount, float[] y) {
        Buffers.copyOut(view(parameters.params()), gainAndBias, 0, 2 * dim);
        if (normalized.length < rowCount * dim) {
            normalized = new float[rowCount * dim];
            inverseStd = new float[rowCount];
        }
        rows = rowCount;
        for (int r = 0; r < rowCount; r++) {
            int base = r * dim;
            double mean = 0;
            for (int i = 0; i < dim; i++) {
                mean += x[base + i];
            }
            mean /= dim;
            double variance = 0;
            for (int i = 0; i < dim; i++) {
                double centered = x[base + i] - mean;
                variance += centered * centered;
            }
            float invStd = (float) (1 / Math.sqrt(variance / dim + EPSILON));
            inverseStd[r] = invStd;
            for (int i = 0; i < dim; i++) {
                float n = (float) (x[base + i] - mean) * invStd;
                normalized[base + i] = n;
                y[base + i] = n * gainAndBias[i] + gainAndBias[dim + i];
            }
        }
    }

    /**
     * From {@code dy}, the gradient w.r.t. the last forward's output, writes the input gradient
     * into {@code dx} and overwrites this layer's parameter gradients.
     */
    void backward(float[] dy, float[] dx) {
        java.util.Arrays.fill(gradients, 0f);
        for (int r = 0; r < rows; r++) {
            int base = r * dim;
            double meanDn = 0;
            double meanDnN = 0;
            for (int i = 0; i < dim; i++) {
                float g = dy[base + i];
                float n = normalized[base + i];
                gradients[i] += g * n;
                gradients[dim + i] += g;
                float dn = g * gainAndBias[i];
                meanDn += dn;
                meanDnN += dn * n;
            }
            meanDn /= dim;
            meanDnN /= dim;
            float invStd = inverseStd[r];
            for (int i = 0; i < dim; i++) {
                float dn = dy[base + i] * gainAndBias[i];
                dx[base + i] = (float) ((dn - meanDn - normalized[base + i] * meanDnN) * invStd);
            }
        }
        Buffers.copyIn(gradients, 0, 2 * dim, view(parameters.gradients()));
    }
}

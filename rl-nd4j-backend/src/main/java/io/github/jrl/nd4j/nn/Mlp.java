package io.github.jrl.nd4j.nn;

import io.github.jrl.core.random.Rng;
import io.github.jrl.nd4j.Buffers;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A multilayer perceptron trained on ND4J with a hand-written backward pass: per layer,
 * {@code z = x W + b}, then the activation (none on the output). Weights ({@code [in, out]},
 * row-major) and biases are views of a {@link ParameterSet}, and every intermediate array is
 * preallocated per batch size, so a training step is a fixed, small number of native ops
 * (3 per layer forward, 3-4 per layer backward) and allocates nothing.
 *
 * <p>Not thread-safe: one training thread owns it. Acting goes through {@link #snapshot()}.
 */
public final class Mlp {

    private final MlpSpec spec;
    private final int[] widths;
    private final long offset;
    private final ParameterSet parameters;
    private INDArray[] weights;
    private INDArray[] biases;
    private INDArray[] weightGrads;
    private INDArray[] biasGrads;

    private int batch = -1;
    private INDArray[] z;       // pre-activations, per layer
    private INDArray[] a;       // a[0] = input, a[l + 1] = activation of layer l
    private INDArray[] dz;      // gradient w.r.t. z, per layer
    private INDArray[] da;      // gradient w.r.t. a[l], l >= 1 (da[0] only if the input gradient is asked for)

    /** Reserves this network's parameters in {@code parameters}; call {@link #initialize} after allocation. */
    public Mlp(MlpSpec spec, ParameterSet parameters) {
        this.spec = spec;
        this.widths = spec.widths();
        this.parameters = parameters;
        this.offset = parameters.reserve(spec.parameterCount());
    }

    public MlpSpec spec() {
        return spec;
    }

    private void bindViews() {
        if (weights != null) {
            return;
        }
        int layers = spec.layers();
        weights = new INDArray[layers];
        biases = new INDArray[layers];
        weightGrads = new INDArray[layers];
        biasGrads = new INDArray[layers];
        long at = offset;
        for (int l = 0; l < layers; l++) {
            int in = widths[l];
            int out = widths[l + 1];
            weights[l] = ParameterSet.view(parameters.params(), at, in, out);
            weightGrads[l] = ParameterSet.view(parameters.gradients(), at, in, out);
            at += (long) in * out;
            biases[l] = ParameterSet.view(parameters.params(), at, out);
            biasGrads[l] = ParameterSet.view(parameters.gradients(), at, out);
            at += out;
        }
    }

    /** Orthogonal weights with the spec's gains, zero biases (the PPO reference initialisation). */
    public void initialize(Rng rng) {
        bindViews();
        for (int l = 0; l < spec.layers(); l++) {
            double gain = l == spec.layers() - 1 ? spec.outputGain() : spec.hiddenGain();
            float[] w = Orthogonal.matrix(widths[l], widths[l + 1], gain, rng);
            Buffers.copyIn(w, 0, w.length, weights[l]);
            biases[l].assign(0);
        }
    }

    private void ensureBatch(int size) {
        bindViews();
        if (size == batch) {
            return;
        }
        int layers = spec.layers();
        z = new INDArray[layers];
        a = new INDArray[layers + 1];
        dz = new INDArray[layers];
        da = new INDArray[layers + 1];
        a[0] = Nd4j.create(DataType.FLOAT, size, widths[0]);
        da[0] = Nd4j.create(DataType.FLOAT, size, widths[0]);
        for (int l = 0; l < layers; l++) {
            z[l] = Nd4j.create(DataType.FLOAT, size, widths[l + 1]);
            a[l + 1] = l == layers - 1 ? z[l] : Nd4j.create(DataType.FLOAT, size, widths[l + 1]);
            dz[l] = Nd4j.create(DataType.FLOAT, size, widths[l + 1]);
            da[l + 1] = l == layers - 1 ? dz[l] : Nd4j.create(DataType.FLOAT, size, widths[l + 1]);
        }
        batch = size;
    }

    /**
     * The input buffer for a batch of {@code size} rows: fill it (e.g. with
     * {@link Buffers#copyIn}) and call {@link #forward()}.
     */
    public INDArray input(int size) {
        if (size <= 0) {
            throw new IllegalArgumentException("batch size must be positive, got " + size);
        }
        ensureBatch(size);
        return a[0];
    }

    /** Forward pass over the current input; returns the output buffer {@code [batch, outputSize]}. */
    public INDArray forward() {
        requireBatch();
        for (int l = 0; l < spec.layers(); l++) {
            a[l].mmuli(weights[l], z[l]);
            z[l].addiRowVector(biases[l]);
            if (l < spec.layers() - 1) {
                spec.activation().forward(z[l], a[l + 1]);
            }
        }
        return z[spec.layers() - 1];
    }

    /** The buffer to write the loss gradient w.r.t. the output into before {@link #backward}. */
    public INDArray outputGradient() {
        requireBatch();
        return dz[spec.layers() - 1];
    }

    /**
     * Backward pass from {@link #outputGradient()} through the last {@link #forward()}: writes
     * (overwrites) this network's slice of the parameter gradients.
     *
     * @param inputGradient whether to also compute the gradient w.r.t. the input
     *     ({@link #inputGradient()}), as SAC's actor needs through the critic
     */
    public void backward(boolean inputGradient) {
        requireBatch();
        for (int l = spec.layers() - 1; l >= 0; l--) {
            if (l < spec.layers() - 1) {
                spec.activation().backward(z[l], a[l + 1], da[l + 1], dz[l]);
            }
            a[l].transpose().mmuli(dz[l], weightGrads[l]);
            dz[l].sum(biasGrads[l], 0);
            if (l > 0 || inputGradient) {
                dz[l].mmuli(weights[l].transpose(), da[l]);
            }
        }
    }

    /** Gradient w.r.t. the input of the last {@code backward(true)}. */
    public INDArray inputGradient() {
        requireBatch();
        return da[0];
    }

    /** A plain-Java copy of the current weights, for fast small-batch inference. */
    public MlpSnapshot snapshot() {
        bindViews();
        float[][] w = new float[spec.layers()][];
        float[][] b = new float[spec.layers()][];
        for (int l = 0; l < spec.layers(); l++) {
            w[l] = new float[widths[l] * widths[l + 1]];
            b[l] = new float[widths[l + 1]];
        }
        MlpSnapshot snapshot = new MlpSnapshot(spec, w, b);
        refresh(snapshot);
        return snapshot;
    }

    /** Copies the current weights into an existing snapshot of this network (no allocation). */
    public void refresh(MlpSnapshot snapshot) {
        bindViews();
        if (!snapshot.spec().equals(spec)) {
            throw new IllegalArgumentException("snapshot of " + snapshot.spec() + " cannot hold " + spec);
        }
        for (int l = 0; l < spec.layers(); l++) {
            Buffers.copyOut(weights[l], snapshot.weights(l), 0, widths[l] * widths[l + 1]);
            Buffers.copyOut(biases[l], snapshot.biases(l), 0, widths[l + 1]);
        }
    }

    private void requireBatch() {
        if (batch < 0) {
            throw new IllegalStateException("call input(batchSize) and fill it before forward/backward");
        }
    }
}

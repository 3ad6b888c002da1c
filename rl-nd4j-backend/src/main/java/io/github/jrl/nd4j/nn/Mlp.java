package io.github.jrl.nd4j.nn;

import io.github.jrl.core.random.Rng;
import io.github.jrl.nd4j.Buffers;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A multilayer perceptron with a hand-written backward pass: per layer {@code z = x W + b}, then
 * the activation (none on the output). Matrix products run as ND4J {@code gemm} calls into
 * preallocated arrays (with BLAS transpose flags, never copies); biases, activations and their
 * derivatives run in Java loops over mirrored float arrays, because ND4J's element-wise kernels
 * and its per-op overhead cost more than the arithmetic at these sizes (docs/benchmarks.md).
 * A training step is five {@code gemm} calls for a three-layer network and allocates nothing.
 *
 * <p>Weights ({@code [in, out]}, row-major) and biases are views of a {@link ParameterSet}, whose
 * gradient array the backward pass overwrites. Not thread-safe: one training thread owns it;
 * acting goes through {@link #snapshot()}.
 */
public final class Mlp {

    private final MlpSpec spec;
    private final int[] widths;
    private final int layers;
    private final long offset;
    private final ParameterSet parameters;
    private INDArray[] weights;
    private INDArray[] biases;
    private INDArray[] weightGrads;
    private INDArray[] biasGrads;
    private float[][] biasValues;
    private float[][] biasGradValues;

    private int batch = -1;
    private INDArray[] a;     // a[0] = input, a[l + 1] = output of layer l (ND4J side, gemm operands)
    private INDArray[] z;     // gemm results x W (without bias)
    private INDArray[] dz;    // gradient w.r.t. the pre-activation of layer l
    private INDArray[] da;    // gradient w.r.t. a[l]
    private float[][] zJ;     // pre-activations with bias (Java side)
    private float[][] aJ;     // activations (Java side); aJ[layers] is the output
    private float[][] dzJ;
    private float[][] daJ;

    /** Reserves this network's parameters in {@code parameters}; call {@link #initialize} after allocation. */
    public Mlp(MlpSpec spec, ParameterSet parameters) {
        this.spec = spec;
        this.widths = spec.widths();
        this.layers = spec.layers();
        this.parameters = parameters;
        this.offset = parameters.reserve(spec.parameterCount());
    }

    public MlpSpec spec() {
        return spec;
    }

    /** Offset of this network's first parameter in the flat {@link ParameterSet}. */
    public long parameterOffset() {
        return offset;
    }

    private void bindViews() {
        if (weights != null) {
            return;
        }
        weights = new INDArray[layers];
        biases = new INDArray[layers];
        weightGrads = new INDArray[layers];
        biasGrads = new INDArray[layers];
        biasValues = new float[layers][];
        biasGradValues = new float[layers][];
        long at = offset;
        for (int l = 0; l < layers; l++) {
            int in = widths[l];
            int out = widths[l + 1];
            weights[l] = ParameterSet.view(parameters.params(), at, in, out);
            weightGrads[l] = ParameterSet.view(parameters.gradients(), at, in, out);
            at += (long) in * out;
            biases[l] = ParameterSet.view(parameters.params(), at, out);
            biasGrads[l] = ParameterSet.view(parameters.gradients(), at, out);
            biasValues[l] = new float[out];
            biasGradValues[l] = new float[out];
            at += out;
        }
    }

    /** Orthogonal weights with the spec's gains, zero biases (the PPO reference initialisation). */
    public void initialize(Rng rng) {
        bindViews();
        for (int l = 0; l < layers; l++) {
            double gain = l == layers - 1 ? spec.outputGain() : spec.hiddenGain();
            float[] w = Orthogonal.matrix(widths[l], widths[l + 1], gain, rng);
            Buffers.copyIn(w, 0, w.length, weights[l]);
            biases[l].assign(0);
        }
    }

    /**
     * PyTorch's default {@code nn.Linear} initialisation ({@code kaiming_uniform_} with
     * {@code a = sqrt(5)}): weights and biases uniform in {@code +-1 / sqrt(fanIn)}. The SAC
     * references (Stable-Baselines3's {@code SACPolicy}, CleanRL's {@code sac_continuous_action.py})
     * keep it; the spec's gains are not used.
     */
    public void initializeUniform(Rng rng) {
        bindViews();
        for (int l = 0; l < layers; l++) {
            double bound = 1 / Math.sqrt(widths[l]);
            float[] w = new float[widths[l] * widths[l + 1]];
            for (int i = 0; i < w.length; i++) {
                w[i] = (float) rng.nextDouble(-bound, bound);
            }
            float[] b = new float[widths[l + 1]];
            for (int i = 0; i < b.length; i++) {
                b[i] = (float) rng.nextDouble(-bound, bound);
            }
            Buffers.copyIn(w, 0, w.length, weights[l]);
            Buffers.copyIn(b, 0, b.length, biases[l]);
        }
    }

    private void ensureBatch(int size) {
        bindViews();
        if (size == batch) {
            return;
        }
        a = new INDArray[layers + 1];
        z = new INDArray[layers];
        dz = new INDArray[layers];
        da = new INDArray[layers + 1];
        zJ = new float[layers][];
        aJ = new float[layers + 1][];
        dzJ = new float[layers][];
        daJ = new float[layers + 1][];
        a[0] = Nd4j.create(DataType.FLOAT, size, widths[0]);
        da[0] = Nd4j.create(DataType.FLOAT, size, widths[0]);
        daJ[0] = new float[size * widths[0]];
        for (int l = 0; l < layers; l++) {
            int n = size * widths[l + 1];
            a[l + 1] = Nd4j.create(DataType.FLOAT, size, widths[l + 1]);
            z[l] = Nd4j.create(DataType.FLOAT, size, widths[l + 1]);
            dz[l] = Nd4j.create(DataType.FLOAT, size, widths[l + 1]);
            da[l + 1] = Nd4j.create(DataType.FLOAT, size, widths[l + 1]);
            zJ[l] = new float[n];
            aJ[l + 1] = l == layers - 1 ? zJ[l] : new float[n];
            dzJ[l] = new float[n];
            daJ[l + 1] = new float[n];
        }
        batch = size;
    }

    /**
     * Forward pass of {@code rows} inputs ({@code rows x inputSize} floats of {@code input},
     * row-major). Returns the output, {@code rows x outputSize} floats in a buffer owned by this
     * network and overwritten by the next call.
     */
    public float[] forward(float[] input, int rows) {
        if (rows <= 0 || input.length < rows * widths[0]) {
            throw new IllegalArgumentException("need rows > 0 and " + rows + " x " + widths[0] + " input floats, got rows="
                    + rows + " and " + input.length + " floats");
        }
        ensureBatch(rows);
        Buffers.copyIn(input, 0, rows * widths[0], a[0]);
        for (int l = 0; l < layers; l++) {
            int out = widths[l + 1];
            int n = rows * out;
            Nd4j.gemm(a[l], weights[l], z[l], false, false, 1.0, 0.0);
            Buffers.copyOut(z[l], zJ[l], 0, n);
            Buffers.copyOut(biases[l], biasValues[l], 0, out);
            float[] pre = zJ[l];
            float[] bias = biasValues[l];
            for (int r = 0; r < rows; r++) {
                int base = r * out;
                for (int j = 0; j < out; j++) {
                    pre[base + j] += bias[j];
                }
            }
            if (l < layers - 1) {
                spec.activation().forward(pre, aJ[l + 1], n);
                Buffers.copyIn(aJ[l + 1], 0, n, a[l + 1]);
            }
        }
        return aJ[layers];
    }

    /**
     * Backward pass through the last {@link #forward}, from the loss gradient w.r.t. the output
     * ({@code rows x outputSize} floats): overwrites this network's slice of the parameter
     * gradients.
     *
     * @param inputGradient whether to also compute {@link #inputGradient()}
     */
    public void backward(float[] outputGradient, boolean inputGradient) {
        backpropagate(outputGradient, true, inputGradient);
    }

    /**
     * Backpropagates to the input only, leaving the parameter gradients untouched, and returns
     * {@link #inputGradient()}: SAC's actor loss needs {@code dQ/da} through critics it does not
     * train, and skipping the weight gradients saves one matrix product per layer.
     */
    public float[] backwardToInput(float[] outputGradient) {
        backpropagate(outputGradient, false, true);
        return daJ[0];
    }

    private void backpropagate(float[] outputGradient, boolean parameterGradients, boolean inputGradient) {
        if (batch < 0) {
            throw new IllegalStateException("backward() needs a forward() first");
        }
        int rows = batch;
        int last = layers - 1;
        if (outputGradient.length < rows * widths[layers]) {
            throw new IllegalArgumentException("need " + rows + " x " + widths[layers] + " output-gradient floats, got "
                    + outputGradient.length);
        }
        System.arraycopy(outputGradient, 0, dzJ[last], 0, rows * widths[layers]);
        for (int l = last; l >= 0; l--) {
            int out = widths[l + 1];
            int n = rows * out;
            if (l < last) {
                spec.activation().backward(zJ[l], aJ[l + 1], daJ[l + 1], dzJ[l], n);
            }
            Buffers.copyIn(dzJ[l], 0, n, dz[l]);
            if (parameterGradients) {
                Nd4j.gemm(a[l], dz[l], weightGrads[l], true, false, 1.0, 0.0);
                float[] biasGrad = biasGradValues[l];
                java.util.Arrays.fill(biasGrad, 0f);
                float[] g = dzJ[l];
                for (int r = 0; r < rows; r++) {
                    int base = r * out;
                    for (int j = 0; j < out; j++) {
                        biasGrad[j] += g[base + j];
                    }
                }
                Buffers.copyIn(biasGrad, 0, out, biasGrads[l]);
            }
            if (l > 0 || inputGradient) {
                Nd4j.gemm(dz[l], weights[l], da[l], false, true, 1.0, 0.0);
                Buffers.copyOut(da[l], daJ[l], 0, rows * widths[l]);
            }
        }
    }

    /** Gradient w.r.t. the input of the last {@code backward(..., true)}; owned by this network. */
    public float[] inputGradient() {
        if (batch < 0) {
            throw new IllegalStateException("no backward pass yet");
        }
        return daJ[0];
    }

    /** A plain-Java copy of the current weights, for fast small-batch inference. */
    public MlpSnapshot snapshot() {
        bindViews();
        float[][] w = new float[layers][];
        float[][] b = new float[layers][];
        for (int l = 0; l < layers; l++) {
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
        for (int l = 0; l < layers; l++) {
            Buffers.copyOut(weights[l], snapshot.weights(l), 0, widths[l] * widths[l + 1]);
            Buffers.copyOut(biases[l], snapshot.biases(l), 0, widths[l + 1]);
        }
    }
}

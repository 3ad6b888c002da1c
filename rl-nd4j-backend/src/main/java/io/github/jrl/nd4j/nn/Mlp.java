package io.github.jrl.nd4j.nn;

import io.github.jrl.core.random.Rng;
import io.github.jrl.nd4j.Buffers;
import io.github.jrl.nd4j.MatMul;
import java.nio.FloatBuffer;
import java.util.HashMap;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A multilayer perceptron with a hand-written backward pass: per layer {@code z = x W + b}, then
 * the activation (none on the output). Matrix products run as BLAS {@code sgemm} calls into
 * preallocated ND4J arrays ({@link MatMul}, with transpose flags, never copies); activations and
 * their derivatives run in Java loops over mirrored float arrays, because ND4J's element-wise
 * kernels and its per-op overhead cost more than the arithmetic at these sizes
 * (docs/nd4j-backend.md).
 *
 * <p>The bias rides in the matrix product: a layer's weights {@code [in, out]} and bias
 * {@code [out]} lie one after the other in the {@link ParameterSet}, which makes them one
 * {@code [in + 1, out]} matrix, and each layer's input carries a last column of ones. So
 * {@code [x 1] [W; b] = x W + b} is one {@code gemm}, and in the backward pass
 * {@code [x 1]^T dz = [dW; db]} gives the weight and bias gradients in one {@code gemm} too,
 * straight into the gradient array: no bias loops in Java. A training step is five {@code gemm}
 * calls for a three-layer network (three for the parameters, two for the gradient flowing down)
 * and allocates nothing.
 *
 * <p>Weights ({@code [in, out]}, row-major) and biases are views of a {@link ParameterSet}, whose
 * gradient array the backward pass overwrites. Not thread-safe: one training thread owns it;
 * acting goes through {@link #snapshot()}.
 */
public final class Mlp {

    private final MlpSpec spec;
    private final Activation activation;
    private final int[] widths;
    private final int layers;
    private final long offset;
    private final ParameterSet parameters;
    private INDArray[] weights;         // W of layer l, [in, out]
    private INDArray[] biases;          // b of layer l, [out]
    private INDArray[] augmented;       // [W; b], [in + 1, out]
    private INDArray[] augmentedGrads;  // [dW; db], [in + 1, out]
    private MatMul[] forwardProducts;   // z[l] = a[l] [W; b]
    private MatMul[] gradientProducts;  // [dW; db] = a[l]^T dz[l]
    private MatMul[] downProducts;      // da[l] = dz[l] W^T

    /**
     * Workspaces of the batch sizes seen first, kept so that a network run at a few sizes in turn
     * (CQL's critics: the batch, then the batch with its sampled actions) allocates nothing after
     * the first step; other sizes reallocate on each change.
     */
    private static final int CACHED_BATCH_SIZES = 4;

    private final Map<Integer, Workspace> workspaces = new HashMap<>();
    private int batch = -1;
    private INDArray[] a;     // a[l] = input of layer l with a column of ones, [batch, in + 1] (gemm operand)
    private INDArray[] z;     // z[l] = [x 1][W; b], [batch, out]
    private INDArray[] dz;    // gradient w.r.t. z[l]
    private INDArray[] da;    // gradient w.r.t. the input of layer l (without the ones), [batch, in]
    private FloatBuffer[] aView;  // the ND4J arrays' memory, for bulk copies without JavaCPP calls
    private FloatBuffer[] zView;
    private FloatBuffer[] dzView;
    private FloatBuffer[] daView;
    private float[][] aJ;     // Java mirrors of the above
    private float[][] zJ;     // zJ[layers - 1] is the output
    private float[][] dzJ;
    private float[][] daJ;

    /** Reserves this network's parameters in {@code parameters}; call {@link #initialize} after allocation. */
    public Mlp(MlpSpec spec, ParameterSet parameters) {
        this.spec = spec;
        this.activation = spec.activation();
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
        augmented = new INDArray[layers];
        augmentedGrads = new INDArray[layers];
        long at = offset;
        for (int l = 0; l < layers; l++) {
            int in = widths[l];
            int out = widths[l + 1];
            weights[l] = ParameterSet.view(parameters.params(), at, in, out);
            augmented[l] = ParameterSet.view(parameters.params(), at, in + 1, out);
            augmentedGrads[l] = ParameterSet.view(parameters.gradients(), at, in + 1, out);
            at += (long) in * out;
            biases[l] = ParameterSet.view(parameters.params(), at, out);
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
        Workspace workspace = workspaces.get(size);
        if (workspace == null) {
            workspace = allocate(size);
            if (workspaces.size() < CACHED_BATCH_SIZES) {
                workspaces.put(size, workspace);
            }
        }
        a = workspace.a;
        z = workspace.z;
        dz = workspace.dz;
        da = workspace.da;
        aView = workspace.aView;
        zView = workspace.zView;
        dzView = workspace.dzView;
        daView = workspace.daView;
        forwardProducts = workspace.forwardProducts;
        gradientProducts = workspace.gradientProducts;
        downProducts = workspace.downProducts;
        aJ = workspace.aJ;
        zJ = workspace.zJ;
        dzJ = workspace.dzJ;
        daJ = workspace.daJ;
        batch = size;
    }

    private Workspace allocate(int size) {
        Workspace w = new Workspace(layers);
        for (int l = 0; l < layers; l++) {
            int in = widths[l];
            int out = widths[l + 1];
            w.a[l] = Nd4j.create(DataType.FLOAT, size, in + 1);
            w.aJ[l] = new float[size * (in + 1)];
            for (int r = 0; r < size; r++) {
                w.aJ[l][r * (in + 1) + in] = 1f; // the ones column is never overwritten
            }
            w.z[l] = Nd4j.create(DataType.FLOAT, size, out);
            w.zJ[l] = new float[size * out];
            w.dz[l] = Nd4j.create(DataType.FLOAT, size, out);
            w.dzJ[l] = new float[size * out];
            w.da[l] = Nd4j.create(DataType.FLOAT, size, in);
            w.daJ[l] = new float[size * in];
            w.aView[l] = Buffers.view(w.a[l], size * (in + 1));
            w.zView[l] = Buffers.view(w.z[l], size * out);
            w.dzView[l] = Buffers.view(w.dz[l], size * out);
            w.daView[l] = Buffers.view(w.da[l], size * in);
            w.forwardProducts[l] = new MatMul(w.a[l], augmented[l], w.z[l], false, false);
            w.gradientProducts[l] = new MatMul(w.a[l], w.dz[l], augmentedGrads[l], true, false);
            w.downProducts[l] = new MatMul(w.dz[l], weights[l], w.da[l], false, true);
        }
        return w;
    }

    /** The arrays and products of one batch size. */
    private static final class Workspace {
        final INDArray[] a;
        final INDArray[] z;
        final INDArray[] dz;
        final INDArray[] da;
        final FloatBuffer[] aView;
        final FloatBuffer[] zView;
        final FloatBuffer[] dzView;
        final FloatBuffer[] daView;
        final MatMul[] forwardProducts;
        final MatMul[] gradientProducts;
        final MatMul[] downProducts;
        final float[][] aJ;
        final float[][] zJ;
        final float[][] dzJ;
        final float[][] daJ;

        Workspace(int layers) {
            a = new INDArray[layers];
            z = new INDArray[layers];
            dz = new INDArray[layers];
            da = new INDArray[layers];
            aView = new FloatBuffer[layers];
            zView = new FloatBuffer[layers];
            dzView = new FloatBuffer[layers];
            daView = new FloatBuffer[layers];
            forwardProducts = new MatMul[layers];
            gradientProducts = new MatMul[layers];
            downProducts = new MatMul[layers];
            aJ = new float[layers][];
            zJ = new float[layers][];
            dzJ = new float[layers][];
            daJ = new float[layers][];
        }
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
        int width0 = widths[0];
        for (int r = 0; r < rows; r++) {
            System.arraycopy(input, r * width0, aJ[0], r * (width0 + 1), width0);
        }
        aView[0].put(0, aJ[0], 0, rows * (width0 + 1));
        for (int l = 0; l < layers; l++) {
            int out = widths[l + 1];
            forwardProducts[l].run();
            zView[l].get(0, zJ[l], 0, rows * out);
            if (l < layers - 1) {
                float[] pre = zJ[l];
                float[] next = aJ[l + 1];
                for (int r = 0; r < rows; r++) {
                    activation.forward(pre, r * out, next, r * (out + 1), out);
                }
                aView[l + 1].put(0, next, 0, rows * (out + 1));
            }
        }
        return zJ[layers - 1];
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
     * train, and skipping the parameter gradients saves one matrix product per layer.
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
            if (l < last) {
                float[] pre = zJ[l];
                float[] output = aJ[l + 1];
                float[] upstream = daJ[l + 1];
                float[] grad = dzJ[l];
                for (int r = 0; r < rows; r++) {
                    activation.backward(pre, output, r * (out + 1), upstream, grad, r * out, out);
                }
            }
            dzView[l].put(0, dzJ[l], 0, rows * out);
            if (parameterGradients) {
                gradientProducts[l].run();
            }
            if (l > 0 || inputGradient) {
                downProducts[l].run();
                daView[l].get(0, daJ[l], 0, rows * widths[l]);
            }
        }
    }

    /** The output of the last {@link #forward} (the buffer it returned). */
    public float[] output() {
        if (batch < 0) {
            throw new IllegalStateException("no forward pass yet");
        }
        return zJ[layers - 1];
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

    /** Sets the weights to those of {@code snapshot} (of this network's spec), the inverse of {@link #refresh}. */
    public void load(MlpSnapshot snapshot) {
        bindViews();
        if (!snapshot.spec().equals(spec)) {
            throw new IllegalArgumentException("snapshot of " + snapshot.spec() + " cannot be loaded into " + spec);
        }
        for (int l = 0; l < layers; l++) {
            Buffers.copyIn(snapshot.weights(l), 0, widths[l] * widths[l + 1], weights[l]);
            Buffers.copyIn(snapshot.biases(l), 0, widths[l + 1], biases[l]);
        }
    }
}

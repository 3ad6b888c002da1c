package io.github.jrl.nd4j.nn;

import io.github.jrl.core.random.Rng;

/**
 * One pre-layer-norm decoder block, as GPT-2's:
 *
 * <pre>
 * x2 = x + proj(attention(qkv(norm1(x))))
 * y  = x2 + ffn(norm2(x2))            ffn: Linear(d, f), GELU, Linear(f, d)
 * </pre>
 *
 * The linear maps are {@link Mlp} layers (ND4J {@code gemm}); normalisation, attention and the
 * residual sums are Java loops. Buffers grow to the largest batch seen and are reused.
 */
final class TransformerBlock {

    private final int dim;
    private final LayerNorm norm1;
    private final Mlp qkv;
    private final CausalSelfAttention attention;
    private final Mlp proj;
    private final LayerNorm norm2;
    private final Mlp ffn;
    private float[] normed1 = new float[0];
    private float[] attended = new float[0];
    private float[] mid = new float[0];
    private float[] normed2 = new float[0];
    private float[] dMid = new float[0];
    private float[] dQkv = new float[0];
    private float[] qkvOut;

    /**
     * @param residualGain orthogonal gain of the two projections into the residual stream
     *     (GPT-2 scales them by {@code 1 / sqrt(2 * layers)} so the stream's variance does not grow with depth)
     */
    TransformerBlock(TransformerSpec spec, double residualGain, ParameterSet parameters) {
        this.dim = spec.modelDim();
        this.norm1 = new LayerNorm(dim, parameters);
        this.qkv = new Mlp(new MlpSpec(dim, new int[0], 3 * dim, Activation.IDENTITY, 1, 1), parameters);
        this.attention = new CausalSelfAttention(dim, spec.heads());
        this.proj = new Mlp(new MlpSpec(dim, new int[0], dim, Activation.IDENTITY, 1, residualGain), parameters);
        this.norm2 = new LayerNorm(dim, parameters);
        this.ffn = new Mlp(new MlpSpec(dim, new int[] {spec.ffnDim()}, dim, Activation.GELU, 1, residualGain),
                parameters);
    }

    void initialize(Rng rng) {
        norm1.initialize();
        qkv.initialize(rng);
        proj.initialize(rng);
        norm2.initialize();
        ffn.initialize(rng);
    }

    private void ensureCapacity(int rows) {
        int n = rows * dim;
        if (normed1.length < n) {
            normed1 = new float[n];
            attended = new float[n];
            mid = new float[n];
            normed2 = new float[n];
            dMid = new float[n];
            dQkv = new float[3 * n];
        }
    }

    /** The block over {@code batch} sequences of {@code length} positions; remembers what {@link #backward} needs. */
    void forward(float[] x, int batch, int length, float[] y) {
        int rows = batch * length;
        ensureCapacity(rows);
        norm1.forward(x, rows, normed1);
        qkvOut = qkv.forward(normed1, rows);
        attention.forward(qkvOut, batch, length, attended);
        addResidual(x, proj.forward(attended, rows), mid, rows);
        norm2.forward(mid, rows, normed2);
        addResidual(mid, ffn.forward(normed2, rows), y, rows);
    }

    /** From {@code dy}, writes the gradient w.r.t. the last forward's input into {@code dx} and overwrites the block's parameter gradients. */
    void backward(float[] dy, float[] dx, int rows) {
        ffn.backward(dy, true);
        norm2.backward(ffn.inputGradient(), dMid);
        addInPlace(dMid, dy, rows);
        proj.backward(dMid, true);
        attention.backward(qkvOut, proj.inputGradient(), dQkv);
        qkv.backward(dQkv, true);
        norm1.backward(qkv.inputGradient(), dx);
        addInPlace(dx, dMid, rows);
    }

    /** One new position of {@code batch} sequences, attending over the cached keys and values. */
    void decode(float[] x, int batch, float[] keys, float[] values, int capacity, int position, float[] y) {
        ensureCapacity(batch);
        norm1.forward(x, batch, normed1);
        attention.decode(qkv.forward(normed1, batch), batch, keys, values, capacity, position, attended);
        addResidual(x, proj.forward(attended, batch), mid, batch);
        norm2.forward(mid, batch, normed2);
        addResidual(mid, ffn.forward(normed2, batch), y, batch);
    }

    private void addResidual(float[] a, float[] b, float[] sum, int rows) {
        for (int i = 0; i < rows * dim; i++) {
            sum[i] = a[i] + b[i];
        }
    }

    private void addInPlace(float[] target, float[] addend, int rows) {
        for (int i = 0; i < rows * dim; i++) {
            target[i] += addend[i];
        }
    }
}

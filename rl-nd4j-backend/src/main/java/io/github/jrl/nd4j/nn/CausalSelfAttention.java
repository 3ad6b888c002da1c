package io.github.jrl.nd4j.nn;

import java.util.Arrays;

/**
 * Multi-head causal self-attention (Vaswani et al. 2017, "Attention Is All You Need", eq. 1:
 * {@code softmax(Q K^T / sqrt(d_head)) V}, each position attending to itself and earlier ones),
 * given the projected queries, keys and values. Java loops: per sequence the matrices are a few
 * dozen rows, far below the size where a native call pays for its overhead. The projections
 * around it are {@link Mlp} layers.
 *
 * <p>Rows of {@code qkv} are {@code [query | key | value]}, {@code 3 * dim} floats; head {@code h}
 * uses columns {@code h * headDim .. (h + 1) * headDim} of each part.
 */
final class CausalSelfAttention {

    private final int dim;
    private final int heads;
    private final int headDim;
    private final float scale;
    private float[] probs = new float[0];
    private float[] scratch = new float[0];
    private int batch;
    private int length;

    CausalSelfAttention(int dim, int heads) {
        this.dim = dim;
        this.heads = heads;
        this.headDim = dim / heads;
        this.scale = (float) (1 / Math.sqrt(headDim));
    }

    /**
     * Attention over {@code batch} sequences of {@code length} positions: {@code qkv} is
     * {@code [batch * length, 3 * dim]}, the output {@code [batch * length, dim]}. Keeps the
     * attention weights for {@link #backward}.
     */
    void forward(float[] qkv, int batchSize, int sequenceLength, float[] out) {
        batch = batchSize;
        length = sequenceLength;
        int needed = batch * heads * length * length;
        if (probs.length < needed) {
            probs = new float[needed];
        }
        int stride = 3 * dim;
        for (int b = 0; b < batch; b++) {
            int first = b * length;
            for (int h = 0; h < heads; h++) {
                int column = h * headDim;
                for (int t = 0; t < length; t++) {
                    int row = first + t;
                    attend(qkv, row * stride + column, qkv, first * stride + dim + column, qkv,
                            first * stride + 2 * dim + column, stride, t + 1, probs, weightsOffset(b, h, t),
                            out, row * dim + column);
                }
            }
        }
    }

    /**
     * One new position of each of {@code batch} sequences: its query, key and value in
     * {@code qkv} ({@code [batch, 3 * dim]}); appends the key and value to the caches
     * ({@code [batch, capacity, dim]}) at {@code position} and attends over positions
     * {@code 0 .. position}.
     */
    void decode(float[] qkv, int batchSize, float[] keys, float[] values, int capacity, int position, float[] out) {
        if (scratch.length < position + 1) {
            scratch = new float[capacity];
        }
        int stride = 3 * dim;
        for (int b = 0; b < batchSize; b++) {
            int cache = b * capacity * dim;
            System.arraycopy(qkv, b * stride + dim, keys, cache + position * dim, dim);
            System.arraycopy(qkv, b * stride + 2 * dim, values, cache + position * dim, dim);
            for (int h = 0; h < heads; h++) {
                int column = h * headDim;
                attend(qkv, b * stride + column, keys, cache + column, values, cache + column, dim, position + 1,
                        scratch, 0, out, b * dim + column);
            }
        }
    }

    /**
     * One head of one query over {@code count} keys and values (rows {@code stride} apart from
     * the given offsets): writes the softmax weights to {@code weights[weightsAt..]} and the
     * weighted sum of values to {@code out[outAt..]}.
     */
    private void attend(float[] q, int qAt, float[] k, int kAt, float[] v, int vAt, int stride, int count,
            float[] weights, int weightsAt, float[] out, int outAt) {
        float max = Float.NEGATIVE_INFINITY;
        for (int s = 0; s < count; s++) {
            float score = scale * dot(q, qAt, k, kAt + s * stride);
            weights[weightsAt + s] = score;
            max = Math.max(max, score);
        }
        float sum = 0;
        for (int s = 0; s < count; s++) {
            float e = (float) Math.exp(weights[weightsAt + s] - max);
            weights[weightsAt + s] = e;
            sum += e;
        }
        Arrays.fill(out, outAt, outAt + headDim, 0f);
        for (int s = 0; s < count; s++) {
            float p = weights[weightsAt + s] / sum;
            weights[weightsAt + s] = p;
            int valueRow = vAt + s * stride;
            for (int i = 0; i < headDim; i++) {
                out[outAt + i] += p * v[valueRow + i];
            }
        }
    }

    /**
     * Backward through the last {@link #forward}: from {@code dOut}, the gradient w.r.t. its
     * output, writes the gradient w.r.t. {@code qkv} (the same array forward read) into
     * {@code dQkv}. With {@code dP = dOut V^T}, the softmax Jacobian gives
     * {@code dS = P * (dP - rowsum(P * dP))}; then {@code dQ = dS K / sqrt(d)},
     * {@code dK = dS^T Q / sqrt(d)}, {@code dV = P^T dOut}.
     */
    void backward(float[] qkv, float[] dOut, float[] dQkv) {
        int stride = 3 * dim;
        Arrays.fill(dQkv, 0, batch * length * stride, 0f);
        float[] dScores = new float[length];
        for (int b = 0; b < batch; b++) {
            int first = b * length;
            for (int h = 0; h < heads; h++) {
                int column = h * headDim;
                for (int t = 0; t < length; t++) {
                    int w = weightsOffset(b, h, t);
                    int outRow = (first + t) * dim + column;
                    int queryRow = (first + t) * stride + column;
                    float weighted = 0;
                    for (int s = 0; s <= t; s++) {
                        float dp = dot(dOut, outRow, qkv, (first + s) * stride + 2 * dim + column);
                        dScores[s] = dp;
                        weighted += probs[w + s] * dp;
                    }
                    for (int s = 0; s <= t; s++) {
                        float p = probs[w + s];
                        float ds = p * (dScores[s] - weighted) * scale;
                        int keyRow = (first + s) * stride + dim + column;
                        int valueRow = keyRow + dim;
                        for (int i = 0; i < headDim; i++) {
                            dQkv[queryRow + i] += ds * qkv[keyRow + i];
                            dQkv[keyRow + i] += ds * qkv[queryRow + i];
                            dQkv[valueRow + i] += p * dOut[outRow + i];
                        }
                    }
                }
            }
        }
    }

    private int weightsOffset(int b, int h, int t) {
        return ((b * heads + h) * length + t) * length;
    }

    private float dot(float[] a, int aAt, float[] b, int bAt) {
        float sum = 0;
        for (int i = 0; i < headDim; i++) {
            sum += a[aAt + i] * b[bAt + i];
        }
        return sum;
    }
}

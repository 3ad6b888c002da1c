package io.github.jrl.nd4j.nn;

import io.github.jrl.core.random.Rng;
import io.github.jrl.nd4j.Buffers;
import java.util.Arrays;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A decoder-only transformer with a hand-written backward pass: token and learned position
 * embeddings, {@link TransformerSpec#layers()} pre-layer-norm blocks, a final layer norm and a
 * linear head to next-token logits (GPT-2's layout, with the head untied from the embedding).
 * Matrix products run as ND4J {@code gemm} through {@link Mlp} layers; embeddings, layer norms,
 * attention and residual sums run in Java, for the reasons given in docs/nd4j-backend.md. The
 * backward pass is checked against finite differences ({@code CausalTransformerTest}).
 *
 * <p>Two ways to run it: {@link #forward} over whole padded sequences (teacher forcing, for
 * training and for scoring completions), with {@link #backward} after it; and a {@link Decoder}
 * that feeds one position at a time and caches keys and values, so sampling a token costs one
 * position's work instead of the whole prefix's. Right padding is harmless: causal attention
 * never lets a position see a later one.
 *
 * <p>Parameters are a slice of a {@link ParameterSet}, reserved by the constructor; the backward
 * pass overwrites their gradients. Not thread-safe; a decoder's steps reuse the buffers of
 * {@link #forward}, so a step between a forward pass and its backward pass makes the backward
 * pass raise.
 *
 * <p>Initialisation: embeddings Gaussian with standard deviation 0.02 (GPT-2), orthogonal
 * projections (gain 1; projections into the residual stream {@code 1 / sqrt(2 * layers)},
 * GPT-2's depth scaling), and a head of gain 0.01 so the first
 * next-token distributions are near uniform, as the PPO references initialise policy heads.
 */
public final class CausalTransformer {

    /** Standard deviation of GPT-2's embedding initialisation. */
    static final double EMBEDDING_STD = 0.02;
    static final double HEAD_GAIN = 0.01;

    private final TransformerSpec spec;
    private final ParameterSet parameters;
    private final long embeddingOffset;
    private final TransformerBlock[] blocks;
    private final LayerNorm finalNorm;
    private final Mlp head;
    private final float[] embeddings;
    private final float[] embeddingGradients;
    private int batch = -1;
    private int length;
    private int[] tokens = new int[0];
    private float[][] stream = new float[0][];
    private float[] normed = new float[0];
    private float[] gradientA = new float[0];
    private float[] gradientB = new float[0];

    /** Reserves this network's parameters in {@code parameters}; call {@link #initialize} after allocation. */
    public CausalTransformer(TransformerSpec spec, ParameterSet parameters) {
        this.spec = spec;
        this.parameters = parameters;
        int embeddingCount = (spec.vocabSize() + spec.contextLength()) * spec.modelDim();
        this.embeddingOffset = parameters.reserve(embeddingCount);
        this.embeddings = new float[embeddingCount];
        this.embeddingGradients = new float[embeddingCount];
        this.blocks = new TransformerBlock[spec.layers()];
        double residualGain = 1 / Math.sqrt(2.0 * spec.layers());
        for (int l = 0; l < blocks.length; l++) {
            blocks[l] = new TransformerBlock(spec, residualGain, parameters);
        }
        this.finalNorm = new LayerNorm(spec.modelDim(), parameters);
        this.head = new Mlp(new MlpSpec(spec.modelDim(), new int[0], spec.vocabSize(), Activation.IDENTITY, 1, HEAD_GAIN),
                parameters);
    }

    public TransformerSpec spec() {
        return spec;
    }

    public void initialize(Rng rng) {
        for (int i = 0; i < embeddings.length; i++) {
            embeddings[i] = (float) (EMBEDDING_STD * rng.nextGaussian());
        }
        Buffers.copyIn(embeddings, 0, embeddings.length, embeddingView(parameters.params()));
        for (TransformerBlock block : blocks) {
            block.initialize(rng);
        }
        finalNorm.initialize();
        head.initialize(rng);
    }

    private INDArray embeddingView(INDArray array) {
        return ParameterSet.view(array, embeddingOffset, embeddings.length);
    }

    /**
     * Next-token logits of {@code batch} sequences of {@code length} tokens each
     * ({@code tokens} row-major, {@code [batch, length]}; pad short sequences on the right with
     * any id): row {@code b * length + t} of the result ({@code [batch * length, vocabSize]},
     * owned by this network until the next call) is the distribution of the token after
     * position {@code t}.
     *
     * @throws IllegalArgumentException if {@code length} exceeds the context length or a token
     *     id is outside the vocabulary
     */
    public float[] forward(int[] tokenIds, int batchSize, int sequenceLength) {
        if (batchSize < 1 || sequenceLength < 1 || sequenceLength > spec.contextLength()
                || tokenIds.length < batchSize * sequenceLength) {
            throw new IllegalArgumentException("need 1 <= length <= " + spec.contextLength() + ", batch >= 1 and batch x length "
                    + "token ids; got batch " + batchSize + ", length " + sequenceLength + " and " + tokenIds.length + " ids");
        }
        int rows = batchSize * sequenceLength;
        ensureCapacity(rows);
        batch = batchSize;
        length = sequenceLength;
        System.arraycopy(tokenIds, 0, tokens, 0, rows);
        Buffers.copyOut(embeddingView(parameters.params()), embeddings, 0, embeddings.length);
        for (int r = 0; r < rows; r++) {
            embed(tokens[r], r % sequenceLength, stream[0], r);
        }
        for (int l = 0; l < blocks.length; l++) {
            blocks[l].forward(stream[l], batchSize, sequenceLength, stream[l + 1]);
        }
        finalNorm.forward(stream[blocks.length], rows, normed);
        return head.forward(normed, rows);
    }

    /**
     * Backward through the last {@link #forward}, from the gradient of a loss w.r.t. its logits
     * ({@code [batch * length, vocabSize]}): overwrites this network's parameter gradients.
     */
    public void backward(float[] logitGradient) {
        if (batch < 0) {
            throw new IllegalStateException("backward() needs a forward() first");
        }
        int rows = batch * length;
        int dim = spec.modelDim();
        head.backward(logitGradient, true);
        float[] dy = gradientA;
        float[] dx = gradientB;
        finalNorm.backward(head.inputGradient(), dy);
        for (int l = blocks.length - 1; l >= 0; l--) {
            blocks[l].backward(dy, dx, rows);
            float[] swap = dy;
            dy = dx;
            dx = swap;
        }
        Arrays.fill(embeddingGradients, 0f);
        int positions = spec.vocabSize() * dim;
        for (int r = 0; r < rows; r++) {
            int token = tokens[r] * dim;
            int position = positions + (r % length) * dim;
            for (int i = 0; i < dim; i++) {
                float g = dy[r * dim + i];
                embeddingGradients[token + i] += g;
                embeddingGradients[position + i] += g;
            }
        }
        Buffers.copyIn(embeddingGradients, 0, embeddingGradients.length, embeddingView(parameters.gradients()));
    }

    /** A decoder for {@code batchSize} sequences, fed one position at a time from position 0. */
    public Decoder decoder(int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("a decoder needs batch >= 1, got " + batchSize);
        }
        return new Decoder(batchSize);
    }

    private void ensureCapacity(int rows) {
        int n = rows * spec.modelDim();
        if (tokens.length < rows) {
            tokens = new int[rows];
        }
        if (normed.length < n) {
            stream = new float[blocks.length + 1][n];
            normed = new float[n];
            gradientA = new float[n];
            gradientB = new float[n];
        }
    }

    /** Writes token embedding plus position embedding into row {@code row} of {@code x}. */
    private void embed(int token, int position, float[] x, int row) {
        if (token < 0 || token >= spec.vocabSize()) {
            throw new IllegalArgumentException("token id " + token + " is outside the vocabulary [0, " + spec.vocabSize() + ")");
        }
        int dim = spec.modelDim();
        int t = token * dim;
        int p = (spec.vocabSize() + position) * dim;
        for (int i = 0; i < dim; i++) {
            x[row * dim + i] = embeddings[t + i] + embeddings[p + i];
        }
    }

    /**
     * Incremental decoding with a key-value cache: {@link #step} takes the token at the next
     * position of every sequence and returns the next-token logits, computing only that
     * position. Reads the network's parameters as they are at each step.
     */
    public final class Decoder {

        private final int batchSize;
        private final float[][] keys;
        private final float[][] values;
        private final float[][] stream;
        private final float[] normedStep;
        private int position;

        private Decoder(int batchSize) {
            this.batchSize = batchSize;
            int cache = batchSize * spec.contextLength() * spec.modelDim();
            this.keys = new float[blocks.length][cache];
            this.values = new float[blocks.length][cache];
            this.stream = new float[blocks.length + 1][batchSize * spec.modelDim()];
            this.normedStep = new float[batchSize * spec.modelDim()];
        }

        /** Positions fed so far. */
        public int position() {
            return position;
        }

        /**
         * Feeds {@code tokenIds[b]} as the next token of sequence {@code b} and returns the
         * next-token logits, {@code [batch, vocabSize]}, owned by the network until its next call.
         *
         * @throws IllegalStateException once the context length is used up
         */
        public float[] step(int[] tokenIds) {
            if (position >= spec.contextLength()) {
                throw new IllegalStateException("the context of " + spec.contextLength() + " positions is full");
            }
            if (tokenIds.length != batchSize) {
                throw new IllegalArgumentException("expected " + batchSize + " token ids, one per sequence, got " + tokenIds.length);
            }
            // The step overwrites what backward() would read: forbid it until the next forward().
            batch = -1;
            Buffers.copyOut(embeddingView(parameters.params()), embeddings, 0, embeddings.length);
            for (int b = 0; b < batchSize; b++) {
                embed(tokenIds[b], position, stream[0], b);
            }
            for (int l = 0; l < blocks.length; l++) {
                blocks[l].decode(stream[l], batchSize, keys[l], values[l], spec.contextLength(), position, stream[l + 1]);
            }
            position++;
            finalNorm.forward(stream[blocks.length], batchSize, normedStep);
            return head.forward(normedStep, batchSize);
        }
    }
}

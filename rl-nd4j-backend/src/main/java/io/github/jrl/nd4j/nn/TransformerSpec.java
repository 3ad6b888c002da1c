package io.github.jrl.nd4j.nn;

/**
 * The shape of a {@link CausalTransformer}: a GPT-2-style decoder (Radford et al. 2019, "Language
 * Models are Unsupervised Multitask Learners": pre-layer-norm blocks of causal self-attention and
 * a two-layer feed-forward network, learned token and position embeddings, a final layer norm).
 *
 * @param vocabSize number of token ids
 * @param contextLength the longest sequence (prompt plus completion) it reads: the number of
 *     learned positions
 * @param modelDim width of the residual stream
 * @param heads attention heads; must divide {@code modelDim}
 * @param layers number of blocks
 * @param ffnDim hidden width of the feed-forward networks (4 x modelDim in GPT-2)
 */
public record TransformerSpec(int vocabSize, int contextLength, int modelDim, int heads, int layers, int ffnDim) {

    public TransformerSpec {
        if (vocabSize < 2 || contextLength < 2 || modelDim < 1 || heads < 1 || layers < 1 || ffnDim < 1) {
            throw new IllegalArgumentException("a transformer needs vocabSize >= 2, contextLength >= 2 and positive "
                    + "modelDim, heads, layers and ffnDim; got " + describe(vocabSize, contextLength, modelDim, heads, layers, ffnDim));
        }
        if (modelDim % heads != 0) {
            throw new IllegalArgumentException("heads must divide modelDim, got modelDim " + modelDim + " and " + heads + " heads");
        }
    }

    public int headDim() {
        return modelDim / heads;
    }

    /** Number of trainable parameters. */
    public long parameterCount() {
        long d = modelDim;
        long block = 2 * 2 * d                      // two layer norms
                + d * 3 * d + 3 * d                 // query, key, value projection
                + d * d + d                         // output projection
                + d * ffnDim + ffnDim + (long) ffnDim * d + d;
        return (long) vocabSize * d + (long) contextLength * d + layers * block + 2 * d + d * vocabSize + vocabSize;
    }

    private static String describe(int vocabSize, int contextLength, int modelDim, int heads, int layers, int ffnDim) {
        return "vocabSize=" + vocabSize + ", contextLength=" + contextLength + ", modelDim=" + modelDim + ", heads=" + heads
                + ", layers=" + layers + ", ffnDim=" + ffnDim;
    }
}

package io.github.jrl.nd4j.reward;

import io.github.jrl.core.random.Rng;
import io.github.jrl.nd4j.nn.Activation;
import io.github.jrl.nd4j.nn.CausalTransformer;
import io.github.jrl.nd4j.nn.Mlp;
import io.github.jrl.nd4j.nn.MlpSpec;
import io.github.jrl.nd4j.nn.ParameterSet;
import io.github.jrl.nd4j.nn.TransformerSpec;
import java.util.Arrays;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * A reward model's network: a {@link CausalTransformer} encoder reads prompt and completion as
 * one sequence, and a linear head maps its output at the last token to {@code heads} rewards, as
 * Hugging Face's {@code AutoModelForSequenceClassification} (TRL's reward models) scores a
 * sequence at its last non-padding token; with a causal encoder, only that position has read the
 * whole sequence. The encoder's own output layer (width {@code vocabSize}) is kept as a
 * bottleneck before the head, so the tested transformer is reused unchanged. One head is a
 * Bradley–Terry scalar reward; several are a multi-head model, one reward per objective.
 *
 * <p>Not thread-safe; {@link #backward} differentiates the last {@link #forward}.
 */
public final class SequenceRewardNetwork {

    private final TransformerSpec spec;
    private final int heads;
    private final ParameterSet parameters = new ParameterSet();
    private final CausalTransformer encoder;
    private final Mlp head;
    private int[] tokens = new int[0];
    private int[] lastRows = new int[0];
    private float[] features = new float[0];
    private int batch;
    private int length;

    /** A network with parameters drawn from {@code rng}. */
    public SequenceRewardNetwork(TransformerSpec spec, int heads, Rng rng) {
        if (heads < 1) {
            throw new IllegalArgumentException("a reward network needs at least one head, got " + heads);
        }
        this.spec = spec;
        this.heads = heads;
        this.encoder = new CausalTransformer(spec, parameters);
        this.head = new Mlp(new MlpSpec(spec.vocabSize(), new int[0], heads, Activation.TANH, 1.0, 1.0), parameters);
        parameters.allocate();
        encoder.initialize(rng);
        head.initialize(rng);
    }

    public TransformerSpec spec() {
        return spec;
    }

    public int heads() {
        return heads;
    }

    /** All parameters, encoder and head, for an optimiser. */
    public ParameterSet parameters() {
        return parameters;
    }

    /**
     * Sets the encoder to a trained transformer of the same spec, e.g. the SFT policy's (a
     * {@code TokenPolicy}'s parameters are its transformer's): reward models start from the SFT
     * model in Stiennon et al. 2020 and Ouyang et al. 2022, so that they begin with its features
     * of the task. The head keeps its initialisation.
     *
     * @throws IllegalArgumentException if {@code transformer} does not hold exactly one
     *     transformer of this spec
     */
    public void initializeEncoder(ParameterSet transformer) {
        if (transformer.size() != spec.parameterCount()) {
            throw new IllegalArgumentException("expected the " + spec.parameterCount() + " parameters of a " + spec
                    + ", got " + transformer.size());
        }
        // the encoder reserved its parameters first, so they are the leading slice
        parameters.params().get(NDArrayIndex.interval(0, spec.parameterCount())).assign(transformer.params());
    }

    /**
     * The rewards of each (prompt, completion), {@code [batch, heads]} row-major, in a buffer owned
     * by this network until the next call.
     *
     * @throws IllegalArgumentException if the arrays differ in length or are empty, a prompt is
     *     empty, or a sequence is longer than the context
     */
    public float[] forward(int[][] prompts, int[][] completions) {
        if (prompts.length != completions.length || prompts.length == 0) {
            throw new IllegalArgumentException("need as many completions as prompts, at least one; got " + prompts.length
                    + " and " + completions.length);
        }
        batch = prompts.length;
        length = 0;
        for (int b = 0; b < batch; b++) {
            if (prompts[b].length == 0) {
                throw new IllegalArgumentException("prompt " + b + " is empty");
            }
            int n = prompts[b].length + completions[b].length;
            if (n > spec.contextLength()) {
                throw new IllegalArgumentException("prompt " + b + " with its completion has " + n
                        + " tokens, more than the context of " + spec.contextLength());
            }
            length = Math.max(length, n);
        }
        if (tokens.length < batch * length) {
            tokens = new int[batch * length];
        }
        Arrays.fill(tokens, 0, batch * length, 0);
        lastRows = new int[batch];
        for (int b = 0; b < batch; b++) {
            System.arraycopy(prompts[b], 0, tokens, b * length, prompts[b].length);
            System.arraycopy(completions[b], 0, tokens, b * length + prompts[b].length, completions[b].length);
            lastRows[b] = b * length + prompts[b].length + completions[b].length - 1;
        }
        float[] outputs = encoder.forward(tokens, batch, length);
        int vocab = spec.vocabSize();
        features = new float[batch * vocab];
        for (int b = 0; b < batch; b++) {
            System.arraycopy(outputs, lastRows[b] * vocab, features, b * vocab, vocab);
        }
        return head.forward(features, batch);
    }

    /**
     * Backward through the last {@link #forward} from the loss gradient w.r.t. its rewards
     * ({@code [batch, heads]}): overwrites the gradients of {@link #parameters()}.
     */
    public void backward(float[] rewardGradient) {
        if (batch == 0) {
            throw new IllegalStateException("backward() needs a forward() first");
        }
        if (rewardGradient.length < batch * heads) {
            throw new IllegalArgumentException("expected " + batch + " x " + heads + " reward gradients, got "
                    + rewardGradient.length);
        }
        head.backward(rewardGradient, true);
        float[] featureGradient = head.inputGradient();
        int vocab = spec.vocabSize();
        float[] outputGradient = new float[batch * length * vocab];
        for (int b = 0; b < batch; b++) {
            System.arraycopy(featureGradient, b * vocab, outputGradient, lastRows[b] * vocab, vocab);
        }
        // the head's backward overwrote only its own slice of the gradients, the encoder's its own
        encoder.backward(outputGradient);
    }
}

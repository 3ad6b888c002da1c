package io.github.jrl.nd4j.token;

import io.github.jrl.core.random.Rng;
import io.github.jrl.nd4j.dist.Categorical;
import io.github.jrl.nd4j.nn.CausalTransformer;
import io.github.jrl.nd4j.nn.ParameterSet;
import io.github.jrl.nd4j.nn.TransformerSpec;
import java.util.Arrays;

/**
 * An autoregressive policy over token sequences: a {@link CausalTransformer} that completes
 * prompts. What GRPO, DPO and SFT need of a language model, at a size a CPU trains:
 *
 * <ul>
 *   <li>{@link #sample}: completions of a batch of prompts, with temperature and top-k,
 *       incrementally (a key-value cache, so each new token costs one position's work);
 *   <li>{@link #logProbs}: the log-probability of every token of given completions in one
 *       batched teacher-forced pass, and {@link #backward} from a loss's gradient w.r.t. them;
 *   <li>{@link #frozenCopy}: the reference model of a KL penalty.
 * </ul>
 *
 * <p>Token ids are the caller's (a tokenizer of {@code rl-envs}' text tasks, for instance); the
 * policy only needs the end token, given with the {@link Sampling}. Prompts must hold at least one
 * token, and a prompt with its completion must fit the context: {@code promptLength +
 * completionLength - 1 <= contextLength} (the last token is predicted, never read).
 *
 * <p>Not thread-safe. {@link #backward} uses the pass of the last {@link #logProbs} call; sampling
 * in between makes it raise.
 */
public final class TokenPolicy {

    private final TransformerSpec spec;
    private final ParameterSet parameters = new ParameterSet();
    private final CausalTransformer network;
    private final boolean frozen;
    private float[] logitGradient = new float[0];
    private int[] tokens = new int[0];
    private Pass lastPass;

    /** A new policy with freshly initialised parameters drawn from {@code rng}. */
    public TokenPolicy(TransformerSpec spec, Rng rng) {
        this(spec, false);
        network.initialize(rng);
    }

    private TokenPolicy(TransformerSpec spec, boolean frozen) {
        this.spec = spec;
        this.frozen = frozen;
        this.network = new CausalTransformer(spec, parameters);
        parameters.allocate();
    }

    /**
     * A copy of the current parameters that no optimiser may train ({@link #backward} raises): the
     * reference policy of GRPO's and PPO-RLHF's KL penalty, and DPO's reference model.
     */
    public TokenPolicy frozenCopy() {
        TokenPolicy copy = new TokenPolicy(spec, true);
        copy.parameters.copyFrom(parameters);
        return copy;
    }

    public TransformerSpec spec() {
        return spec;
    }

    /** The trainable parameters and their gradients, for an optimiser. */
    public ParameterSet parameters() {
        return parameters;
    }

    public boolean isFrozen() {
        return frozen;
    }

    /**
     * One completion per prompt, drawn with {@code sampling} from {@code rng} (one draw per
     * sampled token, completions in order; greedy decoding draws nothing). A completion ends with
     * the end token, or has {@code maxNewTokens} tokens without one.
     *
     * @throws IllegalArgumentException if a prompt is empty, holds an id outside the vocabulary,
     *     or with {@code maxNewTokens} does not fit the context
     */
    public int[][] sample(int[][] prompts, Sampling sampling, Rng rng) {
        int batch = prompts.length;
        int maxNew = sampling.maxNewTokens();
        for (int b = 0; b < batch; b++) {
            requireFits(prompts, b, maxNew);
        }
        lastPass = null;
        if (batch == 0) {
            return new int[0][];
        }
        int vocab = spec.vocabSize();
        CausalTransformer.Decoder decoder = network.decoder(batch);
        int[][] completions = new int[batch][maxNew];
        int[] counts = new int[batch];
        boolean[] done = new boolean[batch];
        int remaining = batch;
        int[] input = new int[batch];
        float[] scaled = new float[vocab];
        boolean[] allowed = new boolean[vocab];
        double[] logProbs = new double[vocab];
        for (int position = 0; remaining > 0; position++) {
            for (int b = 0; b < batch; b++) {
                int generated = position - prompts[b].length;
                // Finished rows still take a step (the batch moves together); what they read no longer matters.
                input[b] = generated < 0 ? prompts[b][position] : generated < counts[b] ? completions[b][generated] : sampling.endToken();
            }
            float[] logits = decoder.step(input);
            for (int b = 0; b < batch; b++) {
                if (done[b] || position + 1 < prompts[b].length) {
                    continue;
                }
                int token = sampling.isGreedy() ? argmax(logits, b * vocab, vocab)
                        : draw(logits, b * vocab, sampling, scaled, allowed, logProbs, rng);
                completions[b][counts[b]++] = token;
                if (token == sampling.endToken() || counts[b] == maxNew) {
                    done[b] = true;
                    remaining--;
                }
            }
        }
        for (int b = 0; b < batch; b++) {
            completions[b] = Arrays.copyOf(completions[b], counts[b]);
        }
        return completions;
    }

    private static int argmax(float[] logits, int offset, int n) {
        int best = 0;
        for (int k = 1; k < n; k++) {
            if (logits[offset + k] > logits[offset + best]) {
                best = k;
            }
        }
        return best;
    }

    private int draw(float[] logits, int offset, Sampling sampling, float[] scaled, boolean[] allowed, double[] logProbs,
            Rng rng) {
        int vocab = spec.vocabSize();
        float threshold = Float.NEGATIVE_INFINITY;
        if (sampling.topK() > 0 && sampling.topK() < vocab) {
            float[] sorted = Arrays.copyOfRange(logits, offset, offset + vocab);
            Arrays.sort(sorted);
            threshold = sorted[vocab - sampling.topK()];
        }
        for (int k = 0; k < vocab; k++) {
            scaled[k] = (float) (logits[offset + k] / sampling.temperature());
            allowed[k] = logits[offset + k] >= threshold;
        }
        Categorical.logSoftmax(scaled, 0, vocab, allowed, logProbs);
        return Categorical.sample(logProbs, vocab, rng);
    }

    /** {@link #logProbs(int[][], int[][], double)} at temperature 1: the policy's own distribution. */
    public CompletionLogProbs logProbs(int[][] prompts, int[][] completions) {
        return logProbs(prompts, completions, 1.0);
    }

    /**
     * The log-probability under this policy at {@code temperature} (logits divided by it, as TRL scores
     * completions sampled at that temperature) of every token of
     * {@code completions[b]} given {@code prompts[b]} and the tokens before it, with the entropy
     * of each next-token distribution, in one teacher-forced pass over the padded batch.
     * Remembers the pass, and the arrays (not copied), for {@link #backward}.
     *
     * @throws IllegalArgumentException if the arrays differ in length, a prompt is empty, an id is
     *     outside the vocabulary, a sequence does not fit the context, or the temperature is not
     *     positive and finite
     */
    public CompletionLogProbs logProbs(int[][] prompts, int[][] completions, double temperature) {
        if (!(temperature > 0) || Double.isInfinite(temperature)) {
            throw new IllegalArgumentException("temperature must be positive and finite, got " + temperature);
        }
        if (prompts.length != completions.length || prompts.length == 0) {
            throw new IllegalArgumentException("need as many completions as prompts, at least one; got " + prompts.length
                    + " prompts and " + completions.length + " completions");
        }
        int batch = prompts.length;
        int length = 1;
        int maxCompletion = 0;
        for (int b = 0; b < batch; b++) {
            requireFits(prompts, b, completions[b].length);
            requireTokens(completions[b], "completion " + b);
            length = Math.max(length, prompts[b].length + completions[b].length - 1);
            maxCompletion = Math.max(maxCompletion, completions[b].length);
        }
        if (tokens.length < batch * length) {
            tokens = new int[batch * length];
        }
        Arrays.fill(tokens, 0, batch * length, 0);
        for (int b = 0; b < batch; b++) {
            // Row b reads its prompt and completion, cut to the batch's length: an empty
            // completion needs no logits, so its prompt's last token may not fit.
            int promptFed = Math.min(prompts[b].length, length);
            System.arraycopy(prompts[b], 0, tokens, b * length, promptFed);
            int completionFed = Math.max(0, Math.min(completions[b].length, length - prompts[b].length));
            System.arraycopy(completions[b], 0, tokens, b * length + promptFed, completionFed);
        }
        float[] logits = network.forward(tokens, batch, length);

        int vocab = spec.vocabSize();
        if (temperature != 1) {
            logits = logits.clone(); // the network's array stays as it computed it
            float inverse = (float) (1 / temperature);
            for (int i = 0; i < batch * length * vocab; i++) {
                logits[i] *= inverse;
            }
        }
        int[] lengths = new int[batch];
        float[] logProbs = new float[batch * maxCompletion];
        float[] entropies = new float[batch * maxCompletion];
        float[] probabilities = new float[batch * maxCompletion * vocab];
        double[] rowLogProbs = new double[vocab];
        for (int b = 0; b < batch; b++) {
            lengths[b] = completions[b].length;
            for (int t = 0; t < lengths[b]; t++) {
                int row = b * length + prompts[b].length - 1 + t;
                int at = b * maxCompletion + t;
                entropies[at] = (float) Categorical.logSoftmax(logits, row, vocab, null, rowLogProbs);
                logProbs[at] = (float) rowLogProbs[completions[b][t]];
                for (int k = 0; k < vocab; k++) {
                    probabilities[at * vocab + k] = (float) Math.exp(rowLogProbs[k]);
                }
            }
        }
        lastPass = new Pass(batch, length, maxCompletion, prompts, completions, probabilities, temperature);
        return new CompletionLogProbs(maxCompletion, lengths, logProbs, entropies);
    }

    /**
     * Backward through the last {@link #logProbs} pass, from the gradient of a loss w.r.t. its
     * log-probabilities ({@code [batch, maxLength]}, the layout of {@link CompletionLogProbs};
     * padding entries are ignored): overwrites the gradients of {@link #parameters()}. Through the
     * softmax of {@code logit / T}, {@code d log p(y) / d logit_k = (1[k = y] - p_k) / T}.
     *
     * @throws IllegalStateException for a frozen policy, or without a {@code logProbs} pass since
     *     the last sampling
     */
    public void backward(float[] logProbGradient) {
        if (frozen) {
            throw new IllegalStateException("a frozen reference policy is not trained; backward() is not allowed");
        }
        Pass pass = lastPass;
        if (pass == null) {
            throw new IllegalStateException("backward() needs a logProbs() pass first (sampling in between discards it)");
        }
        if (logProbGradient.length != pass.batch * pass.maxCompletion) {
            throw new IllegalArgumentException("expected " + pass.batch + " x " + pass.maxCompletion
                    + " log-prob gradients, the layout of the last logProbs() pass; got " + logProbGradient.length);
        }
        int vocab = spec.vocabSize();
        int size = pass.batch * pass.length * vocab;
        if (logitGradient.length < size) {
            logitGradient = new float[size];
        }
        Arrays.fill(logitGradient, 0, size, 0f);
        for (int b = 0; b < pass.batch; b++) {
            for (int t = 0; t < pass.completions[b].length; t++) {
                int at = b * pass.maxCompletion + t;
                float g = (float) (logProbGradient[at] / pass.temperature);
                int row = (b * pass.length + pass.prompts[b].length - 1 + t) * vocab;
                for (int k = 0; k < vocab; k++) {
                    logitGradient[row + k] = -g * pass.probabilities[at * vocab + k];
                }
                logitGradient[row + pass.completions[b][t]] += g;
            }
        }
        network.backward(logitGradient);
    }

    private void requireFits(int[][] prompts, int b, int completionLength) {
        int[] prompt = prompts[b];
        if (prompt.length == 0) {
            throw new IllegalArgumentException("prompt " + b + " is empty; a prompt needs at least one token (e.g. a begin token)");
        }
        if (prompt.length + completionLength - 1 > spec.contextLength()) {
            throw new IllegalArgumentException("prompt " + b + " (" + prompt.length + " tokens) with " + completionLength
                    + " completion tokens does not fit the context of " + spec.contextLength() + " positions");
        }
        requireTokens(prompt, "prompt " + b);
    }

    private void requireTokens(int[] sequence, String what) {
        for (int i = 0; i < sequence.length; i++) {
            if (sequence[i] < 0 || sequence[i] >= spec.vocabSize()) {
                throw new IllegalArgumentException(what + " has token id " + sequence[i] + " at position " + i
                        + ", outside the vocabulary [0, " + spec.vocabSize() + ")");
            }
        }
    }

    /** What {@link #backward} needs of the last {@link #logProbs} pass. */
    private record Pass(int batch, int length, int maxCompletion, int[][] prompts, int[][] completions,
            float[] probabilities, double temperature) {
    }
}

package io.github.jrl.nd4j.token;

import io.github.jrl.nd4j.optim.Adam;

/**
 * Supervised fine-tuning of a {@link TokenPolicy} on demonstrations (prompt, target completion):
 * teacher forcing with the cross-entropy of the completion tokens only, the prompt being context
 * rather than target (TRL's {@code SFTTrainer} with {@code completion_only_loss}), averaged over
 * all completion tokens of the batch; then one Adam step (PyTorch's betas and epsilon, as
 * Hugging Face's trainer) after clipping the global gradient norm. This is how a starting policy
 * for GRPO is made.
 */
public final class SupervisedFineTuning {

    private final TokenPolicy policy;
    private final Adam optimizer;
    private final double maxGradNorm;

    /**
     * @param learningRate Adam's step size
     * @param maxGradNorm the global gradient norm is clipped to this (Hugging Face's default is 1)
     * @throws IllegalArgumentException for a frozen policy or a non-positive learning rate or norm
     */
    public SupervisedFineTuning(TokenPolicy policy, double learningRate, double maxGradNorm) {
        if (policy.isFrozen()) {
            throw new IllegalArgumentException("cannot fine-tune a frozen reference policy");
        }
        if (!(learningRate > 0) || !(maxGradNorm > 0)) {
            throw new IllegalArgumentException("learning rate and maxGradNorm must be positive, got " + learningRate + " and "
                    + maxGradNorm);
        }
        this.policy = policy;
        this.optimizer = Adam.of(policy.parameters(), learningRate, 1e-8);
        this.maxGradNorm = maxGradNorm;
    }

    /**
     * One update on a batch of demonstrations; returns the mean negative log-likelihood per
     * completion token before the update.
     *
     * @throws IllegalArgumentException if the batch has no completion token
     */
    public double step(int[][] prompts, int[][] targets) {
        CompletionLogProbs logProbs = policy.logProbs(prompts, targets);
        int tokens = 0;
        for (int b = 0; b < logProbs.batchSize(); b++) {
            tokens += logProbs.length(b);
        }
        if (tokens == 0) {
            throw new IllegalArgumentException("the demonstrations have no completion token to learn from");
        }
        float[] gradient = new float[logProbs.logProbs().length];
        double loss = 0;
        for (int b = 0; b < logProbs.batchSize(); b++) {
            for (int t = 0; t < logProbs.length(b); t++) {
                loss -= logProbs.logProb(b, t);
                gradient[b * logProbs.maxLength() + t] = -1f / tokens;
            }
        }
        policy.backward(gradient);
        optimizer.clipGradientNorm(maxGradNorm);
        optimizer.step();
        return loss / tokens;
    }

    /** Updates taken so far. */
    public int steps() {
        return optimizer.steps();
    }
}

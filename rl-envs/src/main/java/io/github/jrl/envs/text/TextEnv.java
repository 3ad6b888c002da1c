package io.github.jrl.envs.text;

import io.github.jrl.core.env.AbstractEnvironment;
import io.github.jrl.core.env.SimulatorState;
import io.github.jrl.core.env.Reset;
import io.github.jrl.core.env.Step;
import io.github.jrl.core.random.Rng;
import io.github.jrl.core.space.Space;
import io.github.jrl.core.space.TokenSequence;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A single-turn text task as an environment: prompt, completion, reward vector.
 *
 * <ul>
 *   <li>{@code reset} draws a prompt of one split of a {@link PromptDataset}, uniformly with the
 *       environment's seeded generator, and observes its tokens ({@code [BOS] question [SEP]}).
 *   <li>{@code step} takes the whole completion as its action, token ids in a
 *       {@link TokenSequence} of length {@code 0 .. maxCompletionLength}, and returns the reward
 *       vector of the {@link TextRewards} (components named by {@link #rewardNames()}) with
 *       {@code terminated = true}. Its observation is the prompt again (nothing follows it);
 *       its info holds the correct answer under {@code "answer"}.
 * </ul>
 *
 * <p>Algorithms that score many completions per prompt (GRPO) use the dataset and the rewards
 * directly; this class is the same thing one episode at a time, for the {@link
 * io.github.jrl.core.env.Environment} API.
 */
public final class TextEnv extends AbstractEnvironment<int[], int[]> implements SimulatorState {

    private final PromptDataset dataset;
    private final PromptSplit split;
    private final List<Prompt> prompts;
    private final TextRewards rewards;
    private final TokenSequence observationSpace;
    private final TokenSequence actionSpace;
    private Prompt prompt;
    private int promptIndex;

    /**
     * @throws IllegalArgumentException if the split is empty, the rewards use another tokenizer
     *     than the dataset, or {@code maxCompletionLength < 1}
     */
    public TextEnv(String id, PromptDataset dataset, PromptSplit split, TextRewards rewards, int maxCompletionLength) {
        super(id);
        this.dataset = Objects.requireNonNull(dataset, "dataset");
        this.split = Objects.requireNonNull(split, "split");
        this.rewards = Objects.requireNonNull(rewards, "rewards");
        this.prompts = dataset.prompts(split);
        if (prompts.isEmpty()) {
            throw new IllegalArgumentException(id + ": the " + split + " split of " + dataset + " is empty");
        }
        CharTokenizer tokenizer = dataset.format().tokenizer();
        if (!rewards.format().tokenizer().equals(tokenizer)) {
            throw new IllegalArgumentException(id + ": the rewards read " + rewards.format().tokenizer()
                    + " but the prompts are written in " + tokenizer);
        }
        if (maxCompletionLength < 1) {
            throw new IllegalArgumentException(id + ": maxCompletionLength must be >= 1, got " + maxCompletionLength);
        }
        this.observationSpace = new TokenSequence(tokenizer.vocabSize(), 2, dataset.maxPromptLength());
        this.actionSpace = new TokenSequence(tokenizer.vocabSize(), 0, maxCompletionLength);
    }

    @Override
    public Space<int[]> observationSpace() {
        return observationSpace;
    }

    @Override
    public Space<int[]> actionSpace() {
        return actionSpace;
    }

    @Override
    public int rewardDim() {
        return rewards.rewardDim();
    }

    public List<String> rewardNames() {
        return rewards.rewardNames();
    }

    public PromptDataset dataset() {
        return dataset;
    }

    public PromptSplit split() {
        return split;
    }

    public TextRewards rewards() {
        return rewards;
    }

    @Override
    protected Reset<int[]> resetEpisode(Rng rng, Map<String, ?> options) {
        requireOptions(options);
        promptIndex = rng.nextInt(prompts.size());
        prompt = prompts.get(promptIndex);
        return Reset.of(prompt.tokens());
    }

    /** The index of the current prompt in this env's split: {@code [index]}. */
    @Override
    public double[] getState() {
        return new double[] {promptIndex};
    }

    /** Makes prompt {@code state[0]} of the split the current one; the episode awaits its completion. */
    @Override
    public void setState(double[] state) {
        if (state.length != 1 || state[0] != Math.rint(state[0]) || state[0] < 0 || state[0] >= prompts.size()) {
            throw new IllegalArgumentException(id() + " state is [prompt index] with an index in [0, " + prompts.size()
                    + "), got " + java.util.Arrays.toString(state));
        }
        promptIndex = (int) state[0];
        prompt = prompts.get(promptIndex);
        resumeEpisode();
    }

    @Override
    protected Step<int[]> applyAction(int[] completion) {
        return Step.ofVector(prompt.tokens(), rewards.score(prompt, completion), true, false,
                Map.of("answer", prompt.answer()));
    }
}

package io.github.jrl.envs.text;

import java.util.AbstractList;
import java.util.List;
import java.util.Objects;
import java.util.RandomAccess;

/**
 * The prompts of a {@link TextTask}, split into train and test parts by a seed: the batched
 * view of a text task, for algorithms that take many prompts at once (GRPO samples a group of
 * completions for each prompt; SFT imitates {@link Prompt#targetCompletion()}).
 *
 * <p>The split: the task's problem indices are put in the order of a {@link SeededPermutation}
 * of {@code splitSeed}; the test split is the first {@code testSize} problems of that order and
 * the train split the next {@code trainSize}. So the two are disjoint by construction (a
 * permutation repeats nothing), have exactly the sizes asked for, depend on nothing but the task,
 * the seed and the sizes (not on iteration order, the JVM or the thread), and the test split does
 * not change with {@code trainSize}. Prompts are rendered when asked for, so a train split of
 * hundreds of thousands of prompts costs no memory.
 */
public final class PromptDataset {

    private final TextTask task;
    private final TextFormat format;
    private final long splitSeed;
    private final SeededPermutation order;
    private final int testSize;
    private final int trainSize;

    /**
     * @param format the format to render prompts in; its tokenizer must cover the task's alphabet
     * @param splitSeed the seed of the split
     * @param testSize number of held-out prompts
     * @param trainSize number of training prompts; at most {@link #maxTrainSize}
     * @throws IllegalArgumentException if a size is negative or together they exceed the task's problems
     */
    public PromptDataset(TextTask task, TextFormat format, long splitSeed, int testSize, int trainSize) {
        this.task = Objects.requireNonNull(task, "task");
        this.format = Objects.requireNonNull(format, "format");
        if (testSize < 0 || trainSize < 0 || (long) testSize + trainSize > task.size()) {
            throw new IllegalArgumentException(task + " has " + task.size() + " problems; test size " + testSize
                    + " and train size " + trainSize + " must be non-negative and add up to at most that");
        }
        for (char c : task.alphabet().toCharArray()) {
            if (!format.tokenizer().contains(c)) {
                throw new IllegalArgumentException(task + " uses the character '" + c + "', which the tokenizer alphabet \""
                        + format.tokenizer().alphabet() + "\" lacks");
            }
        }
        this.splitSeed = splitSeed;
        this.order = new SeededPermutation(task.size(), splitSeed);
        this.testSize = testSize;
        this.trainSize = trainSize;
    }

    /** The largest train size beside {@code testSize} held-out prompts: every other problem, up to the size of a list. */
    public static int maxTrainSize(TextTask task, int testSize) {
        return (int) Math.min(task.size() - testSize, Integer.MAX_VALUE);
    }

    /** The prompts of {@code split}, in the split's seeded order: an unmodifiable list rendered on access. */
    public List<Prompt> prompts(PromptSplit split) {
        int offset = split == PromptSplit.TEST ? 0 : testSize;
        int size = size(split);
        return new PromptList(offset, size);
    }

    public int size(PromptSplit split) {
        return split == PromptSplit.TEST ? testSize : trainSize;
    }

    public TextTask task() {
        return task;
    }

    public TextFormat format() {
        return format;
    }

    public long splitSeed() {
        return splitSeed;
    }

    /** Length of the longest prompt: the longest question between {@code [BOS]} and {@code [SEP]}. */
    public int maxPromptLength() {
        return task.maxQuestionLength() + 2;
    }

    /** Length of the longest target completion: the longest answer, its markers and {@code [EOS]}. */
    public int maxTargetLength() {
        return task.maxAnswerLength() + TextFormat.MARKUP_LENGTH;
    }

    @Override
    public String toString() {
        return "PromptDataset(" + task + ", seed " + splitSeed + ", test " + testSize + ", train " + trainSize + ")";
    }

    private final class PromptList extends AbstractList<Prompt> implements RandomAccess {

        private final int offset;
        private final int size;

        PromptList(int offset, int size) {
            this.offset = offset;
            this.size = size;
        }

        @Override
        public Prompt get(int index) {
            Objects.checkIndex(index, size);
            return format.prompt(task.problem(order.apply(offset + (long) index)));
        }

        @Override
        public int size() {
            return size;
        }
    }
}

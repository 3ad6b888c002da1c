package io.github.jrl.envs.text;

import io.github.jrl.envs.EnvKwargs;
import io.github.jrl.envs.EnvRegistry;
import io.github.jrl.envs.EnvSpec;
import java.util.function.IntFunction;

/**
 * Registers the text tasks as single-turn {@link TextEnv}s, without a time limit (an episode is
 * one step). Keyword arguments: the task's difficulty ({@code digits} for addition,
 * {@code length} for the others), and for all of them
 *
 * <ul>
 *   <li>{@code split}: {@code "train"} (default) or {@code "test"}, the split reset draws from;
 *   <li>{@code split_seed} (default 0), {@code test_size} (default {@value #DEFAULT_TEST_SIZE},
 *       or a tenth of the problems when there are fewer than ten times that) and
 *       {@code train_size} (default every other problem, at most {@code 2^31 - 1}): the
 *       {@link PromptDataset};
 *   <li>{@code length_budget} (default the longest target completion) and
 *       {@code max_completion_length} (default twice the budget): the {@link LengthPenalty}, and
 *       the longest completion the action space admits.
 * </ul>
 */
public final class TextEnvs {

    public static final int DEFAULT_TEST_SIZE = 500;

    private TextEnvs() {
    }

    public static void register(EnvRegistry registry) {
        register(registry, "text-addition-v0", "digits", 3, AdditionTask::new);
        register(registry, "text-reversal-v0", "length", 5, ReversalTask::new);
        register(registry, "text-sorting-v0", "length", 6, SortingTask::new);
        register(registry, "text-brackets-v0", "length", 14, BracketBalanceTask::new);
    }

    private static void register(EnvRegistry registry, String id, String difficulty, int defaultDifficulty,
            IntFunction<TextTask> task) {
        registry.register(new EnvSpec(id, 0, kwargs -> make(kwargs, task.apply(kwargs.getInt(difficulty, defaultDifficulty)))));
    }

    private static TextEnv make(EnvKwargs kwargs, TextTask task) {
        TextFormat format = TextFormat.forTasks(task);
        int testSize = kwargs.getInt("test_size", (int) Math.min(DEFAULT_TEST_SIZE, task.size() / 10));
        int trainSize = kwargs.getInt("train_size", PromptDataset.maxTrainSize(task, testSize));
        PromptDataset dataset = new PromptDataset(task, format, kwargs.getInt("split_seed", 0), testSize, trainSize);
        int budget = kwargs.getInt("length_budget", dataset.maxTargetLength());
        int maxLength = kwargs.getInt("max_completion_length", 2 * budget);
        PromptSplit split = PromptSplit.parse(kwargs.getString("split", "train"));
        return new TextEnv(kwargs.envId(), dataset, split, TextRewards.standard(format, budget, maxLength), maxLength);
    }
}

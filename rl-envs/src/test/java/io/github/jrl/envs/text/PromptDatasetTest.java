package io.github.jrl.envs.text;

import static io.github.jrl.envs.text.PromptSplit.TEST;
import static io.github.jrl.envs.text.PromptSplit.TRAIN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class PromptDatasetTest {

    private static final AdditionTask THREE_DIGITS = new AdditionTask(3);
    private static final TextFormat FORMAT = TextFormat.forTasks(THREE_DIGITS);

    private static List<String> questions(PromptDataset dataset, PromptSplit split) {
        return dataset.prompts(split).stream().map(Prompt::question).toList();
    }

    @Test
    void theSplitsPartitionTheProblemsExactly() {
        AdditionTask oneDigit = new AdditionTask(1);
        PromptDataset dataset = new PromptDataset(oneDigit, FORMAT, 3, 20, 80);
        Set<String> test = new HashSet<>(questions(dataset, TEST));
        Set<String> train = new HashSet<>(questions(dataset, TRAIN));
        assertEquals(20, test.size());
        assertEquals(80, train.size());
        Set<String> all = new HashSet<>(test);
        all.addAll(train);
        assertEquals(100, all.size());
    }

    @Test
    void splitsAreDisjointForEverySeed() {
        for (long seed = 0; seed < 20; seed++) {
            PromptDataset dataset = new PromptDataset(THREE_DIGITS, FORMAT, seed, 500, 5000);
            Set<String> test = new HashSet<>(questions(dataset, TEST));
            assertEquals(500, test.size());
            assertTrue(questions(dataset, TRAIN).stream().noneMatch(test::contains), "seed " + seed);
        }
    }

    @Test
    void theSplitIsFixedByTheTaskSeedAndSizes() {
        PromptDataset dataset = new PromptDataset(THREE_DIGITS, FORMAT, 0, 500, 1000);
        // Pinned: these prompts are the published held-out set of text-addition-v0 with split_seed 0.
        assertEquals(List.of("179+253", "176+558", "943+473", "290+139", "680+229"), questions(dataset, TEST).subList(0, 5));
        assertEquals(List.of("647+893", "380+580", "497+749"), questions(dataset, TRAIN).subList(0, 3));
        assertEquals(questions(dataset, TEST), questions(new PromptDataset(THREE_DIGITS, FORMAT, 0, 500, 1000), TEST));
        assertEquals(questions(dataset, TRAIN), questions(new PromptDataset(THREE_DIGITS, FORMAT, 0, 500, 1000), TRAIN));
        assertNotEquals(questions(dataset, TEST), questions(new PromptDataset(THREE_DIGITS, FORMAT, 1, 500, 1000), TEST));
    }

    @Test
    void theTestSplitDoesNotDependOnTheTrainSize() {
        PromptDataset small = new PromptDataset(THREE_DIGITS, FORMAT, 9, 300, 10);
        PromptDataset large = new PromptDataset(THREE_DIGITS, FORMAT, 9, 300, PromptDataset.maxTrainSize(THREE_DIGITS, 300));
        assertEquals(questions(small, TEST), questions(large, TEST));
        assertEquals(questions(small, TRAIN), questions(large, TRAIN).subList(0, 10));
        assertEquals(809_700, large.size(TRAIN));
        assertEquals(809_700, large.prompts(TRAIN).size());
        assertEquals(300, large.size(TEST));
    }

    @Test
    void promptsCarryTheirTokensAndTargetCompletion() {
        Prompt prompt = new PromptDataset(THREE_DIGITS, FORMAT, 0, 1, 0).prompts(TEST).get(0);
        assertEquals("179+253", prompt.question());
        assertEquals("432", prompt.answer());
        CharTokenizer tokenizer = FORMAT.tokenizer();
        assertEquals("[BOS]179+253[SEP]", tokenizer.decode(prompt.tokens()));
        assertEquals("<432>[EOS]", tokenizer.decode(prompt.targetCompletion()));
        assertEquals("432", tokenizer.decode(prompt.answerTokens()));
        assertEquals(9, prompt.length());
    }

    @Test
    void statesItsLongestPromptAndTarget() {
        PromptDataset dataset = new PromptDataset(new SortingTask(6), TextFormat.forTasks(new SortingTask(6)), 0, 10, 10);
        assertEquals(13, dataset.maxPromptLength());
        assertEquals(9, dataset.maxTargetLength());
    }

    @Test
    void theTrainSplitMayHoldEveryOtherProblemUpToAListsSize() {
        assertEquals(809_500, PromptDataset.maxTrainSize(THREE_DIGITS, 500));
        assertEquals(Integer.MAX_VALUE, PromptDataset.maxTrainSize(new ReversalTask(13), 500));
    }

    @Test
    void rejectsSizesBeyondTheTask() {
        var e = assertThrows(IllegalArgumentException.class, () -> new PromptDataset(new AdditionTask(1), FORMAT, 0, 50, 51));
        assertEquals("addition(digits=1) has 100 problems; test size 50 and train size 51 must be non-negative and add up "
                + "to at most that", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new PromptDataset(THREE_DIGITS, FORMAT, 0, -1, 10));
    }

    @Test
    void rejectsATokenizerThatCannotWriteTheTask() {
        var e = assertThrows(IllegalArgumentException.class, () -> new PromptDataset(new SortingTask(3), FORMAT, 0, 1, 1));
        assertEquals("sorting(length=3) uses the character 's', which the tokenizer alphabet \"+0123456789<>\" lacks",
                e.getMessage());
    }

    @Test
    void promptListsAreReadOnlyAndBounded() {
        List<Prompt> test = new PromptDataset(THREE_DIGITS, FORMAT, 0, 5, 5).prompts(TEST);
        assertThrows(UnsupportedOperationException.class, () -> test.add(test.get(0)));
        assertThrows(IndexOutOfBoundsException.class, () -> test.get(5));
        assertThrows(IndexOutOfBoundsException.class, () -> test.get(-1));
    }

    @Test
    void sharedFormatsServeSeveralTasks() {
        TextFormat shared = TextFormat.forTasks(THREE_DIGITS, new SortingTask(3), new ReversalTask(2));
        assertEquals("+0123456789:<>abcdefghijklmnopqrstuvwxyz", shared.tokenizer().alphabet());
        Set<String> keys = new PromptDataset(new ReversalTask(2), shared, 0, 3, 3).prompts(TEST).stream()
                .map(Prompt::question).collect(Collectors.toSet());
        assertEquals(3, keys.size());
    }
}

package io.github.jrl.envs.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.jrl.core.env.Environment;
import io.github.jrl.core.env.InvalidActionException;
import io.github.jrl.core.env.Step;
import io.github.jrl.core.space.TokenSequence;
import io.github.jrl.envs.EnvRegistry;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TextEnvTest {

    private static final EnvRegistry REGISTRY = EnvRegistry.defaults();

    private static Environment<int[], int[]> make(String id, Map<String, ?> kwargs) {
        return REGISTRY.make(id, kwargs);
    }

    private static TextEnv unwrapped(Environment<int[], int[]> env) {
        return assertInstanceOf(TextEnv.class, env.unwrapped());
    }

    private static String text(Environment<int[], int[]> env, int[] tokens) {
        return unwrapped(env).dataset().format().tokenizer().decode(tokens);
    }

    private static int[] tokens(Environment<int[], int[]> env, String text) {
        return unwrapped(env).dataset().format().tokenizer().encode(text);
    }

    /** The correct completion to an addition prompt, computed here from the question. */
    private static String solve(String prompt) {
        String[] operands = prompt.replace("[BOS]", "").replace("[SEP]", "").split("\\+");
        return "<" + (Integer.parseInt(operands[0]) + Integer.parseInt(operands[1])) + ">[EOS]";
    }

    @Test
    void registersEveryTaskWithoutATimeLimit() {
        for (String id : List.of("text-addition-v0", "text-reversal-v0", "text-sorting-v0", "text-brackets-v0")) {
            assertTrue(REGISTRY.contains(id), id);
            assertEquals(0, REGISTRY.spec(id).maxEpisodeSteps(), id);
        }
    }

    @Test
    void theRegisteredDefaults() {
        record Expected(String id, String task, int vocab, int promptLength, int maxCompletion) {
        }
        for (Expected e : List.of(new Expected("text-addition-v0", "addition(digits=3)", 17, 9, 14),
                new Expected("text-reversal-v0", "reversal(length=5)", 33, 15, 16),
                new Expected("text-sorting-v0", "sorting(length=6)", 21, 13, 18),
                new Expected("text-brackets-v0", "brackets(length=14)", 25, 24, 10))) {
            TextEnv env = unwrapped(make(e.id(), Map.of()));
            assertEquals(e.task(), env.dataset().task().toString());
            assertEquals(new TokenSequence(e.vocab(), 2, e.promptLength()), env.observationSpace(), e.id());
            assertEquals(new TokenSequence(e.vocab(), 0, e.maxCompletion()), env.actionSpace(), e.id());
            assertEquals(3, env.rewardDim());
            assertEquals(List.of("correctness", "format", "length"), env.rewardNames());
            assertEquals(PromptSplit.TRAIN, env.split());
            assertEquals(500, env.dataset().size(PromptSplit.TEST));
            assertEquals(0, env.dataset().splitSeed());
        }
    }

    @Test
    void anEpisodeIsOnePromptAndOneCompletion() {
        Environment<int[], int[]> env = make("text-addition-v0", Map.of());
        int[] prompt = env.reset(3L).observation();
        String question = text(env, prompt);
        assertTrue(question.matches("\\[BOS]\\d{3}\\+\\d{3}\\[SEP]"), question);
        Step<int[]> step = env.step(tokens(env, solve(question)));
        assertArrayEquals(new double[] {1, 1, 0}, step.rewards());
        assertTrue(step.terminated());
        assertFalse(step.truncated());
        assertArrayEquals(prompt, step.observation());
        assertEquals(Map.of("answer", solve(question).replaceAll("[<>]|\\[EOS]", "")), step.info());
    }

    @Test
    void aWrongUnendedCompletionIsScoredToo() {
        Environment<int[], int[]> env = make("text-addition-v0", Map.of());
        env.reset(3L);
        // 9 tokens, no [EOS]: over the budget of 7 by 2 of the 7 tokens to the maximum of 14.
        assertArrayEquals(new double[] {0, 0, -2.0 / 7}, env.step(tokens(env, "<0000>123")).rewards());
    }

    @Test
    void stepOutsideAnEpisodeRaises() {
        Environment<int[], int[]> env = make("text-addition-v0", Map.of());
        assertThrows(IllegalStateException.class, () -> env.step(new int[0]));
        env.reset(1L);
        env.step(new int[0]);
        var e = assertThrows(IllegalStateException.class, () -> env.step(new int[0]));
        assertTrue(e.getMessage().contains("after the episode terminated"), e.getMessage());
        env.reset();
        env.step(new int[0]);
    }

    @Test
    void seededResetsAreReproducible() {
        Environment<int[], int[]> first = make("text-sorting-v0", Map.of());
        Environment<int[], int[]> second = make("text-sorting-v0", Map.of());
        assertArrayEquals(first.reset(11L).observation(), second.reset(11L).observation());
        for (int i = 0; i < 20; i++) {
            first.step(new int[0]);
            second.step(new int[0]);
            assertArrayEquals(first.reset().observation(), second.reset().observation());
        }
        Set<String> starts = new HashSet<>();
        for (long seed = 0; seed < 10; seed++) {
            starts.add(text(first, first.reset(seed).observation()));
        }
        assertEquals(10, starts.size());
    }

    @Test
    void resetDrawsFromTheChosenSplit() {
        Environment<int[], int[]> env = make("text-addition-v0", Map.of("digits", 1, "split", "test", "test_size", 8));
        TextEnv text = unwrapped(env);
        Set<String> test = new HashSet<>();
        text.dataset().prompts(PromptSplit.TEST).forEach(p -> test.add("[BOS]" + p.question() + "[SEP]"));
        assertEquals(8, test.size());
        Set<String> seen = new HashSet<>();
        env.reset(0L);
        for (int i = 0; i < 200; i++) {
            seen.add(text(env, env.reset().observation()));
        }
        assertEquals(test, seen);
        assertEquals(92, text.dataset().size(PromptSplit.TRAIN));
    }

    @Test
    void keywordArgumentsSetDifficultySplitAndLengths() {
        TextEnv env = unwrapped(make("text-reversal-v0", Map.of("length", 2, "split_seed", 4, "test_size", 10,
                "train_size", 20, "length_budget", 6, "max_completion_length", 8)));
        assertEquals("reversal(length=2)", env.dataset().task().toString());
        assertEquals(4, env.dataset().splitSeed());
        assertEquals(20, env.dataset().size(PromptSplit.TRAIN));
        assertEquals(new TokenSequence(33, 0, 8), env.actionSpace());
        // A small task gets a tenth of its problems as test split by default.
        assertEquals(67, unwrapped(make("text-reversal-v0", Map.of("length", 2))).dataset().size(PromptSplit.TEST));
    }

    @Test
    void badKeywordArgumentsRaise() {
        assertThrows(IllegalArgumentException.class, () -> make("text-addition-v0", Map.of("bogus", 1)));
        assertEquals("a prompt split is 'train' or 'test', got 'validation'", assertThrows(IllegalArgumentException.class,
                () -> make("text-addition-v0", Map.of("split", "validation"))).getMessage());
        assertThrows(IllegalArgumentException.class, () -> make("text-addition-v0", Map.of("digits", 12)));
        assertThrows(IllegalArgumentException.class, () -> make("text-addition-v0", Map.of("max_completion_length", 7)));
        var empty = assertThrows(IllegalArgumentException.class, () -> make("text-addition-v0", Map.of("train_size", 0)));
        assertTrue(empty.getMessage().endsWith("the train split of PromptDataset(addition(digits=3), seed 0, test 500, train 0) is empty"),
                empty.getMessage());
    }

    @Test
    void completionsOutsideTheActionSpaceAreInvalid() {
        Environment<int[], int[]> env = make("text-addition-v0", Map.of());
        env.reset(0L);
        assertThrows(InvalidActionException.class, () -> env.step(new int[15]));
        assertThrows(InvalidActionException.class, () -> env.step(new int[] {17}));
        TextEnv raw = unwrapped(env);
        raw.reset(0L);
        assertThrows(InvalidActionException.class, () -> raw.step(new int[15]));
        assertThrows(InvalidActionException.class, () -> raw.step(null));
        raw.step(new int[14]);
    }

    @Test
    void rejectsResetOptions() {
        Environment<int[], int[]> env = make("text-addition-v0", Map.of());
        assertThrows(IllegalArgumentException.class, () -> env.reset(0L, Map.of("prompt", 3)));
    }

    @Test
    void rejectsRewardsOverAnotherTokenizer() {
        AdditionTask task = new AdditionTask(1);
        PromptDataset dataset = new PromptDataset(task, TextFormat.forTasks(task), 0, 10, 10);
        TextRewards rewards = TextRewards.standard(TextFormat.forTasks(task, new SortingTask(1)), 4, 8);
        assertThrows(IllegalArgumentException.class, () -> new TextEnv("t", dataset, PromptSplit.TRAIN, rewards, 8));
        TextRewards same = TextRewards.standard(TextFormat.forTasks(task), 4, 8);
        assertThrows(IllegalArgumentException.class, () -> new TextEnv("t", dataset, PromptSplit.TRAIN, same, 0));
    }
}

package io.github.jrl.envs.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class TextRewardsTest {

    private static final TextFormat FORMAT = TextFormat.forTasks(new AdditionTask(2));
    private static final Prompt PROMPT = FORMAT.prompt(new Problem("12+34", "46"));
    /** Budget 5 (the target "<46>[EOS]"), penalty -1 from 9 tokens on: -0.25 per token over budget. */
    private static final TextRewards REWARDS = TextRewards.standard(FORMAT, 5, 9);

    /** [correctness, format, length] of a completion written as text, special tokens by name. */
    private static double[] score(String completion) {
        return REWARDS.score(PROMPT, FORMAT.tokenizer().encode(completion));
    }

    private static void assertRewards(String completion, double correctness, double format, double length) {
        assertArrayEquals(new double[] {correctness, format, length}, score(completion), completion);
    }

    @Test
    void namesTheRewardsInOrder() {
        assertEquals(List.of("correctness", "format", "length"), REWARDS.rewardNames());
        assertEquals(3, REWARDS.rewardDim());
    }

    @Test
    void theTargetCompletionEarnsEverything() {
        assertRewards("<46>[EOS]", 1, 1, 0);
        assertArrayEquals(new double[] {1, 1, 0}, REWARDS.score(PROMPT, PROMPT.targetCompletion()));
        assertArrayEquals(new double[] {1, 1, 0}, REWARDS.score(new PromptCompletion(PROMPT, PROMPT.targetCompletion())));
    }

    @Test
    void correctnessIsExactMatchOfTheExtractedAnswer() {
        assertRewards("<47>[EOS]", 0, 1, 0);
        assertRewards("<046>[EOS]", 0, 1, -0.25);
        assertRewards("<4>[EOS]", 0, 1, 0);
        assertRewards("<4[SEP]6>[EOS]", 0, 0, -0.25);
        // The answer runs from the first '<' to the first '>' after it.
        assertRewards("<<46>[EOS]", 0, 0, -0.25);
        assertRewards("<46><47>[EOS]", 1, 0, -1);
        assertRewards("<47><46>[EOS]", 0, 0, -1);
        assertRewards("<46>>[EOS]", 1, 0, -0.25);
    }

    @Test
    void correctnessDoesNotAskForTheFormat() {
        assertRewards("<46>", 1, 0, 0);
        assertRewards("1<46>[EOS]", 1, 0, -0.25);
        assertRewards("[BOS]<46>[EOS]", 1, 0, -0.25);
    }

    @Test
    void anAnswerNeedsBothMarkersBeforeTheEnd() {
        assertRewards("46[EOS]", 0, 0, 0);
        assertRewards("<46[EOS]", 0, 0, 0);
        assertRewards("46>[EOS]", 0, 0, 0);
        assertRewards("<46[EOS]>", 0, 0, 0);
        assertRewards("<>[EOS]", 0, 0, 0);
    }

    @Test
    void tokensAfterTheFirstEndAreIgnored() {
        assertRewards("<46>[EOS]99999999", 1, 1, 0);
        assertRewards("<46>[EOS][PAD][PAD][PAD][PAD][PAD]", 1, 1, 0);
        assertRewards("<46>[EOS][EOS]", 1, 1, 0);
        assertRewards("[EOS]<46>[EOS]", 0, 0, 0);
    }

    @Test
    void emptyAndEndOnlyCompletionsEarnNothing() {
        assertRewards("", 0, 0, 0);
        assertRewards("[EOS]", 0, 0, 0);
        assertRewards("[PAD][PAD]", 0, 0, 0);
    }

    @Test
    void theLengthPenaltyGrowsLinearlyFromTheBudgetToMinusOne() {
        assertRewards("<46>0", 1, 0, 0);
        assertRewards("<46>00", 1, 0, -0.25);
        assertRewards("<46>000", 1, 0, -0.5);
        assertRewards("<46>0000", 1, 0, -0.75);
        assertRewards("<46>00000", 1, 0, -1);
        assertRewards("<46>000000000000", 1, 0, -1);
        assertRewards("<46>0000[EOS]", 1, 0, -1);
        assertRewards("<46>000[EOS]", 1, 0, -0.75);
    }

    @Test
    void lengthPenaltyAtTheBudgetOfTheRegistryDefaults() {
        // text-addition-v0: budget 7 (a 4-digit sum, two markers, [EOS]), maximum 14.
        LengthPenalty penalty = new LengthPenalty(7, 14);
        ParsedCompletion tenTokens = FORMAT.parse(FORMAT.tokenizer().encode("<1998>000[EOS]"));
        assertEquals(10, tenTokens.length());
        assertEquals(-3.0 / 7, penalty.score(PROMPT, tenTokens));
    }

    @Test
    void rejectsTokensOutsideTheVocabulary() {
        var e = assertThrows(IllegalArgumentException.class, () -> REWARDS.score(PROMPT, new int[] {15, 17}));
        assertEquals("token id 17 at position 1 is outside the vocabulary [0, 17)", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> REWARDS.score(PROMPT, new int[] {-1}));
        assertThrows(NullPointerException.class, () -> REWARDS.score(new PromptCompletion(PROMPT, null)));
    }

    @Test
    void rejectsBadRewardLists() {
        assertThrows(IllegalArgumentException.class, () -> new TextRewards(FORMAT, List.of()));
        var e = assertThrows(IllegalArgumentException.class,
                () -> new TextRewards(FORMAT, List.of(new FormatReward(), new FormatReward())));
        assertEquals("reward names must be distinct, got [format, format]", e.getMessage());
        assertEquals("a length penalty needs 0 <= budget < maxLength, got budget 5 and maxLength 5",
                assertThrows(IllegalArgumentException.class, () -> new LengthPenalty(5, 5)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> new LengthPenalty(-1, 5));
    }

    @Test
    void acceptsCustomRewardFunctions() {
        CompletionReward ended = new CompletionReward() {
            @Override
            public String name() {
                return "ended";
            }

            @Override
            public double score(Prompt prompt, ParsedCompletion completion) {
                return completion.ended() ? 1 : 0;
            }
        };
        TextRewards rewards = new TextRewards(FORMAT, List.of(ended, new CorrectnessReward()));
        assertEquals(List.of("ended", "correctness"), rewards.rewardNames());
        assertArrayEquals(new double[] {1, 0}, rewards.score(PROMPT, FORMAT.tokenizer().encode("<4>[EOS]")));
    }
}

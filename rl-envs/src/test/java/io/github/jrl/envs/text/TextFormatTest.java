package io.github.jrl.envs.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class TextFormatTest {

    private final TextFormat format = TextFormat.forTasks(new AdditionTask(2));

    @Test
    void theTokenizerIsTheSortedAlphabetOfTheTasksAndTheMarkers() {
        assertEquals("+0123456789<>", format.tokenizer().alphabet());
        assertEquals(17, format.tokenizer().vocabSize());
        assertEquals("()0123456789:<>abceln", TextFormat.forTasks(new BracketBalanceTask(4)).tokenizer().alphabet());
        assertThrows(IllegalArgumentException.class, TextFormat::forTasks);
    }

    @Test
    void rendersPromptsAndTargetCompletions() {
        Prompt prompt = format.prompt(new Problem("12+34", "46"));
        // [BOS]=1, '+'=4, digit d=5+d, [SEP]=3, '<'=15, '>'=16, [EOS]=2
        assertArrayEquals(new int[] {1, 6, 7, 4, 8, 9, 3}, prompt.tokens());
        assertArrayEquals(new int[] {9, 11}, prompt.answerTokens());
        assertArrayEquals(new int[] {15, 9, 11, 16, 2}, prompt.targetCompletion());
    }

    @Test
    void requiresTheMarkersInTheTokenizer() {
        var e = assertThrows(IllegalArgumentException.class, () -> new TextFormat(new CharTokenizer("0123")));
        assertEquals("the tokenizer alphabet \"0123\" lacks the answer markers '<' and '>'; build it with TextFormat.forTasks",
                e.getMessage());
    }

    @Test
    void rejectsAnswersThatCouldNotBeExtracted() {
        var marker = assertThrows(IllegalArgumentException.class, () -> format.prompt(new Problem("1+2", "<3")));
        assertEquals("the answer \"<3\" contains an answer marker ('<' or '>'), so it could not be told apart from its markers",
                marker.getMessage());
        assertThrows(IllegalArgumentException.class, () -> format.prompt(new Problem("1+2", "")));
        assertThrows(IllegalArgumentException.class, () -> format.prompt(new Problem("1+2", "3[EOS]")));
        assertThrows(IllegalArgumentException.class, () -> format.prompt(new Problem("1[SEP]+2", "3")));
        assertThrows(IllegalArgumentException.class, () -> format.prompt(new Problem("1-2", "3")));
    }
}

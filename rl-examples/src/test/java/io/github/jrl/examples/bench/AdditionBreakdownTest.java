package io.github.jrl.examples.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.jrl.envs.text.AdditionTask;
import io.github.jrl.envs.text.CharTokenizer;
import io.github.jrl.envs.text.Problem;
import io.github.jrl.envs.text.Prompt;
import io.github.jrl.envs.text.TextFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class AdditionBreakdownTest {

    private final TextFormat format = TextFormat.forTasks(new AdditionTask(3));

    private Prompt prompt(long a, long b) {
        return format.prompt(new Problem(a + "+" + b, String.valueOf(a + b)));
    }

    private int[] completion(String text) {
        int[] body = format.tokenizer().encode(text);
        int[] tokens = java.util.Arrays.copyOf(body, body.length + 1);
        tokens[body.length] = CharTokenizer.EOS;
        return tokens;
    }

    @Test
    void carriesAreCountedColumnByColumn() {
        assertEquals(0, AdditionBreakdown.carries(123, 456));
        assertEquals(1, AdditionBreakdown.carries(125, 456));
        assertEquals(2, AdditionBreakdown.carries(199, 101));
        assertEquals(3, AdditionBreakdown.carries(999, 1));
        assertEquals(1, AdditionBreakdown.carries(900, 100));
        assertThrows(IllegalArgumentException.class, () -> AdditionBreakdown.carries(-1, 3));
    }

    @Test
    void aLongerSumHasMoreDigitsThanItsOperands() {
        assertTrue(AdditionBreakdown.longerSum(500, 500));
        assertFalse(AdditionBreakdown.longerSum(499, 500));
        assertTrue(AdditionBreakdown.longerSum(9, 1));
    }

    @Test
    void countsCategoriesAndErrorKinds() {
        AdditionBreakdown counts = new AdditionBreakdown();
        counts.add(prompt(123, 456), completion("<579>"), format, true);
        counts.add(prompt(500, 600), completion("<1100>"), format, true);
        counts.add(prompt(500, 600), completion("<100>"), format, false);
        counts.add(prompt(999, 999), completion("<1988>"), format, true);
        counts.add(prompt(125, 456), completion("581>"), format, false);

        assertEquals(1.0, counts.accuracy(false, 0));
        assertEquals(0.0, counts.accuracy(false, 1));
        assertEquals(0.5, counts.accuracy(true, 1));
        assertEquals(0.0, counts.accuracy(true, 3));
        assertTrue(Double.isNaN(counts.accuracy(false, 2)));
        assertEquals(2, counts.prompts(true, 1));
        assertEquals(1, counts.malformed());
        assertEquals(1, counts.wrongLength());
        assertEquals(1, counts.wrongDigit());
        List<String> lines = counts.lines(true, 8);
        assertEquals("    same length:  carries 0: 1/1 (pass@8 1); carries 1: 0/1 (pass@8 0); carries 2: 0/0 (pass@8 0);"
                + " carries 3+: 0/0 (pass@8 0); all 1/2 = 50.0 %, pass@8 50.0 %; e.g. 125+456=581 got 581>[EOS]", lines.get(0));
        assertEquals("    longer sum:   carries 0: 0/0 (pass@8 0); carries 1: 1/2 (pass@8 1); carries 2: 0/0 (pass@8 0);"
                + " carries 3+: 0/1 (pass@8 1); all 1/3 = 33.3 %, pass@8 66.7 %; e.g. 500+600=1100 got <100>[EOS], 999+999=1998 got <1988>[EOS]",
                lines.get(1));
        assertEquals("    wrong answers: 1 malformed, 1 of the wrong length, 1 with a wrong digit", lines.get(2));
    }
}

package io.github.jrl.envs.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TextTasksTest {

    private static void assertProblem(TextTask task, long index, String question, String answer) {
        assertEquals(new Problem(question, answer), task.problem(index), task + " problem " + index);
    }

    @Test
    void additionAddsTwoOperandsOfExactlyTheGivenDigits() {
        AdditionTask task = new AdditionTask(3);
        assertEquals(810_000, task.size());
        assertProblem(task, 0, "100+100", "200");
        assertProblem(task, 899, "100+999", "1099");
        assertProblem(task, 900, "101+100", "201");
        assertProblem(task, 809_999, "999+999", "1998");
        assertEquals(7, task.maxQuestionLength());
        assertEquals(4, task.maxAnswerLength());
    }

    @Test
    void oneDigitAdditionIncludesZero() {
        AdditionTask task = new AdditionTask(1);
        assertEquals(100, task.size());
        assertProblem(task, 0, "0+0", "0");
        assertProblem(task, 37, "3+7", "10");
        assertProblem(task, 99, "9+9", "18");
        assertEquals(810_000_000_000_000_000L, new AdditionTask(9).size());
    }

    @Test
    void reversalReversesLowercaseWords() {
        ReversalTask task = new ReversalTask(3);
        assertEquals(17_576, task.size());
        assertProblem(task, 0, "reverse:aaa", "aaa");
        assertProblem(task, 1, "reverse:aab", "baa");
        assertProblem(task, 2 * 26 * 26 + 26 + 3, "reverse:cbd", "dbc");
        assertProblem(task, 17_575, "reverse:zzz", "zzz");
        assertEquals(11, task.maxQuestionLength());
        assertEquals(3, task.maxAnswerLength());
    }

    @Test
    void sortingSortsDigitsAscending() {
        SortingTask task = new SortingTask(4);
        assertEquals(10_000, task.size());
        assertProblem(task, 0, "sort:0000", "0000");
        assertProblem(task, 3141, "sort:3141", "1134");
        assertProblem(task, 9870, "sort:9870", "0789");
        assertEquals(9, task.maxQuestionLength());
        assertEquals(4, task.maxAnswerLength());
    }

    @Test
    void bracketBalanceCountsTheBracketsMissing() {
        BracketBalanceTask task = new BracketBalanceTask(6);
        assertEquals(64, task.size());
        // Word i spells i in binary with '(' for 0 and ')' for 1.
        assertProblem(task, 0b000000, "balance:((((((", "6");
        assertProblem(task, 0b111111, "balance:))))))", "6");
        assertProblem(task, 0b010101, "balance:()()()", "0");
        assertProblem(task, 0b001011, "balance:(()())", "0");
        assertProblem(task, 0b001110, "balance:(()))(", "2");
        assertProblem(task, 0b100110, "balance:)(())(", "2");
        assertEquals(14, task.maxQuestionLength());
        assertEquals(1, task.maxAnswerLength());
        assertEquals(2, new BracketBalanceTask(14).maxAnswerLength());
    }

    @Test
    void difficultiesAreBoundedByTheSplitsLimit() {
        assertEquals("addition digits must be in [1, 9], got 10",
                assertThrows(IllegalArgumentException.class, () -> new AdditionTask(10)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> new AdditionTask(0));
        assertEquals("reversal length must be in [1, 13] (at most 2^62 words over 26 symbols), got 14",
                assertThrows(IllegalArgumentException.class, () -> new ReversalTask(14)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> new ReversalTask(0));
        assertThrows(IllegalArgumentException.class, () -> new SortingTask(19));
        assertThrows(IllegalArgumentException.class, () -> new BracketBalanceTask(63));
        assertEquals(1L << 62, new BracketBalanceTask(62).size());
        assertEquals(1_000_000_000_000_000_000L, new SortingTask(18).size());
    }

    @Test
    void indicesOutsideTheTaskAreRejected() {
        var e = assertThrows(IndexOutOfBoundsException.class, () -> new SortingTask(2).problem(100));
        assertEquals("sorting problem index 100 is outside [0, 100)", e.getMessage());
        assertThrows(IndexOutOfBoundsException.class, () -> new AdditionTask(1).problem(-1));
    }

    /** Exhaustively: distinct questions, characters in the alphabet, lengths within the stated maxima (and reached). */
    @Test
    void everyProblemKeepsTheTaskContract() {
        for (TextTask task : List.of(new AdditionTask(2), new ReversalTask(2), new SortingTask(3), new BracketBalanceTask(10))) {
            Set<String> questions = new HashSet<>();
            int longestQuestion = 0;
            int longestAnswer = 0;
            for (long i = 0; i < task.size(); i++) {
                Problem problem = task.problem(i);
                assertTrue(questions.add(problem.question()), task + " repeats " + problem.question());
                for (char c : (problem.question() + problem.answer()).toCharArray()) {
                    assertTrue(task.alphabet().indexOf(c) >= 0, task + " uses '" + c + "' outside its alphabet");
                }
                longestQuestion = Math.max(longestQuestion, problem.question().length());
                longestAnswer = Math.max(longestAnswer, problem.answer().length());
            }
            assertEquals(task.maxQuestionLength(), longestQuestion, task.toString());
            assertEquals(task.maxAnswerLength(), longestAnswer, task.toString());
        }
    }
}

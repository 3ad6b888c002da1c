package io.github.jrl.envs.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class NoCarryNoiseTest {

    @Test
    void answerDropsEveryCarryAndKeepsTheCorrectAnswersLength() {
        assertEquals("322", NoCarryNoise.answer("179+253"), "correct 432: both carries dropped");
        assertEquals("1109", NoCarryNoise.answer("680+529"), "correct 1209: four digits kept, carry into hundreds dropped");
        assertEquals("1888", NoCarryNoise.answer("999+999"), "correct 1998");
        assertEquals("1100", NoCarryNoise.answer("500+600"), "only a carry out of the leading digit: unchanged");
        assertEquals("579", NoCarryNoise.answer("123+456"), "no carry: the correct answer");
        assertEquals("809", NoCarryNoise.answer("680+229"), "correct 909");
        assertEquals("1000", NoCarryNoise.answer("500+500"), "correct 1000");
        assertEquals("15", NoCarryNoise.answer("7+8"), "one digit: the only carry is out of the leading digit");
        assertEquals("0", NoCarryNoise.answer("0+0"));
        assertEquals("10999", NoCarryNoise.answer("9090+1909"), "correct 10999");
        assertEquals("10888", NoCarryNoise.answer("9999+1999"), "correct 11998");
    }

    @Test
    void answerRejectsWhatIsNotAnAdditionOfEquallyLongOperands() {
        for (String q : new String[] {"12+345", "123456", "+12", "12+", "1a3+456", "12+3+4"}) {
            assertThrows(IllegalArgumentException.class, () -> NoCarryNoise.answer(q), q);
        }
    }

    @Test
    void corruptReplacesExactlyTheRoundedFractionChosenBySeed() {
        List<Problem> problems = List.of(new Problem("179+253", "432"), new Problem("680+529", "1209"),
                new Problem("999+999", "1998"), new Problem("158+267", "425"), new Problem("345+278", "623"));
        List<Problem> seed0 = NoCarryNoise.corrupt(problems, 0.4, 0L);
        List<Problem> seed1 = NoCarryNoise.corrupt(problems, 0.4, 1L);
        assertEquals(List.of("432", "1209", "1998", "315", "513"), seed0.stream().map(Problem::answer).toList());
        assertEquals(List.of("322", "1209", "1998", "425", "513"), seed1.stream().map(Problem::answer).toList());
        assertEquals(seed0, NoCarryNoise.corrupt(problems, 0.4, 0L), "the same seed, the same choice");
        for (int i = 0; i < problems.size(); i++) {
            assertEquals(problems.get(i).question(), seed0.get(i).question(), "order kept");
        }
        assertEquals(problems, NoCarryNoise.corrupt(problems, 0.0, 3L));
        assertEquals(List.of("322", "1109", "1888", "315", "513"),
                NoCarryNoise.corrupt(problems, 1.0, 3L).stream().map(Problem::answer).toList());
        assertEquals(List.of(), NoCarryNoise.corrupt(List.of(), 0.5, 0L));
    }

    @Test
    void corruptCountsExactlyRoundFractionTimesSize() {
        AdditionTask task = new AdditionTask(3);
        List<Problem> problems = new java.util.ArrayList<>();
        for (long i = 0; i < 1000; i++) {
            Problem p = task.problem(i * 809L);
            // only problems whose no-carry answer differs, so every replacement is visible
            if (!NoCarryNoise.answer(p.question()).equals(p.answer())) {
                problems.add(p);
            }
        }
        for (double fraction : new double[] {0.1, 0.55, 0.6, 0.75}) {
            List<Problem> noisy = NoCarryNoise.corrupt(problems, fraction, 7L);
            long changed = 0;
            for (int i = 0; i < problems.size(); i++) {
                if (!noisy.get(i).equals(problems.get(i))) {
                    changed++;
                    assertEquals(NoCarryNoise.answer(problems.get(i).question()), noisy.get(i).answer());
                }
            }
            assertEquals(Math.round(fraction * problems.size()), changed, "fraction " + fraction);
        }
    }

    @Test
    void corruptRejectsAFractionOutsideTheUnitInterval() {
        List<Problem> one = List.of(new Problem("179+253", "432"));
        assertThrows(IllegalArgumentException.class, () -> NoCarryNoise.corrupt(one, -0.1, 0L));
        assertThrows(IllegalArgumentException.class, () -> NoCarryNoise.corrupt(one, 1.5, 0L));
        assertThrows(IllegalArgumentException.class, () -> NoCarryNoise.corrupt(one, Double.NaN, 0L));
    }
}

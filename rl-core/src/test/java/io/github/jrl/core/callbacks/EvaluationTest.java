package io.github.jrl.core.callbacks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.jrl.core.env.RandomWalk;
import org.junit.jupiter.api.Test;

class EvaluationTest {

    /** Going right from {@code start}, RandomWalk pays each new position until 4. */
    private static double returnGoingRight(int start) {
        double sum = 0;
        for (int x = start + 1; x <= 4; x++) {
            sum += x;
        }
        return sum;
    }

    @Test
    void deterministicEvaluationActsWithTheModeFromSeededResets() {
        int episodes = 6;
        EvaluationResult result = Evaluation.evaluate(Walkers.always(1), new RandomWalk(), episodes, true, 123);

        RandomWalk replica = new RandomWalk(); // the same seeded resets give the same starts
        double[] expectedReturns = new double[episodes];
        int[] expectedLengths = new int[episodes];
        for (int k = 0; k < episodes; k++) {
            int start = (int) (k == 0 ? replica.reset(123) : replica.reset()).observation()[0];
            expectedReturns[k] = returnGoingRight(start);
            expectedLengths[k] = 4 - start;
        }
        assertArrayEquals(expectedReturns, result.returns());
        assertArrayEquals(expectedLengths, result.lengths());
        assertEquals(episodes, result.episodes());
    }

    @Test
    void stochasticEvaluationSamplesAndIsReproducibleFromItsSeed() {
        EvaluationResult a = Evaluation.evaluate(Walkers.coin(), new RandomWalk(), 20, false, 5);
        EvaluationResult b = Evaluation.evaluate(Walkers.coin(), new RandomWalk(), 20, false, 5);
        EvaluationResult other = Evaluation.evaluate(Walkers.coin(), new RandomWalk(), 20, false, 6);
        assertEquals(a, b);
        assertNotEquals(a, other);
    }

    @Test
    void meanAndPopulationStd() {
        EvaluationResult result = new EvaluationResult(new double[] {1, 2, 3, 4}, new int[] {10, 20, 30, 40});
        assertEquals(2.5, result.mean());
        assertEquals(Math.sqrt(1.25), result.std(), 1e-15, "numpy.std's ddof=0, as SB3 reports");
        assertEquals(25, result.meanLength());
        assertEquals("2.50 +- 1.12 over 4 episodes (mean length 25.0)", result.toString());
    }

    @Test
    void refusesWhatItCannotEvaluate() {
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class,
                () -> Evaluation.evaluate(Walkers.always(1), new RandomWalk(), 0, true, 1));
        assertTrue(none.getMessage().contains("episodes must be >= 1, got 0"));
        IllegalArgumentException vector = assertThrows(IllegalArgumentException.class,
                () -> Evaluation.evaluate(Walkers.always(1), new RandomWalk(2), 1, true, 1));
        assertTrue(vector.getMessage().contains("2 reward components"), vector.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new EvaluationResult(new double[] {1}, new int[0]));
    }
}

package io.github.jrl.envs.classic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.jrl.core.env.Environment;
import io.github.jrl.core.env.Step;
import io.github.jrl.core.wrappers.BusyStep;
import io.github.jrl.envs.Envs;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BusyCartPoleTest {

    @Test
    void itsEpisodesAreCartPolesStepForStep() {
        Environment<float[], Integer> busy = Envs.make(BusyCartPole.ID, Map.of("work", 1000));
        Environment<float[], Integer> plain = Envs.make("CartPole-v1");
        assertArrayEquals(plain.reset(4).observation(), busy.reset(4).observation());
        for (int t = 0; t < 30; t++) {
            Step<float[]> expected = plain.step(t % 2);
            Step<float[]> actual = busy.step(t % 2);
            assertArrayEquals(expected.observation(), actual.observation());
            assertEquals(expected.reward(), actual.reward());
            if (expected.done()) {
                break;
            }
        }
        assertThrows(IllegalArgumentException.class, () -> new BusyStep<>(new CartPole(), -1));
    }
}

package io.github.jrl.envs.toytext;

import static io.github.jrl.envs.toytext.Taxi.DROPOFF;
import static io.github.jrl.envs.toytext.Taxi.EAST;
import static io.github.jrl.envs.toytext.Taxi.NORTH;
import static io.github.jrl.envs.toytext.Taxi.PICKUP;
import static io.github.jrl.envs.toytext.Taxi.SOUTH;
import static io.github.jrl.envs.toytext.Taxi.WEST;
import static io.github.jrl.envs.toytext.Taxi.encode;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.jrl.core.env.Environment;
import io.github.jrl.core.env.InvalidActionException;
import io.github.jrl.core.env.Reset;
import io.github.jrl.core.env.Step;
import io.github.jrl.core.space.Discrete;
import io.github.jrl.core.wrappers.TimeLimit;
import io.github.jrl.envs.EnvRegistry;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TaxiTest {

    private static Taxi env() {
        Taxi env = new Taxi();
        env.reset(0L);
        return env;
    }

    private static Step<Integer> stepFrom(Taxi env, int state, int action) {
        env.setState(new double[] {state});
        return env.step(action);
    }

    private static void assertStep(Step<Integer> step, int state, double reward, boolean terminated) {
        assertEquals(state, step.observation());
        assertEquals(reward, step.reward());
        assertEquals(terminated, step.terminated());
        assertFalse(step.truncated());
        assertEquals(1.0, step.info().get("prob"));
        assertArrayEquals(Taxi.actionMask(state), (byte[]) step.info().get("action_mask"));
    }

    @Test
    void encodeAndDecodeAreInverseOverAllStates() {
        assertEquals(328, encode(3, 1, 2, 0));
        assertEquals(new Taxi.DecodedState(3, 1, 2, 0), Taxi.decode(328));
        int expected = 0;
        for (int row = 0; row < 5; row++) {
            for (int col = 0; col < 5; col++) {
                for (int pass = 0; pass < 5; pass++) {
                    for (int dest = 0; dest < 4; dest++) {
                        assertEquals(expected, encode(row, col, pass, dest));
                        assertEquals(new Taxi.DecodedState(row, col, pass, dest), Taxi.decode(expected));
                        assertEquals(expected, Taxi.decode(expected).encode());
                        expected++;
                    }
                }
            }
        }
        assertEquals(500, expected);
        assertThrows(IllegalArgumentException.class, () -> Taxi.decode(500));
        assertThrows(IllegalArgumentException.class, () -> Taxi.decode(-1));
        assertThrows(IllegalArgumentException.class, () -> encode(5, 0, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> encode(0, 0, 5, 0));
        assertThrows(IllegalArgumentException.class, () -> encode(0, 0, 0, 4));
    }

    @Test
    void spacesAreTheReferences() {
        Taxi env = new Taxi();
        assertEquals(new Discrete(500), env.observationSpace());
        assertEquals(new Discrete(6), env.actionSpace());
    }

    @Test
    void pickupAndDropoffAtTheDestinationPayTwenty() {
        Taxi env = env();
        assertStep(stepFrom(env, encode(0, 0, 0, 1), PICKUP), encode(0, 0, 4, 1), -1, false);
        assertStep(stepFrom(env, encode(0, 4, 4, 1), DROPOFF), encode(0, 4, 1, 1), 20, true);
        assertStep(stepFrom(env, encode(4, 3, 1, 3), PICKUP), encode(4, 3, 1, 3), -10, false);
    }

    @Test
    void illegalPickupsAndDropoffsCostTen() {
        Taxi env = env();
        assertStep(stepFrom(env, encode(1, 1, 0, 1), PICKUP), encode(1, 1, 0, 1), -10, false);
        assertStep(stepFrom(env, encode(0, 0, 4, 1), PICKUP), encode(0, 0, 4, 1), -10, false);
        assertStep(stepFrom(env, encode(2, 2, 4, 1), DROPOFF), encode(2, 2, 4, 1), -10, false);
        assertStep(stepFrom(env, encode(0, 4, 0, 1), DROPOFF), encode(0, 4, 0, 1), -10, false);
    }

    @Test
    void droppingAtAnotherDesignatedLocationLeavesThePassengerThere() {
        Taxi env = env();
        assertStep(stepFrom(env, encode(4, 0, 4, 1), DROPOFF), encode(4, 0, 2, 1), -1, false);
        assertStep(stepFrom(env, encode(4, 3, 4, 0), DROPOFF), encode(4, 3, 3, 0), -1, false);
    }

    @Test
    void wallsAndBordersBlockMoves() {
        Taxi env = env();
        assertStep(stepFrom(env, encode(0, 0, 0, 1), EAST), encode(0, 1, 0, 1), -1, false);
        assertStep(stepFrom(env, encode(0, 1, 0, 1), EAST), encode(0, 1, 0, 1), -1, false);
        assertStep(stepFrom(env, encode(0, 2, 0, 1), WEST), encode(0, 2, 0, 1), -1, false);
        assertStep(stepFrom(env, encode(2, 1, 0, 1), EAST), encode(2, 2, 0, 1), -1, false);
        assertStep(stepFrom(env, encode(4, 0, 0, 1), EAST), encode(4, 0, 0, 1), -1, false);
        assertStep(stepFrom(env, encode(3, 1, 0, 1), WEST), encode(3, 1, 0, 1), -1, false);
        assertStep(stepFrom(env, encode(3, 2, 0, 1), WEST), encode(3, 1, 0, 1), -1, false);
        assertStep(stepFrom(env, encode(3, 2, 0, 1), EAST), encode(3, 2, 0, 1), -1, false);
        assertStep(stepFrom(env, encode(4, 3, 0, 1), WEST), encode(4, 3, 0, 1), -1, false);
        assertStep(stepFrom(env, encode(4, 3, 0, 1), EAST), encode(4, 4, 0, 1), -1, false);
        assertStep(stepFrom(env, encode(2, 4, 0, 1), EAST), encode(2, 4, 0, 1), -1, false);
        assertStep(stepFrom(env, encode(0, 3, 0, 1), NORTH), encode(0, 3, 0, 1), -1, false);
        assertStep(stepFrom(env, encode(4, 3, 0, 1), SOUTH), encode(4, 3, 0, 1), -1, false);
        assertStep(stepFrom(env, encode(1, 1, 0, 1), SOUTH), encode(2, 1, 0, 1), -1, false);
        assertStep(stepFrom(env, encode(1, 1, 0, 1), NORTH), encode(0, 1, 0, 1), -1, false);
    }

    @Test
    void everyTableEntryIsACertainOutcome() {
        TransitionTable table = new Taxi().transitionTable();
        for (int s = 0; s < 500; s++) {
            for (int a = 0; a < 6; a++) {
                List<Transition> outcomes = table.transitions(s, a);
                assertEquals(1, outcomes.size());
                assertEquals(1.0, outcomes.get(0).probability());
            }
        }
    }

    @Test
    void actionMasksMarkExactlyTheActionsThatChangeTheState() {
        assertArrayEquals(new byte[] {1, 0, 1, 0, 1, 0}, Taxi.actionMask(encode(0, 0, 0, 1)));
        assertArrayEquals(new byte[] {0, 1, 1, 0, 0, 1}, Taxi.actionMask(encode(4, 3, 4, 3)));
        assertArrayEquals(new byte[] {1, 1, 1, 1, 0, 0}, Taxi.actionMask(encode(2, 2, 4, 0)));
        TransitionTable table = new Taxi().transitionTable();
        for (int s = 0; s < 500; s++) {
            byte[] mask = Taxi.actionMask(s);
            assertEquals(6, mask.length);
            for (int a = 0; a < 6; a++) {
                Transition t = table.transitions(s, a).get(0);
                boolean effective = a < PICKUP ? t.nextState() != s : t.reward() != -10;
                assertEquals(effective ? 1 : 0, mask[a], "state " + s + " action " + a);
            }
        }
        byte[] copy = Taxi.actionMask(0);
        copy[0] = 9;
        assertNotEquals(9, Taxi.actionMask(0)[0]);
    }

    @Test
    void resetNeverPutsThePassengerAtTheDestinationOrInTheTaxi() {
        Taxi env = new Taxi();
        env.reset(11L);
        int[] counts = new int[500];
        int n = 60_000;
        for (int i = 0; i < n; i++) {
            Reset<Integer> reset = env.reset();
            int s = reset.observation();
            counts[s]++;
            assertEquals(1.0, reset.info().get("prob"));
            assertArrayEquals(Taxi.actionMask(s), (byte[]) reset.info().get("action_mask"));
        }
        int startStates = 0;
        for (int s = 0; s < 500; s++) {
            Taxi.DecodedState d = Taxi.decode(s);
            if (d.passengerLocation() < Taxi.IN_TAXI && d.passengerLocation() != d.destination()) {
                startStates++;
                // Uniform over the 300 start states: 200 expected draws each.
                assertTrue(counts[s] > 130 && counts[s] < 270, "state " + s + " drawn " + counts[s] + " times");
            } else {
                assertEquals(0, counts[s], "state " + s + " is not a start state");
            }
        }
        assertEquals(300, startStates);
    }

    @Test
    void resetIsReproducibleFromTheSeed() {
        Taxi a = new Taxi();
        Taxi b = new Taxi();
        assertEquals(a.reset(99L).observation(), b.reset(99L).observation());
        for (int i = 0; i < 20; i++) {
            assertEquals(a.reset().observation(), b.reset().observation());
        }
    }

    @Test
    void registryMakesTaxiWithItsTimeLimit() {
        EnvRegistry registry = EnvRegistry.defaults();
        Environment<Integer, Integer> env = registry.make("Taxi-v3");
        assertEquals(200, ((TimeLimit<?, ?>) env).maxEpisodeSteps());
        assertInstanceOf(Taxi.class, env.unwrapped());
        env.reset(0L);
        assertThrows(InvalidActionException.class, () -> env.step(6));
        assertThrows(IllegalArgumentException.class, () -> registry.make("Taxi-v3", Map.of("is_rainy", true)));
    }

    @Test
    void getStateIsTheEncodedState() {
        Taxi env = env();
        stepFrom(env, encode(0, 0, 0, 1), SOUTH);
        assertArrayEquals(new double[] {encode(1, 0, 0, 1)}, env.getState());
    }
}

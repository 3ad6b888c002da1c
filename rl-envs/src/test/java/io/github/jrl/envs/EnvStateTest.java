package io.github.jrl.envs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.jrl.core.checkpoint.Stateful;
import io.github.jrl.core.env.Environment;
import io.github.jrl.core.env.Step;
import io.github.jrl.core.random.Rng;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every registered environment, as {@code make} returns it, saves its state mid-run and a freshly
 * made copy restored from it continues exactly: same observations, rewards, flags and infos,
 * across the resets that follow.
 */
class EnvStateTest {

    static List<String> ids() {
        return List.copyOf(Envs.registry().ids());
    }

    @ParameterizedTest
    @MethodSource("ids")
    void aRestoredEnvContinuesExactly(String id) throws IOException {
        Environment<Object, Object> original = Envs.make(id);
        original.reset(11);
        Rng actions = new Rng(4);
        trace(original, actions, 150);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ((Stateful) original).writeState(new DataOutputStream(bytes));
        Rng twinActions = Rng.fromState(actions.state());

        Environment<Object, Object> twin = Envs.make(id);
        ((Stateful) twin).readState(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray()))).apply();
        assertEquals(trace(original, actions, 400), trace(twin, twinActions, 400));
    }

    private static List<String> trace(Environment<Object, Object> env, Rng rng, int steps) {
        List<String> trace = new ArrayList<>();
        for (int t = 0; t < steps; t++) {
            Step<Object> step = env.step(env.actionSpace().sample(rng));
            trace.add(render(step.observation()) + " " + render(step.rewards()) + " " + step.terminated() + " "
                    + step.truncated() + " " + render(step.info()));
            if (step.done()) {
                trace.add(render(env.reset().observation()));
            }
        }
        return trace;
    }

    /** Arrays by content, maps in key order. */
    private static String render(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, String> sorted = new TreeMap<>();
            map.forEach((k, v) -> sorted.put(String.valueOf(k), render(v)));
            return sorted.toString();
        }
        return java.util.Arrays.deepToString(new Object[] {value});
    }
}

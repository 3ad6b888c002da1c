package io.github.jrl.envs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.jrl.core.env.Environment;
import io.github.jrl.core.env.SimulatorState;
import io.github.jrl.core.env.Step;
import io.github.jrl.core.space.Box;
import io.github.jrl.core.space.Discrete;
import io.github.jrl.core.space.Space;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Replays every episode of every {@code *.jsonl} file in the directory named by the system
 * property {@code jrl.parity.dir} (recorded from Gymnasium 0.29.1 and MO-Gymnasium 1.0.1; the
 * format is described in {@code shared/parity/README.md}) against jrl's environments:
 *
 * <ul>
 *   <li>one-step parity: set {@code states[t]}, apply {@code actions[t]}, compare the next state,
 *       observation, reward and {@code terminated};
 *   <li>whole-episode replay: set {@code states[0]}, replay all actions through the registry's
 *       environment under the file's time limit, compare everything, {@code truncated} included.
 * </ul>
 *
 * A file naming an environment id the registry lacks fails. New files need no code change.
 */
class ParityTest {

    /** float32 observations: relative 1e-5, absolute 1e-6 near zero (shared/parity/README.md). */
    private static final double OBS_REL = 1e-5;
    private static final double OBS_ABS = 1e-6;
    /** Internal states are float64 (float32 for some); one step from the same state must agree closely. */
    private static final double STATE_REL = 1e-9;
    private static final double STATE_ABS = 1e-12;
    /** Rewards: float64, or float32 in MO-Gymnasium's reward vectors. */
    private static final double REWARD_REL = 1e-6;
    private static final double REWARD_ABS = 1e-9;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final EnvRegistry REGISTRY = EnvRegistry.defaults();

    static Path parityDir() {
        String configured = System.getProperty("jrl.parity.dir");
        Path dir = configured != null ? Paths.get(configured) : Paths.get("..", "..", "shared", "parity", "gymnasium-0.29.1");
        return dir.toAbsolutePath().normalize();
    }

    @TestFactory
    Stream<DynamicNode> everyRecordedEpisode() throws IOException {
        Path dir = parityDir();
        assertTrue(Files.isDirectory(dir), "parity directory " + dir + " does not exist (set -Djrl.parity.dir)");
        List<Path> files;
        try (Stream<Path> listing = Files.list(dir)) {
            files = listing.filter(p -> p.getFileName().toString().endsWith(".jsonl")).sorted().toList();
        }
        assertTrue(!files.isEmpty(), "no *.jsonl file in " + dir);
        List<DynamicNode> containers = new ArrayList<>();
        for (Path file : files) {
            List<JsonNode> episodes = readEpisodes(file);
            List<DynamicNode> tests = new ArrayList<>();
            for (int e = 0; e < episodes.size(); e++) {
                JsonNode episode = episodes.get(e);
                String where = file.getFileName() + " episode " + e;
                tests.add(DynamicTest.dynamicTest("one-step parity, episode " + e, () -> oneStepParity(episode, where)));
                tests.add(DynamicTest.dynamicTest("whole-episode replay, episode " + e, () -> replay(episode, where)));
            }
            containers.add(DynamicContainer.dynamicContainer(file.getFileName().toString(), tests));
        }
        return containers.stream();
    }

    private static List<JsonNode> readEpisodes(Path file) throws IOException {
        List<JsonNode> episodes = new ArrayList<>();
        try (BufferedReader reader = Files.newBufferedReader(file)) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (!line.isBlank()) {
                    episodes.add(JSON.readTree(line));
                }
            }
        }
        return episodes;
    }

    private static Environment<Object, Object> make(JsonNode episode, String where) {
        String id = episode.get("env").asText();
        if (!REGISTRY.contains(id)) {
            fail(where + ": the registry has no environment '" + id + "'");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> kwargs = JSON.convertValue(episode.get("kwargs"), Map.class);
        MakeOptions options = MakeOptions.defaults().withKwargs(kwargs)
                .withMaxEpisodeSteps(episode.get("max_episode_steps").asInt())
                .withEnvCheckerDisabled();
        return REGISTRY.make(id, options);
    }

    @SuppressWarnings("unchecked")
    private static void oneStepParity(JsonNode episode, String where) {
        Environment<Object, Object> env = make(episode, where);
        Environment<Object, Object> raw = (Environment<Object, Object>) env.unwrapped();
        SimulatorState sim = simulator(raw, where);
        raw.reset(0L);
        JsonNode states = episode.get("states");
        JsonNode actions = episode.get("actions");
        for (int t = 0; t < actions.size(); t++) {
            String at = where + " step " + t;
            sim.setState(flatten(states.get(t)));
            Step<Object> step = raw.step(action(raw.actionSpace(), actions.get(t), at));
            assertClose(flatten(states.get(t + 1)), sim.getState(), STATE_REL, STATE_ABS, at + ": state");
            assertClose(flatten(episode.get("observations").get(t + 1)),
                    flatObservation(raw.observationSpace(), step.observation()), OBS_REL, OBS_ABS, at + ": observation");
            assertClose(flatten(episode.get("rewards").get(t)), step.rewards(), REWARD_REL, REWARD_ABS, at + ": reward");
            assertEquals(episode.get("terminated").get(t).asBoolean(), step.terminated(), at + ": terminated");
        }
    }

    /**
     * Whole-episode replay. Flags must agree at every step. Float values must agree within
     * tolerance until the trajectories drift apart: the references' {@code sin}/{@code cos}
     * (NumPy's vectorised float64 {@code sin} is not correctly rounded) may differ from Java's in
     * the last bits, and chaotic or long episodes amplify that (shared/parity/README.md). Drift is
     * told apart from a defect by how it starts: the first value outside tolerance must still be
     * within {@link #DRIFT_ONSET} tolerances; a wrong dynamics shows up as a jump. After the onset,
     * only flags are compared. One-step parity, which has no such allowance, pins the dynamics.
     */
    @SuppressWarnings("unchecked")
    private static void replay(JsonNode episode, String where) {
        Environment<Object, Object> env = make(episode, where);
        SimulatorState sim = simulator((Environment<Object, Object>) env.unwrapped(), where);
        env.reset(0L);
        sim.setState(flatten(episode.get("states").get(0)));
        JsonNode actions = episode.get("actions");
        boolean drifted = false;
        for (int t = 0; t < actions.size(); t++) {
            String at = where + " replay step " + t;
            Step<Object> step = env.step(action(env.actionSpace(), actions.get(t), at));
            if (!drifted) {
                drifted = drifting(flatten(episode.get("observations").get(t + 1)),
                        flatObservation(env.observationSpace(), step.observation()), OBS_REL, OBS_ABS, at + ": observation")
                        || drifting(flatten(episode.get("rewards").get(t)), step.rewards(), REWARD_REL, REWARD_ABS,
                                at + ": reward");
            }
            assertEquals(episode.get("terminated").get(t).asBoolean(), step.terminated(), at + ": terminated");
            assertEquals(episode.get("truncated").get(t).asBoolean(), step.truncated(), at + ": truncated");
        }
    }

    /** How far past tolerance the first out-of-tolerance value of a drifting replay may be. */
    private static final double DRIFT_ONSET = 100;

    /** {@code false} if within tolerance; {@code true} at the onset of drift; fails on a jump. */
    private static boolean drifting(double[] expected, double[] actual, double rel, double abs, String what) {
        assertEquals(expected.length, actual.length, what + ": length");
        boolean outside = false;
        for (int i = 0; i < expected.length; i++) {
            double tolerance = Math.max(abs, rel * Math.abs(expected[i]));
            double error = Math.abs(expected[i] - actual[i]);
            if (!(error <= DRIFT_ONSET * tolerance)) {
                assertArrayEquals(expected, actual, tolerance, what + " jumps away from the reference at index " + i);
            }
            outside |= error > tolerance;
        }
        return outside;
    }

    private static SimulatorState simulator(Environment<Object, Object> raw, String where) {
        if (!(raw instanceof SimulatorState sim)) {
            throw new AssertionError(where + ": " + raw.getClass().getName() + " does not implement SimulatorState");
        }
        return sim;
    }

    private static Object action(Space<?> space, JsonNode node, String where) {
        if (space instanceof Discrete) {
            assertTrue(node.isIntegralNumber(), where + ": expected an integer action, got " + node);
            return node.asInt();
        }
        if (space instanceof Box) {
            double[] values = flatten(node);
            float[] action = new float[values.length];
            for (int i = 0; i < values.length; i++) {
                action[i] = (float) values[i];
            }
            return action;
        }
        throw new AssertionError(where + ": no JSON decoding for action space " + space);
    }

    private static double[] flatObservation(Space<Object> space, Object observation) {
        float[] flat = new float[space.flatSize()];
        space.writeFlat(observation, flat, 0);
        double[] out = new double[flat.length];
        for (int i = 0; i < flat.length; i++) {
            out[i] = flat[i];
        }
        return out;
    }

    /** Numbers of a (possibly nested) JSON value in order; booleans as 0/1. */
    static double[] flatten(JsonNode node) {
        List<Double> values = new ArrayList<>();
        collect(node, values);
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static void collect(JsonNode node, List<Double> out) {
        if (node.isArray()) {
            node.forEach(child -> collect(child, out));
        } else if (node.isBoolean()) {
            out.add(node.asBoolean() ? 1.0 : 0.0);
        } else if (node.isNumber()) {
            out.add(node.asDouble());
        } else {
            throw new AssertionError("unexpected JSON value " + node);
        }
    }

    private static void assertClose(double[] expected, double[] actual, double rel, double abs, String what) {
        assertEquals(expected.length, actual.length, what + ": length of " + Arrays.toString(actual)
                + " vs expected " + Arrays.toString(expected));
        for (int i = 0; i < expected.length; i++) {
            double tolerance = Math.max(abs, rel * Math.abs(expected[i]));
            if (!(Math.abs(expected[i] - actual[i]) <= tolerance)) {
                assertArrayEquals(expected, actual, tolerance, what + " differs at index " + i);
            }
        }
    }
}

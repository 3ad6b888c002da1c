package io.github.jrl.algorithms.ppo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.jrl.core.checkpoint.Checkpoint;
import io.github.jrl.core.schedule.Schedule;
import io.github.jrl.envs.Envs;
import io.github.jrl.nd4j.nn.Activation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PpoConfigFileTest {

    private static final PpoConfig DEFAULTS = PpoConfig.builder().build();

    @TempDir
    Path dir;

    @Test
    void everyFieldRoundTripsThroughYaml() {
        PpoConfig unusual = PpoConfig.builder().numEnvs(3).numSteps(20).batchSize(12).numEpochs(7).gamma(0.5)
                .gaeLambda(0.25).clipRange(Schedule.linear(0.3)).clipRangeVf(0.4).normalizeAdvantage(false).entCoef(0.01)
                .vfCoef(0.75).maxGradNorm(Double.POSITIVE_INFINITY).targetKl(0.02).learningRate(Schedule.constant(2.5e-4))
                .adamEpsilon(1e-8).hiddenSizes(32, 16, 8).activation(Activation.RELU).logStdInit(-0.5)
                .normalizeObservations(true).normalizeRewards(true).seed(-123456789012L).build();
        for (PpoConfig config : List.of(DEFAULTS, unusual, PpoPresets.cartPole(), PpoPresets.acrobot(),
                PpoPresets.pendulum())) {
            String yaml = PpoConfigFile.toYaml(config);
            assertEquals(config, PpoConfigFile.parse(yaml, "test", DEFAULTS), yaml);
            PpoConfigFile.fieldNames().forEach(name -> assertTrue(yaml.contains("\n" + name + ":")
                    || yaml.startsWith(name + ":"), name + " missing from\n" + yaml));
        }
        assertEquals(List.of(), PpoConfigFile.differences(unusual, unusual));
        assertEquals(List.of("maxGradNorm: null vs 0.5", "seed: -123456789012 vs 0"), PpoConfigFile.differences(
                unusual, unusual.toBuilder().maxGradNorm(0.5).seed(0).build()));
    }

    @Test
    void switchedOffValuesAreNull() {
        String yaml = PpoConfigFile.toYaml(DEFAULTS.toBuilder().maxGradNorm(Double.POSITIVE_INFINITY).build());
        assertTrue(yaml.contains("clipRangeVf: null\n") && yaml.contains("targetKl: null\n")
                && yaml.contains("maxGradNorm: null\n"), yaml);
        PpoConfig on = PpoConfigFile.parse("targetKl: 0.01\nclipRangeVf: 0.2\n", "test", DEFAULTS);
        assertEquals(0.01, on.targetKl());
        assertEquals(0.2, on.clipRangeVf());
        assertTrue(Double.isNaN(PpoConfigFile.parse("targetKl: null", "test", on).targetKl()));
    }

    /** The shipped files hold rl-baselines3-zoo's numbers (hyperparams/ppo.yml). */
    @Test
    void presetsHoldTheZooHyperparameters() {
        PpoConfig cartPole = PpoPresets.cartPole();
        assertEquals(List.of(8, 32, 256, 20), List.of(cartPole.numEnvs(), cartPole.numSteps(), cartPole.batchSize(),
                cartPole.numEpochs()));
        assertEquals(List.of(0.98, 0.8), List.of(cartPole.gamma(), cartPole.gaeLambda()));
        assertEquals(Schedule.linear(1e-3), cartPole.learningRate());
        assertEquals(Schedule.linear(0.2), cartPole.clipRange());
        PpoConfig acrobot = PpoPresets.acrobot();
        assertTrue(acrobot.normalizeObservations() && acrobot.normalizeRewards());
        assertEquals(List.of(16, 256, 4), List.of(acrobot.numEnvs(), acrobot.numSteps(), acrobot.numEpochs()));
        assertEquals(0.94, acrobot.gaeLambda());
        PpoConfig pendulum = PpoPresets.pendulum();
        assertEquals(List.of(4, 1024, 10), List.of(pendulum.numEnvs(), pendulum.numSteps(), pendulum.numEpochs()));
        assertEquals(Schedule.constant(1e-3), pendulum.learningRate());
        assertEquals(0.9, pendulum.gamma());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PpoPresets.forEnv("Nope-v0"));
        assertTrue(e.getMessage().contains("[CartPole-v1, Acrobot-v1, Pendulum-v1]"), e.getMessage());
    }

    @Test
    void filesOverrideTheirBaseAndJsonWorksToo() throws IOException {
        Path yaml = dir.resolve("fast.yml");
        Files.writeString(yaml, "# a comment\nlearningRate: lin_3e-4\nhiddenSizes: [128, 128]\nactivation: ReLU\n");
        PpoConfig fromYaml = PpoConfigFile.read(yaml, PpoPresets.cartPole());
        assertEquals(PpoPresets.cartPole().toBuilder().learningRate(Schedule.linear(3e-4)).hiddenSizes(128, 128)
                .activation(Activation.RELU).build(), fromYaml);
        Path json = dir.resolve("fast.json");
        Files.writeString(json, "{\"numEnvs\": 4, \"gamma\": 0.95, \"clipRange\": \"lin_0.1\"}");
        assertEquals(DEFAULTS.toBuilder().numEnvs(4).gamma(0.95).clipRange(Schedule.linear(0.1)).build(),
                PpoConfigFile.read(json, DEFAULTS));
        Files.writeString(dir.resolve("empty.yml"), "");
        assertEquals(DEFAULTS, PpoConfigFile.read(dir.resolve("empty.yml"), DEFAULTS));
    }

    @Test
    void mistakesAreNamedWithTheFieldAndWhatIsAllowed() throws IOException {
        assertMessage("config.yml: unknown field 'n_envs' (rl-baselines3-zoo's name for numEnvs); the fields are [numEnvs,",
                "n_envs: 8");
        assertMessage("config.yml: unknown field 'gama'; the fields are", "gama: 0.9");
        assertMessage("config.yml: gamma must be in [0, 1], got 1.5", "gamma: 1.5");
        assertMessage("config.yml: numEnvs: expected an integer, got \"eight\"", "numEnvs: eight");
        assertMessage("config.yml: numEnvs: expected an integer, got 2.5", "numEnvs: 2.5");
        assertMessage("config.yml: batchSize must divide numEnvs * numSteps = 2048, got 100", "batchSize: 100");
        assertMessage("config.yml: learningRate: a schedule is a number or lin_<number>, got 'linear_1e-3'",
                "learningRate: linear_1e-3");
        assertMessage("config.yml: activation: expected one of [tanh, relu, gelu, identity], got \"sigmoid\"", "activation: sigmoid");
        assertMessage("config.yml: normalizeAdvantage: expected true or false, got 1", "normalizeAdvantage: 1");
        assertMessage("config.yml: hiddenSizes must be non-empty and positive, got [64, -1]", "hiddenSizes: [64, -1]");
        assertMessage("config.yml: not valid YAML: Duplicate field 'gamma'", "gamma: 0.9\ngamma: 0.8");
        assertMessage("config.yml: expected a mapping of field names to values, got [1,2]", "[1, 2]");
        Path text = dir.resolve("config.txt");
        Files.writeString(text, "gamma: 0.9");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PpoConfigFile.read(text, DEFAULTS));
        assertTrue(e.getMessage().endsWith("expected a .yml, .yaml or .json file"), e.getMessage());
    }

    private void assertMessage(String expectedStart, String yaml) throws IOException {
        Path file = dir.resolve("config.yml");
        Files.writeString(file, yaml);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PpoConfigFile.read(file, DEFAULTS));
        String message = e.getMessage().replace(file.toString(), "config.yml").replace("config file ", "");
        assertTrue(message.startsWith(expectedStart), message);
    }

    @Test
    void aScheduleWithoutNotationIsRefusedNamingTheField() {
        PpoConfig config = DEFAULTS.toBuilder().learningRate(progress -> 1e-3 * progress * progress).build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PpoConfigFile.toYaml(config));
        assertTrue(e.getMessage().startsWith("learningRate is the schedule"), e.getMessage());
    }

    @Test
    void checkpointsStoreTheRunDirectorysSerialisation() throws IOException {
        PpoConfig config = PpoPresets.cartPole().toBuilder().numEnvs(2).numSteps(32).batchSize(64).seed(4).build();
        Ppo ppo = new Ppo(config, () -> Envs.make("CartPole-v1"));
        Path file = dir.resolve("run.ckpt");
        ppo.saveCheckpoint(file);
        Checkpoint checkpoint = Checkpoint.read(file);
        assertEquals(PpoConfigFile.toYaml(config), new String(checkpoint.bytes(Checkpoint.CONFIG), StandardCharsets.UTF_8));
        assertEquals(config, Ppo.configOf(checkpoint));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Ppo.resume(config.toBuilder().gamma(0.9).build(), () -> Envs.make("CartPole-v1"), checkpoint));
        assertTrue(e.getMessage().endsWith("(checkpoint vs this run): [gamma: 0.98 vs 0.9]"), e.getMessage());
    }
}

package io.github.jrl.examples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.jrl.algorithms.ppo.PpoConfig;
import io.github.jrl.algorithms.ppo.PpoConfigFile;
import io.github.jrl.algorithms.ppo.PpoPresets;
import io.github.jrl.algorithms.sac.SacConfig;
import io.github.jrl.algorithms.sac.SacConfigFile;
import io.github.jrl.algorithms.sac.SacPresets;
import io.github.jrl.core.checkpoint.Checkpoint;
import io.github.jrl.core.checkpoint.CheckpointDirectory;
import io.github.jrl.core.metrics.MetricNames;
import io.github.jrl.core.metrics.MetricsCsv;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code jrl train} end to end: the run directory it writes, {@code --resume}, and its refusals. */
class TrainCommandTest {

    @TempDir
    Path dir;

    private record Result(int exitCode, String err) {
    }

    private static Result jrl(String... args) {
        StringWriter err = new StringWriter();
        CommandLine cli = Main.commandLine();
        cli.setErr(new PrintWriter(err));
        for (CommandLine sub : cli.getSubcommands().values()) {
            sub.setErr(new PrintWriter(err));
        }
        return new Result(cli.execute(args), err.toString());
    }

    /** CartPole's preset shrunk to 2 copies x 64 steps, so a run of a few rollouts takes a second. */
    private Path smallConfig() throws IOException {
        Path file = dir.resolve("small.yml");
        Files.writeString(file, "numEnvs: 2\nnumSteps: 64\nbatchSize: 64\nnumEpochs: 2\n");
        return file;
    }

    @Test
    void aRunDirectoryHoldsEverythingAndResumeContinuesExactly() throws IOException {
        Path run = dir.resolve("run");
        Result result = jrl("train", "--env", "CartPole-v1", "--preset", "CartPole-v1", "--config",
                smallConfig().toString(), "--seed", "7", "--steps", "1024", "--checkpoint-every", "256", "--eval-every", "512",
                "--eval-episodes", "2", "--out", run.toString());
        assertEquals(0, result.exitCode(), result.err());

        PpoConfig expected = PpoPresets.cartPole().toBuilder().numEnvs(2).numSteps(64).batchSize(64).numEpochs(2).seed(7)
                .build();
        assertEquals(expected, PpoConfigFile.read(run.resolve("config.yml"), PpoConfig.builder().build()));
        for (String file : List.of("run.yml", "metrics.csv", "metrics.jsonl", "policy.jrl", "best-policy.jrl",
                "learning_curve.png")) {
            assertTrue(Files.isRegularFile(run.resolve(file)), file);
        }
        try (Stream<Path> files = Files.list(run)) {
            assertTrue(files.anyMatch(f -> f.getFileName().toString().startsWith("events.out.tfevents.")));
        }
        assertTrue(MetricsCsv.read(run.resolve("metrics.csv")).metricNames().contains(MetricNames.EVAL_MEAN_REWARD));
        CheckpointDirectory checkpoints = new CheckpointDirectory(run.resolve("checkpoints"));
        assertEquals(List.of(512L, 768L, 1024L), checkpoints.entries().stream().map(CheckpointDirectory.Entry::step).toList());
        assertArrayEquals(Files.readAllBytes(run.resolve("config.yml")),
                Checkpoint.read(checkpoints.fileFor(1024)).bytes(Checkpoint.CONFIG));

        // as if the process had been killed after its checkpoint at step 512
        byte[] policy = Files.readAllBytes(run.resolve("policy.jrl"));
        Files.delete(checkpoints.fileFor(768));
        Files.delete(checkpoints.fileFor(1024));
        Files.delete(run.resolve("policy.jrl"));
        assertEquals(0, jrl("train", "--resume", run.toString()).exitCode());
        assertArrayEquals(policy, Files.readAllBytes(run.resolve("policy.jrl")), "the resumed run ends where the first did");
    }

    /** SAC through the same command: its config file, checkpoints that resume exactly, and eval of its policy. */
    @Test
    void sacRunsResumeAndEvaluateLikePpoRuns() throws IOException {
        Path run = dir.resolve("sac");
        Path small = dir.resolve("sac.yml");
        Files.writeString(small, "learningStarts: 50\nbatchSize: 32\nhiddenSizes: [16, 16]\nentCoef: auto_0.5\n");
        Result result = jrl("train", "--algo", "sac", "--env", "Pendulum-v1", "--preset", "Pendulum-v1", "--config",
                small.toString(), "--seed", "3", "--steps", "300", "--checkpoint-every", "100", "--eval-episodes", "1",
                "--out", run.toString());
        assertEquals(0, result.exitCode(), result.err());
        SacConfig expected = SacPresets.pendulum().toBuilder().learningStarts(50).batchSize(32).hiddenSizes(16, 16)
                .autoEntCoef(0.5).seed(3).build();
        assertEquals(expected, SacConfigFile.read(run.resolve("config.yml"), SacConfig.builder().build()));
        CheckpointDirectory checkpoints = new CheckpointDirectory(run.resolve("checkpoints"));
        assertEquals(List.of(100L, 200L, 300L), checkpoints.entries().stream().map(CheckpointDirectory.Entry::step).toList());

        byte[] policy = Files.readAllBytes(run.resolve("policy.jrl"));
        Files.delete(checkpoints.fileFor(200));
        Files.delete(checkpoints.fileFor(300));
        assertEquals(0, jrl("train", "--resume", run.toString()).exitCode());
        assertArrayEquals(policy, Files.readAllBytes(run.resolve("policy.jrl")), "the resumed run ends where the first did");

        assertEquals(0, jrl("eval", run.toString(), "--env", "Pendulum-v1", "--episodes", "1").exitCode());
        assertRefused("error: there is no SAC preset for Acrobot-v1", "train", "--algo", "sac", "--env", "Acrobot-v1");
        assertRefused("error: algo must be one of [ppo, sac], got 'dqn'", "train", "--algo", "dqn");
    }

    @Test
    void mistakesExitWithUsageErrorsThatSayWhatIsWrong() throws IOException {
        assertRefused("Unknown option: '--bogus'", "train", "--bogus");
        assertRefused("Invalid value for option '--steps'", "train", "--steps", "many");
        assertRefused("error: there is no PPO preset for MountainCar-v0", "train", "--env", "MountainCar-v0");
        assertRefused("error: no PPO preset 'Nope'", "train", "--preset", "Nope");
        assertRefused("error: no environment registered as 'Nope-v0'", "train", "--env", "Nope-v0");
        assertRefused("error: --config: no file " + dir.resolve("absent.yml"), "train", "--config",
                dir.resolve("absent.yml").toString());
        Path bad = dir.resolve("bad.yml");
        Files.writeString(bad, "gamma: 2\n", StandardCharsets.UTF_8);
        assertRefused("error: config file " + bad + ": gamma must be in [0, 1], got 2.0", "train", "--config",
                bad.toString());
        assertRefused("error: " + dir + " is not a run directory: it has no run.yml", "train", "--resume", dir.toString());
        assertRefused("error: --resume continues the run with the settings in its run.yml and the config in its"
                + " checkpoint; drop [--env]", "train", "--resume", dir.toString(), "--env", "CartPole-v1");
        assertRefused("bench needs a benchmark: one of [envs, ppo, sac, grpo, dpo, reward-model, grpo-reward-model, kto, offline, offline-finetune]", "bench");
    }

    private static void assertRefused(String expectedStart, String... args) {
        Result result = jrl(args);
        assertEquals(2, result.exitCode(), result.err());
        assertTrue(result.err().startsWith(expectedStart), result.err());
    }
}

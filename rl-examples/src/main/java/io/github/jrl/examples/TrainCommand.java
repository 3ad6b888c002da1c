package io.github.jrl.examples;

import io.github.jrl.algorithms.ppo.Ppo;
import io.github.jrl.algorithms.ppo.PpoConfig;
import io.github.jrl.algorithms.ppo.PpoPresets;
import io.github.jrl.core.callbacks.CheckpointCallback;
import io.github.jrl.core.callbacks.Evaluation;
import io.github.jrl.core.callbacks.EvaluationResult;
import io.github.jrl.core.callbacks.MetricsCallback;
import io.github.jrl.core.callbacks.StopOnNonFinite;
import io.github.jrl.core.checkpoint.AtomicFile;
import io.github.jrl.core.checkpoint.CheckpointDirectory;
import io.github.jrl.core.metrics.ConsoleSink;
import io.github.jrl.core.metrics.CsvSink;
import io.github.jrl.core.metrics.JsonLinesSink;
import io.github.jrl.core.metrics.MultiSink;
import io.github.jrl.core.metrics.TensorBoardSink;
import io.github.jrl.core.metrics.MetricNames;
import io.github.jrl.envs.Envs;
import io.github.jrl.examples.plot.LearningCurve;
import io.github.jrl.examples.plot.LearningCurvePlot;
import io.github.jrl.examples.plot.Spread;
import io.github.jrl.examples.progress.ProgressBarCallback;
import io.github.jrl.nd4j.Backend;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Trains an agent and writes a run directory: the resolved config, metrics as CSV, JSON lines and
 * TensorBoard events, periodic checkpoints, the final checkpoint and deployable policy, and the
 * learning curve as PNG; then evaluates the policy.
 */
@Command(name = "train", mixinStandardHelpOptions = true, description = "Train an agent (PPO) and write a run directory.")
public final class TrainCommand implements Callable<Integer> {

    /** The deployable policy in a run directory, as {@code eval} loads it. */
    static final String POLICY_FILE = "policy.jrl";

    @Option(names = "--algo", defaultValue = "ppo", description = "Algorithm: ppo (default: ${DEFAULT-VALUE}).")
    String algorithm;

    @Option(names = "--env", defaultValue = "CartPole-v1", description = "Environment id with a preset (default: ${DEFAULT-VALUE}).")
    String envId;

    @Option(names = "--steps", defaultValue = "100000", description = "Environment steps (default: ${DEFAULT-VALUE}).")
    long steps;

    @Option(names = "--seed", defaultValue = "0", description = "Seed of every random choice (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--out", description = "Run directory (default: runs/<algo>-<env>-seed<seed>).")
    Path out;

    @Option(names = "--checkpoint-every", defaultValue = "50000", description = "Steps between checkpoints (default: ${DEFAULT-VALUE}).")
    long checkpointEvery;

    @Option(names = "--eval-episodes", defaultValue = "20", description = "Final deterministic evaluation episodes (default: ${DEFAULT-VALUE}).")
    int evalEpisodes;

    @Override
    public Integer call() throws IOException {
        if (!"ppo".equals(algorithm)) {
            throw new IllegalArgumentException("--algo must be one of [ppo], got '" + algorithm + "'");
        }
        if (steps <= 0 || evalEpisodes <= 0) {
            throw new IllegalArgumentException("--steps and --eval-episodes must be positive");
        }
        PpoConfig config = PpoPresets.forEnv(envId).toBuilder().seed(seed).build();
        Path runDir = out != null ? out : Path.of("runs", algorithm + "-" + envId + "-seed" + seed);
        AtomicFile.write(runDir.resolve("config.txt"), stream -> stream.write(
                (algorithm + " on " + envId + " for " + steps + " steps\n" + config + "\n").getBytes(StandardCharsets.UTF_8)));
        System.out.printf(Locale.ROOT, "training PPO on %s for %d steps (seed %d, backend %s) into %s%n", envId, steps,
                seed, Backend.describe(), runDir);
        Ppo ppo = new Ppo(config, () -> Envs.<float[], Object>make(envId));
        try (MultiSink sinks = new MultiSink(new ConsoleSink(System.out, Math.max(1, steps / 10)),
                new CsvSink(runDir.resolve("metrics.csv")), new JsonLinesSink(runDir.resolve("metrics.jsonl")),
                new TensorBoardSink(runDir))) {
            ppo.learn(steps, List.of(new StopOnNonFinite(), new MetricsCallback(sinks),
                    new CheckpointCallback(new CheckpointDirectory(runDir.resolve("checkpoints")), checkpointEvery, 3),
                    ProgressBarCallback.forConsole(steps)));
        }
        ppo.saveCheckpoint(runDir.resolve("final.ckpt"));
        ppo.policy().save(runDir.resolve(POLICY_FILE));
        LearningCurve curve = LearningCurve.read(runDir, MetricNames.EPISODIC_RETURN);
        LearningCurvePlot.savePng(LearningCurvePlot.chart(List.of(curve), MetricNames.EPISODIC_RETURN, Spread.STD,
                "PPO " + envId + " (seed " + seed + ")", 800, 500), runDir.resolve("learning_curve.png"));
        EvaluationResult result = Evaluation.evaluate(ppo.policy(), Envs.<float[], Object>make(envId), evalEpisodes, true,
                seed + 1_000_000);
        System.out.printf(Locale.ROOT, "final evaluation on %s: %.1f +- %.1f over %d deterministic episodes "
                + "(%d steps in %.1f s)%n", envId, result.mean(), result.std(), evalEpisodes, ppo.stepsDone(),
                ppo.timings().totalSeconds());
        return 0;
    }
}

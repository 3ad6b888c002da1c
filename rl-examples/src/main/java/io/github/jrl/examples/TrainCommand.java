package io.github.jrl.examples;

import io.github.jrl.core.callbacks.CheckpointCallback;
import io.github.jrl.core.callbacks.EvalCallback;
import io.github.jrl.core.callbacks.Evaluation;
import io.github.jrl.core.callbacks.EvaluationResult;
import io.github.jrl.core.callbacks.MetricsCallback;
import io.github.jrl.core.callbacks.StopOnNonFinite;
import io.github.jrl.core.checkpoint.CheckpointDirectory;
import io.github.jrl.core.metrics.ConsoleSink;
import io.github.jrl.core.metrics.CsvSink;
import io.github.jrl.core.metrics.JsonLinesSink;
import io.github.jrl.core.metrics.MetricNames;
import io.github.jrl.core.metrics.MultiSink;
import io.github.jrl.core.metrics.TensorBoardSink;
import io.github.jrl.core.train.Callback;
import io.github.jrl.core.train.Trainer;
import io.github.jrl.envs.Envs;
import io.github.jrl.examples.plot.LearningCurve;
import io.github.jrl.examples.plot.LearningCurvePlot;
import io.github.jrl.examples.plot.Spread;
import io.github.jrl.examples.progress.ProgressBarCallback;
import io.github.jrl.nd4j.Backend;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Trains an agent and writes a run directory: the settings ({@code run.yml}) and fully resolved
 * hyperparameters ({@code config.yml}), metrics as CSV, JSON lines and TensorBoard events,
 * periodic checkpoints (the last one at the end of training), the deployable policy (and with
 * {@code --eval-every} the best one evaluated), and the learning curve as PNG; then evaluates the
 * policy. {@code --resume} continues such a run from its latest valid checkpoint.
 */
@Command(name = "train", mixinStandardHelpOptions = true, description = "Train an agent (PPO or SAC) and write a run"
        + " directory, or continue one with --resume.")
public final class TrainCommand implements Callable<Integer> {

    /** The deployable policy in a run directory, as {@code eval} loads it. */
    static final String POLICY_FILE = "policy.jrl";
    /** The policy of the best periodic evaluation. */
    static final String BEST_POLICY_FILE = "best-policy.jrl";
    static final String CONFIG_FILE = "config.yml";
    static final String CHECKPOINTS = "checkpoints";
    /** Checkpoints kept in {@code checkpoints/}, newest first. */
    private static final int CHECKPOINTS_KEPT = 3;
    /** Evaluations use seeds far from the training seed's, so they see other episodes. */
    private static final long EVAL_SEED_OFFSET = 1_000_000;

    @Option(names = "--algo", defaultValue = "ppo", description = "Algorithm: ppo or sac (default: ${DEFAULT-VALUE}).")
    String algorithm;

    @Option(names = "--env", defaultValue = "CartPole-v1", description = "Environment id (default: ${DEFAULT-VALUE}).")
    String envId;

    @Option(names = "--preset", paramLabel = "NAME", description = "Hyperparameter preset, named after the env it is"
            + " for: PPO has CartPole-v1, Acrobot-v1, Pendulum-v1; SAC has Pendulum-v1, MountainCarContinuous-v0,"
            + " CartPole-v1 (default: the one named after --env, unless --config is given).")
    String preset;

    @Option(names = "--config", paramLabel = "FILE", description = "Hyperparameters in a .yml or .json file, over"
            + " Stable-Baselines3's defaults of the algorithm, or over --preset when given.")
    Path configFile;

    @Option(names = "--steps", defaultValue = "100000", description = "Environment steps (default: ${DEFAULT-VALUE}).")
    long steps;

    @Option(names = "--seed", description = "Seed of every random choice (default: the config's, 0 unless it says).")
    Long seed;

    @Option(names = "--out", paramLabel = "DIR", description = "Run directory (default: runs/<algo>-<env>-seed<seed>).")
    Path out;

    @Option(names = "--checkpoint-every", defaultValue = "50000", description = "Steps between checkpoints (default: ${DEFAULT-VALUE}).")
    long checkpointEvery;

    @Option(names = "--eval-every", defaultValue = "0", description = "Steps between evaluations on an env of their own,"
            + " saving the best policy as " + BEST_POLICY_FILE + "; 0 for none (default: ${DEFAULT-VALUE}).")
    long evalEvery;

    @Option(names = "--eval-episodes", defaultValue = "20", description = "Deterministic episodes per evaluation, and of the"
            + " final one (default: ${DEFAULT-VALUE}).")
    int evalEpisodes;

    @Option(names = "--resume", paramLabel = "RUN_DIR", description = "Continue the run in RUN_DIR from its latest valid"
            + " checkpoint, with the settings it was started with; takes no other option.")
    Path resume;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (resume != null) {
            return resume();
        }
        TrainSettings settings = new TrainSettings(algorithm, envId, steps, checkpointEvery, evalEvery, evalEpisodes);
        AlgorithmRun run = AlgorithmRun.start(algorithm, envId, preset, configFile, seed);
        Path runDir = out != null ? out : Path.of("runs", algorithm + "-" + envId + "-seed" + run.seed());
        if (Files.exists(runDir.resolve(TrainSettings.FILE))) {
            throw new IllegalArgumentException(runDir + " already holds a run; continue it with --resume " + runDir
                    + ", or choose another --out");
        }
        settings.write(runDir);
        run.writeConfig(runDir.resolve(CONFIG_FILE));
        System.out.printf(Locale.ROOT, "training %s on %s for %d steps (seed %d, backend %s) into %s%n",
                run.displayName(), envId, steps, run.seed(), Backend.describe(), runDir);
        return train(run, settings, runDir);
    }

    private int resume() throws IOException {
        List<String> others = new ArrayList<>();
        spec.commandLine().getParseResult().matchedOptions().forEach(o -> others.add(o.longestName()));
        others.remove("--resume");
        if (!others.isEmpty()) {
            throw new IllegalArgumentException("--resume continues the run with the settings in its " + TrainSettings.FILE
                    + " and the config in its checkpoint; drop " + others);
        }
        TrainSettings settings = TrainSettings.read(resume);
        CheckpointDirectory.Latest latest = new CheckpointDirectory(resume.resolve(CHECKPOINTS)).latestValid()
                .orElseThrow(() -> new IllegalArgumentException(resume + " has no checkpoint to resume from in "
                        + resume.resolve(CHECKPOINTS)));
        AlgorithmRun run = AlgorithmRun.resume(settings.algo(), settings.env(), latest.checkpoint());
        System.out.printf(Locale.ROOT, "resuming %s on %s at step %d of %d from %s%n", run.displayName(), settings.env(),
                latest.step(), settings.steps(), latest.checkpoint().file());
        return train(run, settings, resume);
    }

    /** Trains to {@code settings.steps()}, writing the run directory's files, then evaluates. */
    private static int train(AlgorithmRun run, TrainSettings settings, Path runDir) throws IOException {
        String env = settings.env();
        long seed = run.seed();
        Trainer<float[], Object> trainer = run.trainer();
        CheckpointDirectory checkpoints = new CheckpointDirectory(runDir.resolve(CHECKPOINTS));
        try (MultiSink sinks = new MultiSink(new ConsoleSink(System.out, Math.max(1, settings.steps() / 10)),
                new CsvSink(runDir.resolve("metrics.csv")), new JsonLinesSink(runDir.resolve("metrics.jsonl")),
                new TensorBoardSink(runDir))) {
            List<Callback> callbacks = new ArrayList<>(List.of(new StopOnNonFinite(), new MetricsCallback(sinks)));
            if (settings.evalEvery() > 0) {
                Path best = runDir.resolve(BEST_POLICY_FILE);
                callbacks.add(EvalCallback.builder(Envs.<float[], Object>make(env), seed + EVAL_SEED_OFFSET)
                        .everySteps(settings.evalEvery()).episodes(settings.evalEpisodes()).metrics(sinks)
                        .saveBest(t -> run.savePolicy(best)).build());
            }
            callbacks.add(new CheckpointCallback(checkpoints, settings.checkpointEvery(), CHECKPOINTS_KEPT));
            callbacks.add(ProgressBarCallback.forConsole(settings.steps()));
            run.learn(settings.steps(), callbacks);
        }
        Path last = checkpoints.fileFor(trainer.stepsDone());
        if (Files.notExists(last)) { // the checkpoint callback may have saved this step already
            trainer.saveCheckpoint(last);
            checkpoints.keepLatest(CHECKPOINTS_KEPT);
        }
        run.savePolicy(runDir.resolve(POLICY_FILE));
        LearningCurve curve = LearningCurve.read(runDir, MetricNames.EPISODIC_RETURN);
        LearningCurvePlot.savePng(LearningCurvePlot.chart(List.of(curve), MetricNames.EPISODIC_RETURN, Spread.STD,
                run.displayName() + " " + env + " (seed " + seed + ")", 800, 500), runDir.resolve("learning_curve.png"));
        EvaluationResult result = Evaluation.evaluate(trainer.policy(), Envs.<float[], Object>make(env),
                settings.evalEpisodes(), true, seed + EVAL_SEED_OFFSET);
        System.out.printf(Locale.ROOT, "final evaluation on %s: %.1f +- %.1f over %d deterministic episodes "
                + "(%d steps in %.1f s)%n", env, result.mean(), result.std(), settings.evalEpisodes(), trainer.stepsDone(),
                run.trainingSeconds());
        return 0;
    }
}

package io.github.jrl.examples.sweep;

import io.github.jrl.core.sweep.Asha;
import io.github.jrl.core.sweep.MedianStoppingRule;
import io.github.jrl.core.sweep.SearchSpace.Choice;
import io.github.jrl.core.sweep.SearchSpace.Dimension;
import io.github.jrl.core.sweep.SearchSpace.Grid;
import io.github.jrl.core.sweep.SearchSpace.LogUniform;
import io.github.jrl.core.sweep.SearchSpace.Uniform;
import io.github.jrl.core.sweep.SweepResult;
import io.github.jrl.core.sweep.TrialResult;
import io.github.jrl.core.sweep.TrialSpec;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
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
 * {@code jrl sweep}: a grid or random search over PPO or SAC hyperparameters and seeds on a
 * thread pool, with early stopping by the median stopping rule or ASHA, into a sweep directory:
 * {@code sweep.yml} (what was run; {@code --spec} runs it again), {@code trials/<i>/} (each
 * trial's {@code config.yml} and {@code metrics.csv}), {@code results.csv}, {@code results.json}
 * and {@code curves.png}.
 */
@Command(name = "sweep", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Search hyperparameters (grid, random) and seeds of PPO or SAC with early stopping (median rule,"
                + " ASHA), several trials at once; results into one table and plot.")
public final class SweepCommand implements Callable<Integer> {

    @Option(names = "--spec", paramLabel = "FILE", description = "A YAML sweep spec (as the sweep.yml a sweep writes);"
            + " only --out and --concurrency may go with it.")
    Path specFile;

    @Option(names = "--algo", defaultValue = SweepSpec.DEFAULT_ALGO, description = "ppo or sac (default: ${DEFAULT-VALUE}).")
    String algo;

    @Option(names = "--env", defaultValue = SweepSpec.DEFAULT_ENV, description = "Environment id (default: ${DEFAULT-VALUE}).")
    String env;

    @Option(names = "--preset", paramLabel = "NAME", description = "Hyperparameter preset, as train's (default: the one"
            + " named after --env, unless --config is given).")
    String preset;

    @Option(names = "--config", paramLabel = "FILE", description = "Hyperparameters (.yml or .json) every trial starts"
            + " from, over the preset when given, as train's --config.")
    Path configFile;

    @Option(names = "--grid", paramLabel = "FIELD=V1,V2,...", description = "Try every value, crossed with the other"
            + " grids; repeatable (e.g. learningRate=1e-3,3e-4 or hiddenSizes=[64,64],[256,256]).")
    List<String> grids = new ArrayList<>();

    @Option(names = "--choice", paramLabel = "FIELD=V1,V2,...", description = "Draw one of the values per trial; repeatable.")
    List<String> choices = new ArrayList<>();

    @Option(names = "--uniform", paramLabel = "FIELD=LOW:HIGH", description = "Draw uniformly per trial; repeatable.")
    List<String> uniforms = new ArrayList<>();

    @Option(names = "--log-uniform", paramLabel = "FIELD=LOW:HIGH", description = "Draw log-uniformly per trial (learning"
            + " rates); repeatable.")
    List<String> logUniforms = new ArrayList<>();

    @Option(names = "--samples", defaultValue = "1", description = "Repetitions of the grid, each with fresh draws"
            + " (Ray Tune's num_samples; default: ${DEFAULT-VALUE}).")
    int samples;

    @Option(names = "--seeds", split = ",", paramLabel = "SEED", description = "Run every trial with each seed"
            + " (default: trial i's seed is drawn from stream i of --sweep-seed).")
    List<Long> seeds = new ArrayList<>();

    @Option(names = "--sweep-seed", defaultValue = "0", description = "Seed of the draws and derived trial seeds"
            + " (default: ${DEFAULT-VALUE}).")
    long sweepSeed;

    @Option(names = "--steps", defaultValue = "" + SweepSpec.DEFAULT_STEPS, description = "Environment steps per trial"
            + " (default: ${DEFAULT-VALUE}).")
    long steps;

    @Option(names = "--report-every", description = "Steps between reports of --metric to the scheduler (default: a"
            + " tenth of --steps).")
    Long reportEvery;

    @Option(names = "--metric", defaultValue = SweepSpec.DEFAULT_METRIC, description = "The objective, maximised"
            + " (default: ${DEFAULT-VALUE}, the mean return of the last 100 training episodes).")
    String metric;

    @Option(names = "--scheduler", defaultValue = SweepSpec.DEFAULT_SCHEDULER, description = "Early stopping: none,"
            + " median (Golovin et al. 2017) or asha (Li et al. 2020) (default: ${DEFAULT-VALUE}).")
    String scheduler;

    @Option(names = "--grace-period", description = "Steps before any trial is stopped; ASHA's first rung (default:"
            + " --report-every).")
    Long gracePeriod;

    @Option(names = "--reduction-factor", defaultValue = "" + Asha.DEFAULT_REDUCTION_FACTOR, description = "ASHA's eta:"
            + " about 1/eta of the trials go on at each rung (default: ${DEFAULT-VALUE}).")
    double reductionFactor;

    @Option(names = "--min-samples", defaultValue = "" + MedianStoppingRule.DEFAULT_MIN_SAMPLES, description = "Median"
            + " rule: earlier trials needed for a decision (Ray Tune's default: ${DEFAULT-VALUE}).")
    int minSamples;

    @Option(names = "--concurrency", description = "Trials running at once; results do not depend on it (default: 1).")
    Integer concurrency;

    @Option(names = "--out", paramLabel = "DIR", description = "Sweep directory (default: runs/sweep-<algo>-<env>).")
    Path out;

    @Spec
    CommandSpec commandSpec;

    @Override
    public Integer call() throws IOException, InterruptedException {
        SweepSpec spec = specFile != null ? fromFile() : fromOptions();
        Path dir = out != null ? out : Path.of("runs", "sweep-" + spec.algo() + "-" + spec.env());
        SweepResult result = run(spec, dir, SweepBackend.threadPool(), commandSpec.commandLine().getOut());
        return result.count(TrialResult.Status.FAILED) == 0 ? 0 : 1;
    }

    /**
     * Runs {@code spec} on {@code backend} into the sweep directory {@code dir}: checks and writes
     * every trial's config, {@code sweep.yml}, then the table and plot, printing each trial's end.
     *
     * @throws IllegalArgumentException if {@code dir} holds a sweep, or a trial's parameters are invalid
     */
    public static SweepResult run(SweepSpec spec, Path dir, SweepBackend backend, PrintWriter console)
            throws IOException, InterruptedException {
        if (Files.exists(dir.resolve(SweepSpec.FILE))) {
            throw new IllegalArgumentException(dir + " already holds a sweep; choose another --out");
        }
        List<TrialSpec> trials = spec.trials();
        new AlgorithmTrials(spec, dir).prepare(trials);
        spec.write(dir);
        console.printf(Locale.ROOT, "sweep: %d trials of %s on %s, %d steps each, %d at once, scheduler %s, into %s%n",
                trials.size(), spec.algo(), spec.env(), spec.steps(), spec.concurrency(), spec.trialScheduler(), dir);
        console.flush();
        SweepResult result = backend.run(spec, dir, trials, t -> {
            synchronized (console) {
                console.println(describe(t, spec));
                console.flush();
            }
        });
        SweepTable.write(dir, spec, result);
        SweepPlot.write(dir, spec, result);
        console.printf(Locale.ROOT, "%d completed, %d stopped early, %d failed; table %s, plot %s%n",
                result.count(TrialResult.Status.COMPLETED), result.count(TrialResult.Status.STOPPED),
                result.count(TrialResult.Status.FAILED), dir.resolve(SweepTable.CSV), dir.resolve(SweepPlot.FILE));
        result.best().ifPresent(best -> console.println("best: " + describe(best, spec)));
        console.flush();
        return result;
    }

    private static String describe(TrialResult t, SweepSpec spec) {
        String how = switch (t.status()) {
            case COMPLETED -> "completed";
            case STOPPED -> "stopped";
            case FAILED -> "failed";
        };
        return String.format(Locale.ROOT, "trial %d %s at step %d: %s %.2f (best %.2f) [%s] %.1f s%s", t.spec().index(),
                how, t.history().lastStep(), spec.metric(), t.lastValue(), t.bestValue(), SweepPlot.label(t), t.seconds(),
                t.error() == null ? "" : ": " + t.error());
    }

    private SweepSpec fromFile() throws IOException {
        List<String> others = new ArrayList<>();
        commandSpec.commandLine().getParseResult().matchedOptions().forEach(o -> others.add(o.longestName()));
        others.removeAll(List.of("--spec", "--out", "--concurrency"));
        if (!others.isEmpty()) {
            throw new IllegalArgumentException("--spec holds the whole sweep; only --out and --concurrency may go with"
                    + " it, drop " + others);
        }
        if (!Files.isRegularFile(specFile)) {
            throw new IllegalArgumentException("--spec: no file " + specFile);
        }
        SweepSpec spec = SweepSpec.read(specFile);
        return concurrency == null ? spec : new SweepSpec(spec.algo(), spec.env(), spec.preset(), spec.config(),
                spec.steps(), spec.reportEvery(), spec.metric(), spec.samples(), spec.sweepSeed(), spec.seeds(),
                spec.space(), spec.scheduler(), spec.gracePeriod(), spec.reductionFactor(), spec.minSamples(), concurrency);
    }

    private SweepSpec fromOptions() throws IOException {
        if (configFile != null && !Files.isRegularFile(configFile)) {
            throw new IllegalArgumentException("--config: no file " + configFile);
        }
        List<Dimension> space = new ArrayList<>();
        grids.forEach(g -> space.add(new Grid(name("--grid", g), values("--grid", g))));
        choices.forEach(c -> space.add(new Choice(name("--choice", c), values("--choice", c))));
        uniforms.forEach(u -> space.add(new Uniform(name("--uniform", u), bound("--uniform", u, 0),
                bound("--uniform", u, 1))));
        logUniforms.forEach(u -> space.add(new LogUniform(name("--log-uniform", u), bound("--log-uniform", u, 0),
                bound("--log-uniform", u, 1))));
        long every = reportEvery != null ? reportEvery : SweepSpec.defaultReportEvery(steps);
        String config = configFile == null ? null : Files.readString(configFile, StandardCharsets.UTF_8);
        return new SweepSpec(algo, env, preset, config, steps, every, metric, samples, sweepSeed, seeds, space,
                scheduler, gracePeriod != null ? gracePeriod : every, reductionFactor, minSamples,
                concurrency != null ? concurrency : 1);
    }

    private static String name(String option, String arg) {
        int eq = arg.indexOf('=');
        if (eq <= 0 || eq == arg.length() - 1) {
            throw new IllegalArgumentException(option + ": expected FIELD=VALUES, e.g. learningRate=1e-3,3e-4, got '"
                    + arg + "'");
        }
        return arg.substring(0, eq);
    }

    /** The comma-separated values after {@code =}, each a number, true/false, a [list] of them, or text. */
    static List<Object> values(String option, String arg) {
        name(option, arg);
        String text = arg.substring(arg.indexOf('=') + 1);
        List<Object> values = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i <= text.length(); i++) {
            char c = i < text.length() ? text.charAt(i) : ',';
            depth += c == '[' ? 1 : c == ']' ? -1 : 0;
            if (depth < 0) {
                throw new IllegalArgumentException(option + ": unbalanced ']' in '" + arg + "'");
            }
            if (c == ',' && depth == 0) {
                values.add(value(option, text.substring(start, i).strip(), arg));
                start = i + 1;
            }
        }
        if (depth != 0) {
            throw new IllegalArgumentException(option + ": unbalanced '[' in '" + arg + "'");
        }
        return values;
    }

    private static Object value(String option, String token, String arg) {
        if (token.isEmpty()) {
            throw new IllegalArgumentException(option + ": an empty value in '" + arg + "'");
        }
        if (token.startsWith("[") && token.endsWith("]")) {
            String inner = token.substring(1, token.length() - 1);
            return inner.isBlank() ? List.of() : values(option, "list=" + inner);
        }
        if (token.equals("true") || token.equals("false")) {
            return Boolean.parseBoolean(token);
        }
        try {
            return Long.parseLong(token);
        } catch (NumberFormatException notAnInteger) {
            try {
                return Double.parseDouble(token);
            } catch (NumberFormatException notANumber) {
                return token;
            }
        }
    }

    private static double bound(String option, String arg, int which) {
        String[] bounds = arg.substring(name(option, arg).length() + 1).split(":", -1);
        try {
            if (bounds.length == 2) {
                return Double.parseDouble(bounds[which].strip());
            }
        } catch (NumberFormatException e) {
            // reported below with the expected form
        }
        throw new IllegalArgumentException(option + ": expected FIELD=LOW:HIGH with numbers, e.g. gaeLambda=0.9:0.99, got '"
                + arg + "'");
    }
}

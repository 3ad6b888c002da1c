package io.github.jrl.examples.sweep;

import io.github.jrl.core.callbacks.MetricsCallback;
import io.github.jrl.core.callbacks.StopOnNonFinite;
import io.github.jrl.core.callbacks.TrialReportCallback;
import io.github.jrl.core.checkpoint.AtomicFile;
import io.github.jrl.core.metrics.CsvSink;
import io.github.jrl.core.sweep.Trial;
import io.github.jrl.core.sweep.TrialReporter;
import io.github.jrl.core.sweep.TrialSpec;
import io.github.jrl.examples.AlgorithmRun;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * A sweep's trials as PPO or SAC runs: trial {@code i} trains with its parameters as YAML fields
 * over the sweep's base config ({@link AlgorithmRun#override}), and its seed, for the spec's steps,
 * reporting the spec's metric every {@code reportEvery} steps. Its directory
 * {@code trials/<i>/} holds its fully resolved {@code config.yml} and its {@code metrics.csv}.
 */
public final class AlgorithmTrials implements Trial {

    public static final String TRIALS = "trials";

    private final SweepSpec spec;
    private final String baseConfig;
    private final Path sweepDir;

    public AlgorithmTrials(SweepSpec spec, Path sweepDir) {
        this.spec = spec;
        this.baseConfig = spec.baseConfig();
        this.sweepDir = sweepDir;
    }

    /** Trial {@code index}'s directory in the sweep's. */
    public static Path trialDir(Path sweepDir, int index) {
        return sweepDir.resolve(TRIALS).resolve(String.format(Locale.ROOT, "%04d", index));
    }

    /**
     * The trial's hyperparameters, fully resolved, as YAML.
     *
     * @throws IllegalArgumentException if a parameter is not a field of the config or its value is invalid
     */
    public String config(TrialSpec trial) {
        return AlgorithmRun.override(spec.algo(), baseConfig, SweepSpec.overridesYaml(trial.params()),
                "trial " + trial.index() + " " + trial.params(), trial.seed());
    }

    /**
     * Writes every trial's {@code config.yml}, so all are checked before any starts.
     *
     * @throws IllegalArgumentException naming the first trial whose parameters are invalid
     */
    public void prepare(List<TrialSpec> trials) throws IOException {
        for (TrialSpec trial : trials) {
            byte[] yaml = config(trial).getBytes(StandardCharsets.UTF_8);
            AtomicFile.write(trialDir(sweepDir, trial.index()).resolve("config.yml"), out -> out.write(yaml));
        }
    }

    @Override
    public void run(TrialSpec trial, TrialReporter reporter) throws IOException {
        train(AlgorithmRun.fromConfig(spec.algo(), spec.env(), config(trial)), trial, reporter);
    }

    /**
     * Trains {@code run}, trial {@code trial}'s run from wherever it stands (new, or resumed from a
     * checkpoint), towards the spec's steps until a report answers {@code false}, appending to
     * the trial's {@code metrics.csv}.
     */
    public void train(AlgorithmRun run, TrialSpec trial, TrialReporter reporter) throws IOException {
        try (CsvSink csv = new CsvSink(trialDir(sweepDir, trial.index()).resolve("metrics.csv"))) {
            run.learn(spec.steps(), List.of(new StopOnNonFinite(), new MetricsCallback(csv),
                    new TrialReportCallback(reporter, spec.metric(), spec.reportEvery())));
        }
    }
}

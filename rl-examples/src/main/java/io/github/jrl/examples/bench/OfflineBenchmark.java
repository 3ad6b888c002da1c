package io.github.jrl.examples.bench;

import io.github.jrl.algorithms.offline.OfflineAlgorithms;
import io.github.jrl.algorithms.offline.OfflineEvaluation;
import io.github.jrl.algorithms.offline.OfflineTrainer;
import io.github.jrl.algorithms.offline.OfflineTrainerConfig;
import io.github.jrl.algorithms.offline.data.D4rlDatasets;
import io.github.jrl.core.checkpoint.AtomicFile;
import io.github.jrl.core.dataset.OfflineDataset;
import io.github.jrl.core.env.Environment;
import io.github.jrl.envs.Envs;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code jrl bench offline}: every requested algorithm of {@link OfflineAlgorithms} on every
 * requested D4RL-style dataset ({@link D4rlDatasets}) and seed, each run evaluated on 10
 * deterministic episodes; the D4RL normalised score of the final evaluation is the result. Each
 * finished run is appended to a tab-separated results file, and runs already there are not
 * repeated (nor their datasets loaded), so a grid can be filled in several invocations; the
 * markdown table ({@link OfflineResultsTable}) is rewritten from that file after every run.
 * Every run has {@code --steps} gradient steps unless {@code --env-steps} gives its environment
 * another budget, which then applies to every algorithm on that environment's datasets.
 */
@Command(name = "offline", mixinStandardHelpOptions = true,
        description = "Offline RL: algorithms x D4RL-style datasets x seeds; writes docs/offline-results.md.")
public final class OfflineBenchmark implements Callable<Integer> {

    @Option(names = "--algos", split = ",", description = "Algorithms (default: all registered: bc, td3bc, prdc, ...).")
    List<String> algorithms = OfflineAlgorithms.all().stream().map(OfflineAlgorithms.Algorithm::name).toList();

    @Option(names = "--envs", split = ",", defaultValue = "Pendulum-v1",
            description = "Environments with a dataset family (default: ${DEFAULT-VALUE}).")
    List<String> envs;

    @Option(names = "--kinds", split = ",", defaultValue = "medium,expert",
            description = "Dataset kinds: random, medium, expert, medium-replay, medium-expert (default: ${DEFAULT-VALUE}).")
    List<String> kinds;

    @Option(names = "--seeds", split = ",", defaultValue = "0,1,2,3,4", description = "Seeds (default: ${DEFAULT-VALUE}).")
    List<Long> seeds;

    @Option(names = "--steps", defaultValue = "20000", description = "Gradient steps per run (default: ${DEFAULT-VALUE}).")
    int steps;

    @Option(names = "--env-steps", split = ",", description = "Per-environment budgets that replace --steps for that "
            + "environment, e.g. CartPole-v1=20000 (every algorithm on its datasets gets the same budget).")
    Map<String, Integer> envSteps = new LinkedHashMap<>();

    @Option(names = "--eval-every", defaultValue = "5000",
            description = "Gradient steps between evaluations (default: ${DEFAULT-VALUE}).")
    int evalEvery;

    @Option(names = "--dataset-seed", defaultValue = "0", description = "Seed of the dataset families (default: ${DEFAULT-VALUE}).")
    long datasetSeed;

    @Option(names = "--cache-dir", defaultValue = "runs/datasets",
            description = "Where dataset families are generated and cached (default: ${DEFAULT-VALUE}).")
    Path cacheDir;

    @Option(names = "--results", defaultValue = "runs/offline-results.tsv",
            description = "Results file, one line per finished run (default: ${DEFAULT-VALUE}).")
    Path resultsFile;

    @Option(names = "--out", defaultValue = "docs/offline-results.md", description = "Markdown table (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--table-only", description = "Only rewrite the table from the results file (runs missing from it stay blank).")
    boolean tableOnly;

    @Override
    public Integer call() throws IOException {
        algorithms.forEach(OfflineAlgorithms::get);
        OfflineGrid grid = new OfflineGrid(algorithms, envs, kinds, seeds, steps, envSteps, evalEvery, datasetSeed);
        D4rlDatasets datasets = new D4rlDatasets(cacheDir, Envs::make);
        Map<String, OfflineRunResult> done = readResults();
        for (String env : tableOnly ? List.<String>of() : envs) {
            for (String kind : kinds) {
                OfflineDataset dataset = null;
                for (String name : algorithms) {
                    OfflineAlgorithms.Algorithm algorithm = OfflineAlgorithms.get(name);
                    for (long seed : seeds) {
                        if (done.containsKey(OfflineRunResult.key(name, env, kind, seed, grid.stepsFor(env)))) {
                            continue;
                        }
                        if (dataset == null) {
                            dataset = datasets.load(env, kind, datasetSeed);
                            System.out.printf(Locale.ROOT, "# %s: %d episodes, %d transitions%n",
                                    dataset.info().datasetId(), dataset.episodes().size(), dataset.transitionCount());
                        }
                        if (!algorithm.supports(dataset)) {
                            break;
                        }
                        OfflineRunResult result = run(algorithm, dataset, env, kind, seed, grid.stepsFor(env));
                        done.put(result.key(), result);
                        Files.createDirectories(resultsFile.toAbsolutePath().getParent());
                        Files.writeString(resultsFile, result.line() + "\n", StandardCharsets.UTF_8,
                                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
                        writeTable(grid, done);
                    }
                }
            }
        }
        writeTable(grid, done);
        return 0;
    }

    private OfflineRunResult run(OfflineAlgorithms.Algorithm algorithm, OfflineDataset dataset, String env,
            String kind, long seed, int budget) {
        long start = System.nanoTime();
        Environment<float[], Object> evalEnv = Envs.make(env);
        OfflineTrainer trainer = new OfflineTrainer(algorithm.factory().create(dataset, evalEnv.actionSpace(), seed),
                dataset, evalEnv, OfflineTrainerConfig.defaults(seed).withEvalEvery(evalEvery));
        trainer.learn(budget);
        OfflineEvaluation last = trainer.lastEvaluation().orElseThrow();
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "%-7s %s %-13s seed %d: return %8.1f  normalised %6.1f  (%s)  %.0f s%n",
                algorithm.label(), env, kind, seed, last.meanReturn(), last.normalizedScore(),
                trainer.evaluations().stream().map(e -> String.format(Locale.ROOT, "%.0f", e.normalizedScore()))
                        .collect(Collectors.joining(" ")), seconds);
        return new OfflineRunResult(algorithm.name(), env, kind, seed, budget, last.meanReturn(),
                last.normalizedScore(), seconds);
    }

    private Map<String, OfflineRunResult> readResults() throws IOException {
        Map<String, OfflineRunResult> results = new LinkedHashMap<>();
        if (Files.exists(resultsFile)) {
            for (String line : Files.readAllLines(resultsFile, StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    OfflineRunResult r = OfflineRunResult.parse(line);
                    results.put(r.key(), r);
                }
            }
        }
        return results;
    }

    private void writeTable(OfflineGrid grid, Map<String, OfflineRunResult> done) throws IOException {
        byte[] markdown = new OfflineResultsTable(grid, done.values()).markdown().getBytes(StandardCharsets.UTF_8);
        AtomicFile.write(out, stream -> stream.write(markdown));
    }
}

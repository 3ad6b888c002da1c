package io.github.jrl.examples.bench;

import io.github.jrl.algorithms.offline.OfflineAlgorithms;
import io.github.jrl.algorithms.offline.OfflineEvaluation;
import io.github.jrl.algorithms.offline.OfflineTrainer;
import io.github.jrl.algorithms.offline.OfflineTrainerConfig;
import io.github.jrl.algorithms.offline.data.D4rlDatasets;
import io.github.jrl.core.dataset.OfflineDataset;
import io.github.jrl.core.env.Environment;
import io.github.jrl.core.space.Discrete;
import io.github.jrl.core.space.Space;
import io.github.jrl.envs.Envs;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
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
 * repeated (nor their datasets loaded), so a grid can be filled in several invocations; the markdown table (algorithm x
 * dataset x seed, means, and the targets) is rewritten from that file after every run.
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

    /** One finished run. */
    record Result(String algorithm, String env, String kind, long seed, int steps, double meanReturn, double score,
            double seconds) {

        String key() {
            return algorithm + "\t" + env + "\t" + kind + "\t" + seed + "\t" + steps;
        }

        String line() {
            return String.format(Locale.ROOT, "%s\t%.4f\t%.4f\t%.1f", key(), meanReturn, score, seconds);
        }

        static Result parse(String line) {
            String[] f = line.split("\t");
            if (f.length != 8) {
                throw new IllegalArgumentException("malformed results line (expected 8 tab-separated fields): " + line);
            }
            return new Result(f[0], f[1], f[2], Long.parseLong(f[3]), Integer.parseInt(f[4]), Double.parseDouble(f[5]),
                    Double.parseDouble(f[6]), Double.parseDouble(f[7]));
        }
    }

    @Override
    public Integer call() throws IOException {
        algorithms.forEach(OfflineAlgorithms::get);
        validateBudgets();
        D4rlDatasets datasets = new D4rlDatasets(cacheDir, Envs::make);
        Map<String, Result> done = readResults();
        for (String env : tableOnly ? List.<String>of() : envs) {
            for (String kind : kinds) {
                OfflineDataset dataset = null;
                for (String name : algorithms) {
                    OfflineAlgorithms.Algorithm algorithm = OfflineAlgorithms.get(name);
                    for (long seed : seeds) {
                        if (done.containsKey(new Result(name, env, kind, seed, stepsFor(env), 0, 0, 0).key())) {
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
                        Result result = run(algorithm, dataset, env, kind, seed);
                        done.put(result.key(), result);
                        Files.createDirectories(resultsFile.toAbsolutePath().getParent());
                        Files.writeString(resultsFile, result.line() + "\n", StandardCharsets.UTF_8,
                                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
                        writeTable(done);
                    }
                }
            }
        }
        writeTable(done);
        return 0;
    }

    private Result run(OfflineAlgorithms.Algorithm algorithm, OfflineDataset dataset, String env, String kind,
            long seed) {
        long start = System.nanoTime();
        Environment<float[], Object> evalEnv = Envs.make(env);
        OfflineTrainer trainer = new OfflineTrainer(algorithm.factory().create(dataset, evalEnv.actionSpace(), seed),
                dataset, evalEnv, OfflineTrainerConfig.defaults(seed).withEvalEvery(evalEvery));
        trainer.learn(stepsFor(env));
        OfflineEvaluation last = trainer.lastEvaluation().orElseThrow();
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "%-7s %s %-13s seed %d: return %8.1f  normalised %6.1f  (%s)  %.0f s%n",
                algorithm.label(), env, kind, seed, last.meanReturn(), last.normalizedScore(),
                trainer.evaluations().stream().map(e -> String.format(Locale.ROOT, "%.0f", e.normalizedScore()))
                        .collect(Collectors.joining(" ")), seconds);
        return new Result(algorithm.name(), env, kind, seed, stepsFor(env), last.meanReturn(), last.normalizedScore(),
                seconds);
    }

    private int stepsFor(String env) {
        return envSteps.getOrDefault(env, steps);
    }

    private void validateBudgets() {
        if (steps <= 0) {
            throw new IllegalArgumentException("--steps must be positive, got " + steps);
        }
        envSteps.forEach((env, budget) -> {
            if (!envs.contains(env)) {
                throw new IllegalArgumentException("--env-steps names " + env + ", which is not among --envs " + envs);
            }
            if (budget == null || budget <= 0) {
                throw new IllegalArgumentException("--env-steps " + env + " must be a positive step count, got " + budget);
            }
        });
    }

    private Map<String, Result> readResults() throws IOException {
        Map<String, Result> results = new LinkedHashMap<>();
        if (Files.exists(resultsFile)) {
            for (String line : Files.readAllLines(resultsFile, StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    Result r = Result.parse(line);
                    results.put(r.key(), r);
                }
            }
        }
        return results;
    }

    private void writeTable(Map<String, Result> done) throws IOException {
        List<Result> rows = done.values().stream().filter(r -> envs.contains(r.env()) && r.steps() == stepsFor(r.env())
                && kinds.contains(r.kind()) && seeds.contains(r.seed()) && algorithms.contains(r.algorithm())).toList();
        StringBuilder md = new StringBuilder();
        md.append("# Offline RL results\n\n");
        md.append("Generated by `").append(commandLine()).append("` (rl-examples `bench offline`). ");
        md.append(String.format(Locale.ROOT, "Each run: %s with the config `OfflineAlgorithms` registers for the "
                + "algorithm (continuous CQL's weight depends on the environment: docs/offline.md), then "
                + "10 deterministic episodes on the evaluation seed `seed + 1,000,000`; the score is D4RL's normalised "
                + "score `100 (return - random) / (expert - random)` with the dataset family's reference returns "
                + "(dataset seed %d).%n%n", budgetSentence(), datasetSeed));
        md.append("## Normalised score per seed\n\n");
        md.append("| algorithm | dataset |");
        seeds.forEach(s -> md.append(" seed ").append(s).append(" |"));
        md.append(" mean | std |\n|---|---|");
        seeds.forEach(s -> md.append("---:|"));
        md.append("---:|---:|\n");
        for (String env : envs) {
            for (String kind : kinds) {
                for (String name : algorithms) {
                    List<Double> scores = new ArrayList<>();
                    StringBuilder line = new StringBuilder("| " + OfflineAlgorithms.get(name).label() + " | " + env
                            + " " + kind + " |");
                    for (long seed : seeds) {
                        Result r = find(rows, name, env, kind, seed);
                        line.append(r == null ? " |" : String.format(Locale.ROOT, " %.1f |", r.score()));
                        if (r != null) {
                            scores.add(r.score());
                        }
                    }
                    if (scores.isEmpty()) {
                        continue;
                    }
                    double mean = scores.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
                    double var = scores.stream().mapToDouble(x -> (x - mean) * (x - mean)).sum() / scores.size();
                    md.append(line).append(String.format(Locale.ROOT, " %.1f | %.1f |%n", mean, Math.sqrt(var)));
                }
            }
        }
        appendNotApplicable(md);
        md.append("\n## Against behaviour cloning (seeds where the algorithm's score beats BC's on the same seed)\n\n");
        md.append("| algorithm | dataset | wins over BC |\n|---|---|---|\n");
        for (String env : envs) {
            for (String kind : kinds) {
                for (String name : algorithms) {
                    if (name.equals("bc")) {
                        continue;
                    }
                    int wins = 0;
                    int pairs = 0;
                    for (long seed : seeds) {
                        Result a = find(rows, name, env, kind, seed);
                        Result bc = find(rows, "bc", env, kind, seed);
                        if (a != null && bc != null) {
                            pairs++;
                            wins += a.score() > bc.score() ? 1 : 0;
                        }
                    }
                    if (pairs > 0) {
                        md.append(String.format(Locale.ROOT, "| %s | %s %s | %d / %d |%n",
                                OfflineAlgorithms.get(name).label(), env, kind, wins, pairs));
                    }
                }
            }
        }
        md.append("\n## Mean return (undiscounted) per seed and wall time\n\n| algorithm | dataset | returns | seconds per run |\n|---|---|---|---:|\n");
        for (String env : envs) {
            for (String kind : kinds) {
                for (String name : algorithms) {
                    List<Result> runs = seeds.stream().map(s -> find(rows, name, env, kind, s))
                            .filter(r -> r != null).toList();
                    if (!runs.isEmpty()) {
                        md.append(String.format(Locale.ROOT, "| %s | %s %s | %s | %.0f |%n",
                                OfflineAlgorithms.get(name).label(), env, kind,
                                runs.stream().map(r -> String.format(Locale.ROOT, "%.1f", r.meanReturn()))
                                        .collect(Collectors.joining(", ")),
                                runs.stream().mapToDouble(Result::seconds).average().orElseThrow()));
                    }
                }
            }
        }
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, md.toString(), StandardCharsets.UTF_8);
    }

    /**
     * Names the requested algorithms that do not serve an environment's action space (TD3+BC and
     * PRDC on CartPole's discrete actions), so that a missing row reads as "not applicable" rather
     * than "not run".
     */
    private void appendNotApplicable(StringBuilder md) {
        List<String> lines = new ArrayList<>();
        for (String env : envs) {
            Space<?> actionSpace = Envs.make(env).actionSpace();
            boolean discrete = actionSpace instanceof Discrete;
            List<String> labels = algorithms.stream().map(OfflineAlgorithms::get).filter(a -> !a.supports(discrete))
                    .map(OfflineAlgorithms.Algorithm::label).toList();
            if (!labels.isEmpty()) {
                lines.add(String.format(Locale.ROOT, "- %s (%s actions): %s not applicable (%s actions only), no runs.",
                        env, discrete ? "discrete" : "continuous", String.join(", ", labels),
                        discrete ? "continuous" : "discrete"));
            }
        }
        if (!lines.isEmpty()) {
            md.append("\n## Not applicable\n\n");
            lines.forEach(line -> md.append(line).append('\n'));
        }
    }

    private static Result find(List<Result> rows, String algorithm, String env, String kind, long seed) {
        return rows.stream().filter(r -> r.algorithm().equals(algorithm) && r.env().equals(env) && r.kind().equals(kind)
                && r.seed() == seed).findFirst().orElse(null);
    }

    private String budgetSentence() {
        String perEnv = envs.stream().filter(envSteps::containsKey)
                .map(env -> String.format(Locale.ROOT, "%d on %s", envSteps.get(env), env))
                .collect(Collectors.joining(", "));
        return String.format(Locale.ROOT, "%d gradient steps", steps) + (perEnv.isEmpty() ? "" : " (" + perEnv + ")");
    }

    private String commandLine() {
        String perEnv = envSteps.isEmpty() ? "" : " --env-steps " + envSteps.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(","));
        return String.format(Locale.ROOT, "jrl bench offline --algos %s --envs %s --kinds %s --seeds %s --steps %d%s "
                + "--eval-every %d --dataset-seed %d", String.join(",", algorithms), String.join(",", envs),
                String.join(",", kinds), seeds.stream().map(String::valueOf).collect(Collectors.joining(",")), steps,
                perEnv, evalEvery, datasetSeed);
    }
}

package io.github.jrl.examples.dataset;

import io.github.jrl.algorithms.offline.data.D4rlDatasets;
import io.github.jrl.algorithms.offline.data.D4rlFamily;
import io.github.jrl.core.checkpoint.AtomicFile;
import io.github.jrl.core.dataset.DatasetMetrics;
import io.github.jrl.core.dataset.MinariHdf5;
import io.github.jrl.core.dataset.OfflineDataset;
import io.github.jrl.core.dataset.StateActionGrid;
import io.github.jrl.envs.Envs;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code jrl dataset generate|info}: D4RL-style dataset families and their measures. */
@Command(name = "dataset", mixinStandardHelpOptions = true,
        description = "Generate D4RL-style offline datasets (Minari HDF5) and report their sizes, returns, TQ and SACo.",
        subcommands = {DatasetCommand.Generate.class, DatasetCommand.Info.class})
public final class DatasetCommand implements Runnable {

    @Override
    public void run() {
        new picocli.CommandLine(this).usage(System.out);
    }

    /** Generates families into a directory (the {@link D4rlDatasets} cache layout). */
    @Command(name = "generate", mixinStandardHelpOptions = true,
            description = "Generate the random, medium, expert, medium-replay and medium-expert datasets of each env.")
    public static final class Generate implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Option(names = "--env", description = "Environment ids (default: Pendulum-v1, MountainCarContinuous-v0, "
                + "CartPole-v1).")
        List<String> envIds = List.of("Pendulum-v1", "MountainCarContinuous-v0", "CartPole-v1");

        @Option(names = "--seed", defaultValue = "0", description = "Family seed (default: ${DEFAULT-VALUE}).")
        long seed;

        @Option(names = "--out", defaultValue = "datasets", description = "Directory (default: ${DEFAULT-VALUE}).")
        Path outDir;

        @Option(names = "--train-steps", description = "Override the training run's steps.")
        Integer trainSteps;

        @Option(names = "--eval-every", description = "Override the steps between medium candidates.")
        Integer evalEvery;

        @Option(names = "--dataset-steps", description = "Override the minimum steps of random, medium and expert.")
        Integer datasetSteps;

        @Option(names = "--bins", defaultValue = "" + StateActionGrid.DEFAULT_BINS,
                description = "Grid cells per continuous dimension for SACo (default: ${DEFAULT-VALUE}).")
        int bins;

        @Override
        public Integer call() throws IOException {
            D4rlDatasets datasets = new D4rlDatasets(outDir, Envs::make);
            for (String envId : envIds) {
                D4rlFamily standard = D4rlFamily.forEnv(envId);
                D4rlFamily family = standard.withBudgets(trainSteps == null ? standard.trainSteps() : trainSteps,
                        evalEvery == null ? standard.evalEvery() : evalEvery,
                        datasetSteps == null ? standard.datasetSteps() : datasetSteps);
                long start = System.nanoTime();
                Map<String, OfflineDataset> generated = datasets.generate(family, seed);
                PrintWriter out = spec.commandLine().getOut();
                out.printf(Locale.ROOT, "%s: generated in %.0f s into %s%n", envId,
                        (System.nanoTime() - start) / 1e9, datasets.file(family, D4rlDatasets.RANDOM, seed).getParent());
                report(generated, bins, out);
                out.flush();
            }
            return 0;
        }
    }

    /** Reads dataset files and reports them. */
    @Command(name = "info", mixinStandardHelpOptions = true,
            description = "Report Minari HDF5 datasets: a family directory (SACo relative to its medium-replay) or files.")
    public static final class Info implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Parameters(description = "A directory of *.hdf5 files, or files.")
        List<Path> paths;

        @Option(names = "--bins", defaultValue = "" + StateActionGrid.DEFAULT_BINS,
                description = "Grid cells per continuous dimension for SACo (default: ${DEFAULT-VALUE}).")
        int bins;

        @Override
        public Integer call() throws IOException {
            List<Path> files = new ArrayList<>();
            for (Path p : paths) {
                if (Files.isDirectory(p)) {
                    try (Stream<Path> listing = Files.list(p)) {
                        listing.filter(f -> f.toString().endsWith(".hdf5") && !AtomicFile.isTemporary(f)).sorted()
                                .forEach(files::add);
                    }
                } else {
                    files.add(p);
                }
            }
            if (files.isEmpty()) {
                throw new IllegalArgumentException("no .hdf5 files in " + paths);
            }
            Map<String, OfflineDataset> byName = new LinkedHashMap<>();
            for (Path f : files) {
                byName.put(f.getFileName().toString(), MinariHdf5.read(f));
            }
            report(byName, bins, spec.commandLine().getOut());
            spec.commandLine().getOut().flush();
            return 0;
        }
    }

    /**
     * One line per dataset: size, returns, normalised score of the mean return, TQ, and SACo
     * relative to the {@code medium-replay} dataset among them (the replay of the training run, as
     * the paper's reference), on one grid fitted to all of them.
     */
    static void report(Map<String, OfflineDataset> datasets, int bins, PrintWriter out) {
        List<OfflineDataset> all = List.copyOf(datasets.values());
        StateActionGrid grid = StateActionGrid.fit(all, bins);
        OfflineDataset reference = all.stream()
                .filter(d -> d.info().datasetId().contains("/" + D4rlDatasets.MEDIUM_REPLAY + "-")).findFirst()
                .orElse(null);
        int referencePairs = reference == null ? 0 : DatasetMetrics.uniqueStateActionPairs(reference, grid);
        out.printf(Locale.ROOT, "%-36s %8s %9s %10s %10s %7s %9s %6s%n", "dataset", "episodes", "steps", "mean ret",
                "min..max", "TQ", "pairs", "SACo");
        for (Map.Entry<String, OfflineDataset> e : datasets.entrySet()) {
            OfflineDataset d = e.getValue();
            double[] returns = d.episodeReturns(0);
            double mean = 0;
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (double r : returns) {
                mean += r / returns.length;
                min = Math.min(min, r);
                max = Math.max(max, r);
            }
            boolean scored = Double.isFinite(d.info().randomReturn()) && Double.isFinite(d.info().expertReturn())
                    && d.info().randomReturn() != d.info().expertReturn();
            int pairs = DatasetMetrics.uniqueStateActionPairs(d, grid);
            out.printf(Locale.ROOT, "%-36s %8d %9d %10.1f %10s %7s %9d %6s%n", d.info().datasetId(), returns.length,
                    d.transitionCount(), mean, String.format(Locale.ROOT, "%.0f..%.0f", min, max),
                    scored ? String.format(Locale.ROOT, "%.3f", DatasetMetrics.trajectoryQuality(d)) : "-", pairs,
                    reference == null ? "-" : String.format(Locale.ROOT, "%.3f", (double) pairs / referencePairs));
        }
        OfflineDataset any = all.get(0);
        out.printf(Locale.ROOT, "reference returns: random %.1f, expert %.1f; SACo grid: %d bins per continuous "
                + "dimension%s%n", any.info().randomReturn(), any.info().expertReturn(), bins,
                reference == null ? "; no medium-replay dataset, so no SACo" : ", relative to "
                        + reference.info().datasetId());
    }
}

package io.github.jrl.examples.bench;

import io.github.jrl.algorithms.offline.CqlConfig;
import io.github.jrl.algorithms.offline.CqlLearner;
import io.github.jrl.algorithms.offline.FineTunable;
import io.github.jrl.algorithms.offline.IqlConfig;
import io.github.jrl.algorithms.offline.IqlLearner;
import io.github.jrl.algorithms.offline.OfflineEvaluation;
import io.github.jrl.algorithms.offline.OfflineToOnline;
import io.github.jrl.algorithms.offline.OfflineToOnlineConfig;
import io.github.jrl.algorithms.offline.OfflineTrainer;
import io.github.jrl.algorithms.offline.OfflineTrainerConfig;
import io.github.jrl.algorithms.offline.data.D4rlDatasets;
import io.github.jrl.core.dataset.OfflineDataset;
import io.github.jrl.core.space.Box;
import io.github.jrl.core.space.Space;
import io.github.jrl.envs.Envs;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Offline-to-online fine-tuning, the target: per seed, train IQL (or CQL) offline on a
 * D4RL-style dataset, then continue online with {@link OfflineToOnline} for {@code --online-steps}
 * environment steps (one update each, online transitions appended to the dataset's buffer), and
 * report the normalised score before and after and the gain. Writes a Markdown table to
 * {@code --out} when given.
 */
@Command(name = "offline-finetune", mixinStandardHelpOptions = true,
        description = "Offline-to-online fine-tuning of IQL or CQL: normalised score after the offline phase and after "
                + "the online phase, per seed.")
public final class OfflineFineTuneBenchmark implements Callable<Integer> {

    @Option(names = "--algo", defaultValue = "iql", description = "iql or cql (default: ${DEFAULT-VALUE}).")
    String algo;

    @Option(names = "--env", defaultValue = "Pendulum-v1", description = "Environment of the dataset family "
            + "(default: ${DEFAULT-VALUE}).")
    String envId;

    @Option(names = "--kind", defaultValue = "medium", description = "Dataset kind (default: ${DEFAULT-VALUE}).")
    String kind;

    @Option(names = "--seeds", split = ",", defaultValue = "0,1,2,3,4", description = "Learner seeds "
            + "(default: ${DEFAULT-VALUE}).")
    List<Long> seeds;

    @Option(names = "--dataset-seed", defaultValue = "0", description = "Seed of the dataset family "
            + "(default: ${DEFAULT-VALUE}).")
    long datasetSeed;

    @Option(names = "--datasets", defaultValue = "datasets", description = "Dataset cache directory "
            + "(default: ${DEFAULT-VALUE}).")
    Path datasetsDir;

    @Option(names = "--offline-steps", defaultValue = "10000", description = "Offline gradient steps "
            + "(default: ${DEFAULT-VALUE}).")
    int offlineSteps;

    @Option(names = "--online-steps", defaultValue = "20000", description = "Online environment steps "
            + "(default: ${DEFAULT-VALUE}).")
    int onlineSteps;

    @Option(names = "--eval-every", defaultValue = "5000", description = "Online steps between evaluations "
            + "(default: ${DEFAULT-VALUE}).")
    int evalEvery;

    @Option(names = "--eval-episodes", defaultValue = "10", description = "Deterministic evaluation episodes "
            + "(default: ${DEFAULT-VALUE}).")
    int evalEpisodes;

    @Option(names = "--hidden", split = ",", defaultValue = "256,256", description = "Hidden layers of every network "
            + "(default: ${DEFAULT-VALUE}, IQL's).")
    List<Integer> hidden;

    @Option(names = "--out", description = "Markdown file to write the table to.")
    Path out;

    @Override
    public Integer call() throws IOException {
        OfflineDataset dataset = new D4rlDatasets(datasetsDir, Envs::make).load(envId, kind, datasetSeed);
        List<String> rows = new ArrayList<>();
        System.out.printf(Locale.ROOT, "# %s offline-to-online on %s (%d transitions): %d offline steps, %d online "
                + "steps, %d evaluation episodes, hidden %s%n", algo, dataset.info().datasetId(),
                dataset.transitionCount(), offlineSteps, onlineSteps, evalEpisodes, hidden);
        int gained = 0;
        for (long seed : seeds) {
            long start = System.nanoTime();
            FineTunable learner = learner(dataset, seed);
            OfflineTrainer trainer = new OfflineTrainer(learner, dataset, Envs.<float[], Object>make(envId),
                    new OfflineTrainerConfig(offlineSteps, evalEpisodes, Math.min(1000, offlineSteps), seed));
            trainer.learn(offlineSteps);
            double offlineSeconds = (System.nanoTime() - start) / 1e9;
            OfflineToOnline online = new OfflineToOnline(learner, dataset, Envs.<float[], Object>make(envId),
                    Envs.<float[], Object>make(envId), new OfflineToOnlineConfig(onlineSteps, evalEvery, evalEpisodes,
                            seed));
            List<OfflineEvaluation> evaluations = online.learn();
            double before = evaluations.get(0).normalizedScore();
            double after = evaluations.get(evaluations.size() - 1).normalizedScore();
            double best = evaluations.stream().mapToDouble(OfflineEvaluation::normalizedScore).max().orElseThrow();
            if (after - before >= 15) {
                gained++;
            }
            StringBuilder curve = new StringBuilder();
            for (OfflineEvaluation e : evaluations) {
                curve.append(String.format(Locale.ROOT, "%s%.1f", curve.length() == 0 ? "" : " / ",
                        e.normalizedScore()));
            }
            String row = String.format(Locale.ROOT, "| %s | %s | %d | %.1f | %.1f | %+.1f | %.1f | %s | %.0f + %.0f s |",
                    algo.toUpperCase(Locale.ROOT), dataset.info().datasetId(), seed, before, after, after - before,
                    best, curve, offlineSeconds, (System.nanoTime() - start) / 1e9 - offlineSeconds);
            rows.add(row);
            System.out.println(row);
        }
        String summary = String.format(Locale.ROOT, "%d of %d seeds gain at least 15 normalised points", gained,
                seeds.size());
        System.out.println(summary);
        if (out != null) {
            StringBuilder md = new StringBuilder();
            md.append(String.format(Locale.ROOT, "Command: `java -Xmx2g -jar rl-examples/target/jrl.jar bench "
                    + "offline-finetune --algo %s --env %s --kind %s --seeds %s --offline-steps %d --online-steps %d "
                    + "--eval-every %d --eval-episodes %d --hidden %s`%n%n", algo, envId, kind, String.join(",",
                            seeds.stream().map(String::valueOf).toList()), offlineSteps, onlineSteps, evalEvery,
                    evalEpisodes, String.join(",", hidden.stream().map(String::valueOf).toList())));
            md.append("| algorithm | dataset | seed | offline score | online score | gain | best | evaluations | "
                    + "time (offline + online) |\n|---|---|---|---|---|---|---|---|---|\n");
            rows.forEach(r -> md.append(r).append('\n'));
            md.append('\n').append(summary).append(".\n");
            Files.writeString(out, md.toString(), StandardCharsets.UTF_8);
        }
        return 0;
    }

    private FineTunable learner(OfflineDataset dataset, long seed) {
        Space<?> actionSpace = Envs.<float[], Object>make(envId).actionSpace();
        return switch (algo) {
            case "iql" -> new IqlLearner(iqlConfig(seed), dataset, actionSpace);
            case "cql" -> new CqlLearner(cqlConfig(seed), dataset, (Box) actionSpace);
            default -> throw new IllegalArgumentException("--algo must be iql or cql, got " + algo);
        };
    }

    /**
     * The paper's locomotion IQL with the actor's cosine decay spread over both phases, as a
     * fine-tuning run needs (a rate decayed to 0 offline would freeze the actor online).
     */
    private IqlConfig iqlConfig(long seed) {
        return IqlConfig.builder().actorLrDecaySteps(offlineSteps + onlineSteps).hiddenSizes(hiddenLayers()).seed(seed)
                .build();
    }

    /** CORL's CQL with the benchmark's reduced critic cost ({@code --hidden} layers, 4 sampled actions per proposal). */
    private CqlConfig cqlConfig(long seed) {
        return CqlConfig.builder().hiddenSizes(hiddenLayers()).numSampledActions(4).seed(seed).build();
    }

    private Integer[] hiddenLayers() {
        return hidden.toArray(new Integer[0]);
    }
}

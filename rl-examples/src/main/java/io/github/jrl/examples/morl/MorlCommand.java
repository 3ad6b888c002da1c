package io.github.jrl.examples.morl;

import io.github.jrl.algorithms.multiobjective.AdvantageNormalization;
import io.github.jrl.algorithms.multiobjective.CMorl;
import io.github.jrl.algorithms.multiobjective.CMorlConfig;
import io.github.jrl.algorithms.multiobjective.FrontEvaluation;
import io.github.jrl.algorithms.multiobjective.FrontReport;
import io.github.jrl.algorithms.multiobjective.PreferenceConditionedPpo;
import io.github.jrl.algorithms.multiobjective.PreferencePolicy;
import io.github.jrl.algorithms.ppo.PpoConfig;
import io.github.jrl.core.env.Environment;
import io.github.jrl.core.multiobjective.WeightVectors;
import io.github.jrl.core.space.Box;
import io.github.jrl.core.space.IntVectorSpace;
import io.github.jrl.core.wrappers.OneHotComponents;
import io.github.jrl.envs.Envs;
import io.github.jrl.envs.mo.DeepSeaTreasure;
import io.github.jrl.envs.mo.ResourceGathering;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Multi-objective PPO from the command line: preference-conditioned PPO or C-MORL on a
 * vector-reward environment, then the front of the trained policies with its metrics, written as
 * {@code front.json}, {@code front.csv} and {@code front.png} into the run directory
 * ({@code runs/<algo>-<env>-seed<seed>} unless {@code --out} is given).
 */
@Command(name = "morl", mixinStandardHelpOptions = true,
        description = "Preference-conditioned PPO or C-MORL on a multi-objective env; writes the front, its metrics"
                + " and a plot into the run directory.")
public final class MorlCommand implements Callable<Integer> {

    /** Which algorithm trains the policies. */
    enum Algorithm { pcppo, cmorl }

    @Option(names = "--algo", defaultValue = "cmorl", description = "${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Algorithm algorithm;

    @Option(names = "--env", defaultValue = "deep-sea-treasure-concave-v0",
            description = "Environment id (default: ${DEFAULT-VALUE}).")
    String envId;

    @Option(names = "--seed", defaultValue = "0", description = "Seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--budget", defaultValue = "400000",
            description = "Environment steps of training in all (default: ${DEFAULT-VALUE}).")
    long budget;

    @Option(names = "--ref", split = ",",
            description = "Hypervolume reference point (default: the environment's, see docs/multiobjective.md).")
    double[] referencePoint;

    @Option(names = "--normalization", defaultValue = "PER_OBJECTIVE",
            description = "Advantage normalisation: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    AdvantageNormalization normalization;

    @Option(names = "--extension-iterations", defaultValue = "6",
            description = "C-MORL stage-2 rounds; half the budget goes to stage 1 (default: ${DEFAULT-VALUE}).")
    int extensionIterations;

    @Option(names = "--stage1-divisions", defaultValue = "-1",
            description = "Das-Dennis divisions of C-MORL's stage-1 preferences (default: 5 for 2 objectives, 6"
                    + " preferences; 2 beyond, 6 preferences for 3 objectives).")
    int stage1Divisions;

    @Option(names = "--policy-weights", defaultValue = "10",
            description = "Das-Dennis divisions of the preferences a pcppo front is evaluated at (default: ${DEFAULT-VALUE}).")
    int policyDivisions;

    @Option(names = "--utility-weights", defaultValue = "-1",
            description = "Das-Dennis divisions of the expected-utility weights (default: 49 for 2 objectives, 12 beyond).")
    int utilityDivisions;

    @Option(names = "--eval-episodes", defaultValue = "-1",
            description = "Deterministic episodes per evaluation (default: 1, and 20 for resource-gathering whose"
                    + " enemy attacks at random).")
    int evalEpisodes;

    @Option(names = "--out", description = "Run directory (default: runs/<algo>-<env>-seed<seed>).")
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (budget < 1) {
            throw new IllegalArgumentException("--budget must be positive, got " + budget);
        }
        Supplier<Environment<float[], Object>> envFactory = envFactory(envId);
        int objectives;
        try (Environment<float[], Object> probe = envFactory.get()) {
            objectives = probe.rewardDim();
        }
        double[] reference = referencePoint != null ? referencePoint : defaultReference(envId);
        int episodes = evalEpisodes > 0 ? evalEpisodes : envId.startsWith("resource-gathering") ? 20 : 1;
        List<double[]> utilityWeights = WeightVectors.uniform(objectives,
                utilityDivisions > 0 ? utilityDivisions : objectives == 2 ? 49 : 12);
        Path runDir = out != null ? out : Path.of("runs", algorithm + "-" + envId + "-seed" + seed);
        if (Files.exists(runDir.resolve("front.json"))) {
            throw new IllegalArgumentException(runDir + " already holds a front; choose another --out");
        }
        PpoConfig ppo = ppoConfig(envId, seed);
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("algo", algorithm.name());
        settings.put("env", envId);
        settings.put("seed", seed);
        settings.put("budget", budget);
        settings.put("normalization", normalization.name());
        settings.put("evaluation_episodes", episodes);
        settings.put("ppo", ppo.toString());
        long start = System.nanoTime();
        List<double[]> points;
        if (algorithm == Algorithm.pcppo) {
            PreferenceConditionedPpo pcppo = new PreferenceConditionedPpo(ppo, normalization, envFactory);
            pcppo.learn(budget);
            List<PreferencePolicy> policies = pcppo.policies(policyDivisions);
            points = FrontEvaluation.evaluate(policies, envFactory, episodes, seed);
            settings.put("policy_weight_divisions", policyDivisions);
        } else {
            int divisions = stage1Divisions > 0 ? stage1Divisions : objectives == 2 ? 5 : 2;
            int preferences = WeightVectors.uniform(objectives, divisions).size();
            CMorlConfig base = CMorlConfig.of(ppo, Math.max(1, budget / 2 / preferences), extensionIterations,
                    1, seed);
            long extensionRuns = (long) extensionIterations * base.policiesPerIteration() * objectives;
            CMorlConfig config = CMorlConfig.of(ppo, base.stage1Steps(), extensionIterations,
                    extensionRuns == 0 ? 1 : Math.max(1, (budget - base.stage1Steps() * preferences) / extensionRuns),
                    seed).withWeightDivisions(divisions).withNormalization(normalization).withEvaluation(1, episodes);
            CMorl cmorl = new CMorl(config, envFactory);
            cmorl.run();
            points = cmorl.evaluatedPoints();
            settings.put("stage1_preferences", preferences);
            settings.put("stage1_steps_per_policy", config.stage1Steps());
            settings.put("extension_iterations", config.extensionIterations());
            settings.put("extension_steps_per_run", config.extensionSteps());
            settings.put("steps_done", cmorl.stepsDone());
        }
        settings.put("seconds", Math.round((System.nanoTime() - start) / 1e9));
        FrontReport report = FrontReport.of(points, reference, utilityWeights, knownFront(envId));
        FrontFiles.write(runDir, algorithm + " on " + envId + ", seed " + seed, settings, report);
        java.io.PrintWriter console = spec.commandLine().getOut();
        console.printf(Locale.ROOT, "| %s | %s | %d | %d | %d | %.4f | %.4f | %.4f | %s | %s |%n", algorithm, envId, seed,
                budget, report.front().size(), report.hypervolume(), report.sparsity(), report.expectedUtility(),
                Double.isNaN(report.igd()) ? "n/a" : String.format(Locale.ROOT, "%.4f", report.igd()),
                report.knownFront().isEmpty() ? "n/a" : report.knownPointsFound() + "/" + report.knownFront().size());
        console.println("front: " + report.front().stream().map(Arrays::toString).toList() + " -> " + runDir);
        console.flush();
        return 0;
    }

    /**
     * The environment as networks take it: integer grids one-hot per component
     * ({@link OneHotComponents}), boxes as they are.
     */
    @SuppressWarnings("unchecked")
    static Supplier<Environment<float[], Object>> envFactory(String envId) {
        Environment<Object, Object> probe = Envs.make(envId);
        Object space = probe.observationSpace();
        boolean grid = space instanceof IntVectorSpace;
        boolean box = space instanceof Box;
        probe.close();
        if (!grid && !box) {
            throw new IllegalArgumentException(envId + " observes " + space
                    + "; morl takes integer-vector or Box observations");
        }
        return grid
                ? () -> new OneHotComponents<>((Environment<int[], Object>) (Environment<?, ?>) Envs.make(envId))
                : () -> (Environment<float[], Object>) (Environment<?, ?>) Envs.make(envId);
    }

    /** The reference points of docs/multiobjective.md. */
    static double[] defaultReference(String envId) {
        if (envId.startsWith("deep-sea-treasure")) {
            return new double[] {0, -25};
        }
        return switch (envId) {
            case "resource-gathering-v0" -> new double[] {-1, -1, -1};
            case "mo-mountaincar-v0" -> new double[] {-200, -200, -200};
            default -> throw new IllegalArgumentException("no default reference point for " + envId
                    + "; give one with --ref");
        };
    }

    static List<double[]> knownFront(String envId) {
        Environment<Object, Object> env = Envs.make(envId);
        if (env.unwrapped() instanceof DeepSeaTreasure<?> dst) {
            return dst.paretoFront();
        }
        return envId.equals("resource-gathering-v0") ? ResourceGathering.paretoFront(1.0) : List.of();
    }

    /**
     * Small PPO settings for these small environments (jrl's choice, tuned by hand on
     * deep-sea-treasure, not from a reference): 4 copies of 128 steps, minibatches of 64,
     * 4 epochs, 64-64 tanh networks, entropy 0.01; mo-mountaincar gets the rl-baselines3-zoo
     * {@code MountainCar-v0} discount and lambda (0.99, 0.98).
     */
    static PpoConfig ppoConfig(String envId, long seed) {
        PpoConfig.Builder b = PpoConfig.builder().numEnvs(4).numSteps(128).batchSize(64).numEpochs(4).gamma(0.99)
                .gaeLambda(0.95).entCoef(0.01).hiddenSizes(64, 64).seed(seed);
        if (envId.equals("mo-mountaincar-v0")) {
            b.gaeLambda(0.98);
        }
        return b.build();
    }
}

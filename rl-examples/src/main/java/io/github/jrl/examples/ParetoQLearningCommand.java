package io.github.jrl.examples;

import io.github.jrl.algorithms.multiobjective.ParetoQLearning;
import io.github.jrl.algorithms.multiobjective.ParetoQLearningConfig;
import io.github.jrl.algorithms.multiobjective.SetEvaluation;
import io.github.jrl.core.env.Environment;
import io.github.jrl.core.multiobjective.FrontMetrics;
import io.github.jrl.core.multiobjective.Hypervolume;
import io.github.jrl.core.multiobjective.WeightVectors;
import io.github.jrl.envs.Envs;
import io.github.jrl.envs.mo.DeepSeaTreasure;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Pareto Q-learning on a small deterministic multi-objective environment, one run per seed, with
 * the metrics of the learned front: its points are the undiscounted returns of tracking every
 * vector of the start state's front. Where the true front is known (deep-sea-treasure) it also
 * reports the inverted generational distance to it and after how many steps the whole front was
 * first recovered.
 */
@Command(name = "pql", mixinStandardHelpOptions = true,
        description = "Pareto Q-learning on a small deterministic multi-objective env; metrics of the front per seed.")
public final class ParetoQLearningCommand implements Callable<Integer> {

    /** Recovered means every known point has a learned point within this distance. */
    private static final double RECOVERED_IGD = 1e-6;

    @Option(names = "--env", defaultValue = "deep-sea-treasure-concave-v0",
            description = "Environment id (default: ${DEFAULT-VALUE}).")
    String envId;

    @Option(names = "--steps", defaultValue = "120000", description = "Learning steps per seed (default: ${DEFAULT-VALUE}).")
    long steps;

    @Option(names = "--seeds", defaultValue = "0,1,2,3,4", split = ",", description = "Seeds (default: ${DEFAULT-VALUE}).")
    long[] seeds;

    @Option(names = "--gamma", defaultValue = "1.0",
            description = "Discount (default: ${DEFAULT-VALUE}, undiscounted; morl-baselines' default is 0.8).")
    double gamma;

    @Option(names = "--epsilon-decay-steps", defaultValue = "100000",
            description = "Steps of the linear epsilon decay from 1 to 0.1 (default: ${DEFAULT-VALUE}).")
    long epsilonDecaySteps;

    @Option(names = "--ref", defaultValue = "0,-25", split = ",",
            description = "Hypervolume reference point (default: ${DEFAULT-VALUE}).")
    double[] referencePoint;

    @Option(names = "--set-evaluation", defaultValue = "HYPERVOLUME",
            description = "Greedy action scores: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    SetEvaluation setEvaluation;

    @Option(names = "--eval-every", defaultValue = "10000",
            description = "Steps between checks of whether the known front is recovered (default: ${DEFAULT-VALUE}).")
    long evalEvery;

    @Option(names = "--weight-divisions", defaultValue = "49",
            description = "Divisions of the Das-Dennis weights of expected utility (default: ${DEFAULT-VALUE}).")
    int weightDivisions;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (steps <= 0 || evalEvery <= 0) {
            throw new IllegalArgumentException("--steps and --eval-every must be positive, got " + steps + " and "
                    + evalEvery);
        }
        PrintWriter out = spec.commandLine().getOut();
        Environment<Object, Integer> probe = Envs.make(envId);
        List<double[]> knownFront = probe.unwrapped() instanceof DeepSeaTreasure<?> dst ? dst.paretoFront() : null;
        List<double[]> weights = WeightVectors.uniform(probe.rewardDim(), weightDivisions);
        out.printf(Locale.ROOT, "# Pareto Q-learning on %s: %d steps, gamma %s, epsilon decay over %d steps, %s set"
                + " evaluation, reference point %s, expected utility over %d Das-Dennis weights%n", envId, steps, gamma,
                epsilonDecaySteps, setEvaluation,
                Arrays.toString(referencePoint), weights.size());
        out.println("| seed | points | hypervolume | sparsity | expected utility | IGD to known front | full front after |");
        out.println("|---|---|---|---|---|---|---|");
        for (long seed : seeds) {
            ParetoQLearningConfig config = ParetoQLearningConfig.builder(referencePoint).gamma(gamma)
                    .epsilonDecaySteps(epsilonDecaySteps).setEvaluation(setEvaluation).seed(seed).build();
            ParetoQLearning<Object> pql = new ParetoQLearning<>(config, Envs.make(envId));
            long recoveredAt = -1;
            List<double[]> front = null;
            while (pql.stepsDone() < steps) {
                pql.learn(Math.min(evalEvery, steps - pql.stepsDone()));
                front = pql.evaluateFront(Envs.make(envId), seed);
                if (recoveredAt < 0 && knownFront != null
                        && FrontMetrics.invertedGenerationalDistance(front, knownFront) < RECOVERED_IGD) {
                    recoveredAt = pql.stepsDone();
                }
            }
            out.printf(Locale.ROOT, "| %d | %d | %.4f | %.4f | %.4f | %s | %s |%n", seed, front.size(),
                    Hypervolume.of(front, referencePoint), FrontMetrics.sparsity(front),
                    FrontMetrics.expectedUtility(front, weights),
                    knownFront == null ? "n/a" : String.format(Locale.ROOT, "%.2e",
                            FrontMetrics.invertedGenerationalDistance(front, knownFront)),
                    knownFront == null ? "n/a" : recoveredAt < 0 ? "not recovered" : recoveredAt + " steps");
        }
        out.flush();
        return 0;
    }
}

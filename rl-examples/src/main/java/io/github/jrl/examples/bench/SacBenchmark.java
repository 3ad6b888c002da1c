package io.github.jrl.examples.bench;

import io.github.jrl.algorithms.sac.Sac;
import io.github.jrl.algorithms.sac.SacConfig;
import io.github.jrl.algorithms.sac.SacPresets;
import io.github.jrl.core.callbacks.Evaluation;
import io.github.jrl.core.callbacks.EvaluationResult;
import io.github.jrl.core.metrics.ProcessCpu;
import io.github.jrl.envs.Envs;
import io.github.jrl.nd4j.Backend;
import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * End-to-end SAC speed and result: trains a preset for a number of steps and prints wall time,
 * environment steps per second, gradient steps per second with the floating-point rate they
 * reach, where the time went, peak resident memory and the final evaluation (mean return over
 * 10 deterministic episodes), the figures of shared/benchmarks/PEERS.md.
 */
@Command(name = "sac", mixinStandardHelpOptions = true,
        description = "Train SAC with a preset and report wall time, throughput, time split and the final evaluation.")
public final class SacBenchmark implements Callable<Integer> {

    @Option(names = "--env", defaultValue = "Pendulum-v1", description = "Environment with a SAC preset (default: ${DEFAULT-VALUE}).")
    String envId;

    @Option(names = "--steps", defaultValue = "20000", description = "Environment steps (default: ${DEFAULT-VALUE}).")
    long steps;

    @Option(names = "--seed", defaultValue = "0", description = "Seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--eval-episodes", defaultValue = "10", description = "Deterministic evaluation episodes (default: ${DEFAULT-VALUE}).")
    int evalEpisodes;

    @Override
    public Integer call() throws IOException {
        SacConfig config = SacPresets.forEnv(envId).toBuilder().seed(seed).build();
        System.out.printf(Locale.ROOT, "# SAC %s, %d steps, seed %d; backend %s, OPENBLAS_CORETYPE=%s%n", envId, steps,
                seed, Backend.describe(), System.getenv().getOrDefault("OPENBLAS_CORETYPE", "(unset)"));
        long start = System.nanoTime();
        long cpuStart = ProcessCpu.nanos();
        Sac sac = new Sac(config, () -> Envs.<float[], Object>make(envId));
        long built = System.nanoTime();
        sac.learn(steps);
        long trained = System.nanoTime();
        long cpuUsed = ProcessCpu.nanos() - cpuStart;
        EvaluationResult result = Evaluation.evaluate(sac.policy(), Envs.<float[], Object>make(envId), evalEpisodes, true,
                seed + 1_000_000);
        double wall = (trained - start) / 1e9;
        Sac.Timings t = sac.timings();
        double training = t.totalSeconds() - t.seconds(Sac.Phase.COLLECT);
        double flopsPerStep = sac.flopsPerGradientStep();
        System.out.printf(Locale.ROOT, "wall time (setup + training)   %.2f s (setup %.2f s)%n", wall, (built - start) / 1e9);
        System.out.printf(Locale.ROOT, "process CPU time               %.2f s (%.2f cores busy on average; other load on the"
                + " machine shows as wall time above CPU time)%n", cpuUsed / 1e9, cpuUsed / 1e9 / wall);
        System.out.printf(Locale.ROOT, "env steps/s                    %.0f%n", sac.stepsDone() / wall);
        System.out.printf(Locale.ROOT, "gradient steps/s               %.1f (%d gradient steps, %.3f GFLOP each: %.1f GFLOP/s)%n",
                sac.gradientSteps() / training, sac.gradientSteps(), flopsPerStep / 1e9,
                flopsPerStep * sac.gradientSteps() / training / 1e9);
        System.out.printf(Locale.ROOT, "time by phase                 ");
        for (Sac.Phase phase : Sac.Phase.values()) {
            System.out.printf(Locale.ROOT, " %s %.2f s", phase.name().toLowerCase(Locale.ROOT), t.seconds(phase));
        }
        System.out.println();
        Map<String, Double> metrics = sac.latestMetrics();
        System.out.printf(Locale.ROOT, "last training episodic return  %.1f (alpha %.3g, entropy %.3f, mean Q %.1f)%n",
                metrics.getOrDefault("charts/episodic_return", Double.NaN), metrics.getOrDefault("losses/alpha", Double.NaN),
                metrics.getOrDefault("losses/entropy", Double.NaN), metrics.getOrDefault("losses/qf1_values", Double.NaN));
        System.out.printf(Locale.ROOT, "evaluation (%d episodes, det.) %.1f +- %.1f%n", evalEpisodes, result.mean(), result.std());
        System.out.printf(Locale.ROOT, "peak RSS                       %s%n", PpoBenchmark.procStatus("VmHWM:"));
        return 0;
    }
}

package io.github.jrl.examples.bench;

import io.github.jrl.algorithms.ppo.Ppo;
import io.github.jrl.algorithms.ppo.PpoConfig;
import io.github.jrl.algorithms.ppo.PpoPresets;
import io.github.jrl.core.callbacks.Evaluation;
import io.github.jrl.core.callbacks.EvaluationResult;
import io.github.jrl.core.env.Environment;
import io.github.jrl.core.train.Callback;
import io.github.jrl.core.train.Trainer;
import io.github.jrl.envs.Envs;
import io.github.jrl.nd4j.Backend;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * End-to-end PPO speed and result: trains an rl-baselines3-zoo preset for a number of steps and
 * prints wall time, environment steps per second, gradient steps per second, where the time went
 * (rollout collection versus updates), peak resident memory and the final evaluation (mean
 * return over 20 deterministic episodes), the figures of shared/benchmarks/PEERS.md.
 */
@Command(name = "ppo", mixinStandardHelpOptions = true,
        description = "Train PPO with a zoo preset and report wall time, throughput and the final evaluation.")
public final class PpoBenchmark implements Callable<Integer> {

    @Option(names = "--env", defaultValue = "CartPole-v1", description = "Environment with a PPO preset (default: ${DEFAULT-VALUE}).")
    String envId;

    @Option(names = "--steps", defaultValue = "100000", description = "Environment steps (default: ${DEFAULT-VALUE}).")
    long steps;

    @Option(names = "--seed", defaultValue = "0", description = "Seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--eval-episodes", defaultValue = "20", description = "Deterministic evaluation episodes (default: ${DEFAULT-VALUE}).")
    int evalEpisodes;

    @Override
    public Integer call() {
        PpoConfig config = PpoPresets.forEnv(envId).toBuilder().seed(seed).build();
        System.out.printf(Locale.ROOT, "# PPO %s, %d steps, seed %d; backend %s%n", envId, steps, seed, Backend.describe());
        long start = System.nanoTime();
        Ppo ppo = new Ppo(config, () -> Envs.<float[], Object>make(envId));
        long built = System.nanoTime();
        List<String> residentMemory = new ArrayList<>();
        long[] nextSample = {0};
        ppo.learn(steps, new Callback() {
            @Override
            public boolean onUpdate(Trainer<?, ?> trainer) {
                if (trainer.stepsDone() >= nextSample[0]) {
                    residentMemory.add(trainer.stepsDone() / 1000 + "k: " + procStatus("VmRSS:"));
                    nextSample[0] += steps / 10;
                }
                return true;
            }
        });
        long trained = System.nanoTime();
        Environment<float[], Object> evalEnv = Envs.make(envId);
        EvaluationResult result = Evaluation.evaluate(ppo.policy(), evalEnv, evalEpisodes, true, seed + 1_000_000);
        double wall = (trained - start) / 1e9;
        double gradientSteps = (double) ppo.updates() * config.numEpochs() * config.rolloutSize() / config.batchSize();
        System.out.printf(Locale.ROOT, "wall time (setup + training)   %.2f s (setup %.2f s)%n", wall, (built - start) / 1e9);
        System.out.printf(Locale.ROOT, "env steps/s                    %.0f%n", ppo.stepsDone() / wall);
        System.out.printf(Locale.ROOT, "gradient steps/s               %.0f (%d updates, up to %.0f gradient steps)%n",
                gradientSteps / ppo.timings().updateSeconds(), ppo.updates(), gradientSteps);
        Ppo.Timings t = ppo.timings();
        System.out.printf(Locale.ROOT, "time in rollouts / updates     %.2f s / %.2f s%n", t.rolloutSeconds(), t.updateSeconds());
        System.out.printf(Locale.ROOT, "  updates: forward+loss / backward / optimizer / other  %.2f / %.2f / %.2f / %.2f s%n",
                t.forwardSeconds(), t.backwardSeconds(), t.optimizerSeconds(),
                t.updateSeconds() - t.forwardSeconds() - t.backwardSeconds() - t.optimizerSeconds());
        System.out.printf(Locale.ROOT, "last training episodic return  %.1f%n",
                ppo.latestMetrics().getOrDefault("charts/episodic_return", Double.NaN));
        System.out.printf(Locale.ROOT, "evaluation (%d episodes, det.) %.1f +- %.1f%n", evalEpisodes, result.mean(), result.std());
        System.out.printf(Locale.ROOT, "peak RSS                       %s%n", procStatus("VmHWM:"));
        System.out.printf(Locale.ROOT, "RSS during training            %s%n", String.join(", ", residentMemory));
        return 0;
    }

    /** A field of /proc/self/status (Linux), e.g. {@code VmHWM:} (peak RSS), or "n/a". */
    static String procStatus(String field) {
        Path status = Path.of("/proc/self/status");
        try {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith(field)) {
                    return line.substring(field.length()).trim();
                }
            }
        } catch (IOException e) {
            return "n/a (" + e.getMessage() + ")";
        }
        return "n/a";
    }
}

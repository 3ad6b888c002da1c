package io.github.jrl.examples.bench;

import io.github.jrl.core.env.Environment;
import io.github.jrl.core.env.Step;
import io.github.jrl.core.random.Rng;
import io.github.jrl.core.vector.SyncVectorEnv;
import io.github.jrl.core.vector.ThreadedVectorEnv;
import io.github.jrl.core.vector.VectorEnv;
import io.github.jrl.envs.EnvRegistry;
import io.github.jrl.envs.MakeOptions;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Raw stepping speed with random actions, the figure Gymnasium's users quote: a single env
 * (unwrapped, and as {@code make} returns it), and vector envs of 8 and 256 copies, synchronous
 * and threaded. Each case is warmed up, then timed over several rounds; the median round is
 * reported. Random actions are drawn inside the timed loop, as
 * {@code env.action_space.sample()} is in the Python figures of shared/benchmarks/PEERS.md.
 */
@Command(name = "envs", mixinStandardHelpOptions = true,
        description = "Measure raw environment stepping (steps/s) with random actions.")
public final class EnvStepBenchmark implements Callable<Integer> {

    @Option(names = "--env", defaultValue = "CartPole-v1", description = "Environment id (default: ${DEFAULT-VALUE}).")
    String envId;

    @Option(names = "--seconds", defaultValue = "1.0", description = "Length of one timed round (default: ${DEFAULT-VALUE}).")
    double roundSeconds;

    @Option(names = "--rounds", defaultValue = "5", description = "Timed rounds per case (default: ${DEFAULT-VALUE}).")
    int rounds;

    @Option(names = "--threads", defaultValue = "2", description = "Threads of the threaded vector env (default: ${DEFAULT-VALUE}).")
    int threads;

    private final EnvRegistry registry = EnvRegistry.defaults();
    private double sink;

    @Override
    public Integer call() {
        if (rounds <= 0 || !(roundSeconds > 0) || threads <= 0) {
            throw new IllegalArgumentException("--rounds, --seconds and --threads must be positive");
        }
        System.out.printf(Locale.ROOT, "# %s, random actions; Java %s, %d cores; median of %d rounds of %.1f s%n",
                envId, System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(), rounds, roundSeconds);
        System.out.println("| case | envs | steps/s |");
        System.out.println("|---|---|---|");
        MakeOptions raw = MakeOptions.defaults().withEnvCheckerDisabled().withMaxEpisodeSteps(0);
        report("single env, unwrapped", 1, single(() -> registry.make(envId, raw)));
        report("single env, as make() returns it", 1, single(() -> registry.make(envId)));
        for (int n : new int[] {8, 256}) {
            report("SyncVectorEnv", n, vector(() -> new SyncVectorEnv<>(() -> registry.make(envId), n)));
            int t = Math.min(threads, n);
            report("ThreadedVectorEnv, " + t + " threads", n, vector(() -> new ThreadedVectorEnv<>(() -> registry.make(envId), n, t)));
        }
        System.out.println("(checksum " + (sink == 0 ? "0" : "ok") + ")");
        return 0;
    }

    /** A timed round: runs the case for about {@code roundSeconds} and returns steps per second. */
    private interface Round {
        double stepsPerSecond(double seconds);
    }

    private void report(String name, int envs, Round round) {
        round.stepsPerSecond(roundSeconds); // warm-up: JIT compilation
        double[] rates = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            rates[r] = round.stepsPerSecond(roundSeconds);
        }
        Arrays.sort(rates);
        System.out.printf(Locale.ROOT, "| %s | %d | %s |%n", name, envs, human(rates[rates.length / 2]));
    }

    private static String human(double rate) {
        return rate >= 1e6 ? String.format(Locale.ROOT, "%.2f M", rate / 1e6) : String.format(Locale.ROOT, "%.0f k", rate / 1e3);
    }

    private Round single(Supplier<Environment<Object, Object>> factory) {
        Environment<Object, Object> env = factory.get();
        Rng rng = new Rng(0);
        env.reset(0);
        return seconds -> {
            long deadline = System.nanoTime() + (long) (seconds * 1e9);
            long steps = 0;
            long start = System.nanoTime();
            double checksum = 0;
            while (true) {
                for (int i = 0; i < 4096; i++) {
                    Step<Object> step = env.step(env.actionSpace().sample(rng));
                    checksum += step.reward();
                    if (step.done()) {
                        env.reset();
                    }
                }
                steps += 4096;
                if (System.nanoTime() >= deadline) {
                    break;
                }
            }
            sink += checksum;
            return steps / ((System.nanoTime() - start) / 1e9);
        };
    }

    private Round vector(Supplier<VectorEnv> factory) {
        VectorEnv env = factory.get();
        Rng rng = new Rng(0);
        env.reset(0);
        int actionCount = env.singleActionSpace() instanceof io.github.jrl.core.space.Discrete d ? d.n() : 0;
        if (actionCount == 0) {
            throw new IllegalArgumentException("the vector benchmark draws discrete actions; " + envId + " has "
                    + env.singleActionSpace());
        }
        float[] actions = new float[env.numEnvs()];
        return seconds -> {
            long deadline = System.nanoTime() + (long) (seconds * 1e9);
            long steps = 0;
            long start = System.nanoTime();
            while (System.nanoTime() < deadline) {
                for (int i = 0; i < actions.length; i++) {
                    actions[i] = rng.nextInt(actionCount);
                }
                env.step(actions);
                sink += env.rewards()[0];
                steps += actions.length;
            }
            return steps / ((System.nanoTime() - start) / 1e9);
        };
    }
}

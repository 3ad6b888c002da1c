package io.github.jrl.distributed.bench;

import io.github.jrl.algorithms.onpolicy.ShardCollector;
import io.github.jrl.algorithms.ppo.Ppo;
import io.github.jrl.algorithms.ppo.PpoConfig;
import io.github.jrl.algorithms.ppo.PpoPresets;
import io.github.jrl.core.buffer.RolloutBuffer;
import io.github.jrl.core.metrics.ProcessCpu;
import io.github.jrl.core.random.Rng;
import io.github.jrl.distributed.ClusterSettings;
import io.github.jrl.distributed.LocalWorkerProcesses;
import io.github.jrl.distributed.PekkoRollouts;
import io.github.jrl.distributed.RolloutPlan;
import io.github.jrl.envs.Envs;
import io.github.jrl.envs.classic.BusyCartPole;
import io.github.jrl.nd4j.policy.ActorCriticPolicy;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;

/**
 * Rollout throughput of {@code K} worker JVMs on this machine (docs/scale-out.md): the learner
 * asks for rollouts of {@code copies} copies of {@value BusyCartPole#ID} with a fixed policy and
 * no training, so the time is collection plus the broadcast-and-gather of every iteration.
 * {@code K = 0} collects in this JVM without Pekko, the baseline.
 *
 * <pre>
 * ScaleOutBenchmark K [work=100000] [copies=8] [steps=64] [hidden=64] [iterations=10]
 * </pre>
 *
 * Prints one line: K, steps per second, milliseconds per iteration (median of the measured ones),
 * and the CPU time this (learner) JVM spent per measured iteration, all of its threads together:
 * the learner's share of a machine that also runs the workers.
 */
public final class ScaleOutBenchmark {

    /**
     * Iterations run before timing: enough for the JIT to compile the env's and the policy's
     * loops in every worker JVM, where K workers each see only 1/K of the steps of an iteration.
     */
    private static final int WARMUP = 10;

    private ScaleOutBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: ScaleOutBenchmark K [work] [copies] [steps] [hidden] [iterations]");
            System.exit(2);
        }
        int workers = Integer.parseInt(args[0]);
        int work = args.length > 1 ? Integer.parseInt(args[1]) : BusyCartPole.DEFAULT_WORK;
        int copies = args.length > 2 ? Integer.parseInt(args[2]) : 8;
        int steps = args.length > 3 ? Integer.parseInt(args[3]) : 64;
        int hidden = args.length > 4 ? Integer.parseInt(args[4]) : 64;
        int iterations = args.length > 5 ? Integer.parseInt(args[5]) : 10;
        PpoConfig config = PpoPresets.cartPole().toBuilder().numEnvs(copies).numSteps(steps).batchSize(copies * steps)
                .hiddenSizes(new int[] {hidden, hidden}).seed(1).build();
        Map<String, Double> kwargs = Map.of("work", (double) work);
        Timings timings = workers == 0 ? local(config, kwargs, iterations) : cluster(config, kwargs, workers, iterations);
        long[] nanos = timings.wallNanos().clone();
        Arrays.sort(nanos);
        double medianMs = nanos[iterations / 2] / 1e6;
        long learnerCpu = timings.cpuNanos();
        System.out.printf(Locale.ROOT,
                "K=%d work=%d copies=%d steps=%d hidden=%d: %.0f steps/s, %.2f ms/iteration, learner CPU %.2f ms/iteration%n",
                workers, work, copies, steps, hidden, copies * steps / (medianMs / 1e3), medianMs,
                learnerCpu / 1e6 / iterations);
    }

    /** Collection in this JVM, as {@code Ppo} does it. */
    private static Timings local(PpoConfig config, Map<String, Double> kwargs, int iterations) {
        ActorCriticPolicy policy = new Ppo(config, () -> Envs.make(BusyCartPole.ID, kwargs)).policy();
        ShardCollector all = new ShardCollector(() -> Envs.make(BusyCartPole.ID, kwargs), 0, config.numEnvs(),
                config.numEnvs(), config.numSteps(), config.gamma());
        all.reset(1);
        Rng rng = new Rng(2);
        return time(iterations, () -> all.collect(policy, rng, config.gaeLambda()));
    }

    private static Timings cluster(PpoConfig config, Map<String, Double> kwargs, int workers, int iterations)
            throws Exception {
        int port = LocalWorkerProcesses.freePort();
        try (LocalWorkerProcesses processes = new LocalWorkerProcesses(port)) {
            for (int k = 0; k < workers; k++) {
                processes.start();
            }
            RolloutPlan plan = RolloutPlan.of(config, BusyCartPole.ID, kwargs, workers);
            try (PekkoRollouts rollouts = PekkoRollouts.cluster(plan,
                    ClusterSettings.learner(LocalWorkerProcesses.HOST, port), workers, Duration.ofSeconds(60),
                    Duration.ofSeconds(60))) {
                Ppo ppo = new Ppo(config, () -> Envs.make(BusyCartPole.ID, kwargs), rollouts);
                ActorCriticPolicy policy = ppo.policy();
                RolloutBuffer buffer = new RolloutBuffer(config.numSteps(), config.numEnvs(), policy.observationSize(), 1);
                Rng rng = new Rng(2);
                return time(iterations, () -> rollouts.collect(policy, rng, config.gaeLambda(), buffer, episode -> {
                }));
            } finally {
                processes.allExitWithin(20);
            }
        }
    }

    /** Wall time of each timed iteration, and this JVM's CPU time over all of them. */
    private record Timings(long[] wallNanos, long cpuNanos) {
    }

    private static Timings time(int iterations, Runnable iteration) {
        for (int i = 0; i < WARMUP; i++) {
            iteration.run();
        }
        long[] nanos = new long[iterations];
        long cpuStart = ProcessCpu.nanos();
        for (int i = 0; i < iterations; i++) {
            long start = System.nanoTime();
            iteration.run();
            nanos[i] = System.nanoTime() - start;
        }
        return new Timings(nanos, ProcessCpu.nanos() - cpuStart);
    }
}

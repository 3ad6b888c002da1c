package io.github.jrl.distributed.bench;

import io.github.jrl.algorithms.ppo.Ppo;
import io.github.jrl.algorithms.ppo.PpoConfig;
import io.github.jrl.algorithms.ppo.PpoPresets;
import io.github.jrl.core.metrics.MetricNames;
import io.github.jrl.distributed.ClusterSettings;
import io.github.jrl.distributed.LocalWorkerProcesses;
import io.github.jrl.distributed.PekkoRollouts;
import io.github.jrl.distributed.RolloutPlan;
import io.github.jrl.envs.Envs;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;

/**
 * Synchronous PPO on CartPole-v1 with the zoo preset (docs/scale-out.md): once in this process,
 * once with {@code K} worker JVMs on this machine; prints each run's last mean episode return
 * and wall time, and whether the two trained policies are equal bit for bit.
 *
 * <pre>
 * ClusterPpoBenchmark [K=2] [steps=100000] [seed=0]
 * </pre>
 */
public final class ClusterPpoBenchmark {

    private static final String ENV = "CartPole-v1";

    private ClusterPpoBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int workers = args.length > 0 ? Integer.parseInt(args[0]) : 2;
        long steps = args.length > 1 ? Long.parseLong(args[1]) : 100_000;
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 0;
        PpoConfig config = PpoPresets.cartPole().toBuilder().seed(seed).build();

        long start = System.nanoTime();
        Ppo local = new Ppo(config, () -> Envs.make(ENV));
        local.learn(steps);
        report("1 process", local, start);

        int port = LocalWorkerProcesses.freePort();
        try (LocalWorkerProcesses processes = new LocalWorkerProcesses(port)) {
            for (int k = 0; k < workers; k++) {
                processes.start();
            }
            RolloutPlan plan = RolloutPlan.of(config, ENV, Map.of(), workers);
            try (PekkoRollouts rollouts = PekkoRollouts.cluster(plan,
                    ClusterSettings.learner(LocalWorkerProcesses.HOST, port), workers, Duration.ofSeconds(60),
                    Duration.ofSeconds(60))) {
                start = System.nanoTime();
                Ppo distributed = new Ppo(config, () -> Envs.make(ENV), rollouts);
                distributed.learn(steps);
                report(workers + " worker JVMs", distributed, start);
                boolean equal = Arrays.equals(local.policy().toBytes(), distributed.policy().toBytes());
                System.out.println("bit-identical policies: " + equal);
            } finally {
                processes.allExitWithin(20);
            }
        }
    }

    private static void report(String name, Ppo ppo, long start) {
        System.out.printf(Locale.ROOT, "%s: %d steps, episodic return %.1f, %.1f s%n", name, ppo.stepsDone(),
                ppo.latestMetrics().get(MetricNames.EPISODIC_RETURN), (System.nanoTime() - start) / 1e9);
    }
}

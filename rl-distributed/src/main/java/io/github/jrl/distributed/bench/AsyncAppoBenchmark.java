package io.github.jrl.distributed.bench;

import io.github.jrl.algorithms.appo.Appo;
import io.github.jrl.algorithms.appo.AppoConfig;
import io.github.jrl.algorithms.ppo.Ppo;
import io.github.jrl.algorithms.ppo.PpoConfig;
import io.github.jrl.algorithms.ppo.PpoPresets;
import io.github.jrl.distributed.PekkoAsyncRollouts;
import io.github.jrl.distributed.PekkoRollouts;
import io.github.jrl.distributed.RolloutPlan;
import io.github.jrl.envs.Envs;
import io.github.jrl.envs.classic.BusyCartPole;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/**
 * Training throughput of synchronous PPO against asynchronous APPO with {@code K} embedded
 * rollout workers on {@value BusyCartPole#ID} (docs/scale-out.md): the same copies, rollout length
 * and gradient steps per environment step (PPO: 4 epochs x 2 minibatches per rollout of all copies;
 * APPO: 8/K gradient steps per batch of one shard), so the difference is whether the workers
 * wait for the learner's update.
 *
 * <pre>
 * AsyncAppoBenchmark sync|async K [work=100000] [copies=8] [steps=64] [batches=40]
 * </pre>
 *
 * Prints one line: env steps per second of {@code learn} (sampled and trained; the start of the
 * actor system and of ND4J excluded), and for async the mean and
 * maximum version lag of the trained batches and the batches dropped as too stale.
 */
public final class AsyncAppoBenchmark {

    private AsyncAppoBenchmark() {
    }

    public static void main(String[] args) {
        if (args.length < 2 || !(args[0].equals("sync") || args[0].equals("async"))) {
            System.err.println("usage: AsyncAppoBenchmark sync|async K [work] [copies] [steps] [batches]");
            System.exit(2);
        }
        boolean async = args[0].equals("async");
        int workers = Integer.parseInt(args[1]);
        int work = args.length > 2 ? Integer.parseInt(args[2]) : BusyCartPole.DEFAULT_WORK;
        int copies = args.length > 3 ? Integer.parseInt(args[3]) : 8;
        int steps = args.length > 4 ? Integer.parseInt(args[4]) : 64;
        int batches = args.length > 5 ? Integer.parseInt(args[5]) : 40;
        Map<String, Double> kwargs = Map.of("work", (double) work);
        String line;
        if (async) {
            // synchronous PPO takes 8 gradient steps (4 epochs x 2 minibatches) per copies x steps; a
            // batch here is 1/K of that, so it gets 8/K gradient steps: the same work per env step
            int gradientSteps = Math.max(1, 8 / workers);
            int minibatches = Math.max(1, gradientSteps / 4);
            AppoConfig config = AppoConfig.builder().numEnvs(copies).numSteps(steps).numEpochs(gradientSteps / minibatches)
                    .numMinibatches(minibatches)
                    .gamma(0.98).lambda(0.95).clipRange(0.2).learningRate(1e-3).entCoef(0).hiddenSizes(64, 64)
                    .normalizeAdvantage(true).maxPolicyLag(4).seed(1).build();
            RolloutPlan plan = RolloutPlan.of(config, BusyCartPole.ID, kwargs, workers);
            long total = (long) batches * copies * steps / workers;
            try (PekkoAsyncRollouts rollouts = PekkoAsyncRollouts.embedded(plan, workers, Duration.ofSeconds(120),
                    workers)) {
                Appo appo = new Appo(config, () -> Envs.make(BusyCartPole.ID, kwargs), rollouts);
                long start = System.nanoTime();
                appo.learn(total);
                double seconds = (System.nanoTime() - start) / 1e9;
                Map<String, Double> m = appo.latestMetrics();
                line = String.format(Locale.ROOT, "%.0f steps/s sampled, %.0f trained; version lag mean %.2f max %.0f;"
                        + " %d of %d batches dropped", appo.stepsDone() / seconds,
                        m.get("async/env_steps_trained") / seconds, m.get("async/mean_version_lag"),
                        m.get("async/max_version_lag"), appo.batchesDropped(), appo.batchesDropped()
                                + appo.batchesTrained());
            }
        } else {
            PpoConfig config = PpoPresets.cartPole().toBuilder().numEnvs(copies).numSteps(steps)
                    .batchSize(copies * steps / 2).numEpochs(4).seed(1).build();
            RolloutPlan plan = RolloutPlan.of(config, BusyCartPole.ID, kwargs, workers);
            long total = (long) batches / workers * copies * steps;
            try (PekkoRollouts rollouts = PekkoRollouts.embedded(plan, workers, Duration.ofSeconds(120))) {
                Ppo ppo = new Ppo(config, () -> Envs.make(BusyCartPole.ID, kwargs), rollouts);
                long start = System.nanoTime();
                ppo.learn(total);
                double seconds = (System.nanoTime() - start) / 1e9;
                line = String.format(Locale.ROOT, "%.0f steps/s sampled and trained", ppo.stepsDone() / seconds);
            }
        }
        System.out.printf(Locale.ROOT, "%s K=%d work=%d copies=%d steps=%d: %s%n", args[0], workers, work, copies, steps,
                line);
    }
}

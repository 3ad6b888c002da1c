package io.github.jrl.examples;

import io.github.jrl.core.env.Environment;
import io.github.jrl.core.env.Step;
import io.github.jrl.core.policy.RandomPolicy;
import io.github.jrl.core.random.Rng;
import io.github.jrl.core.wrappers.EpisodeStatistics;
import io.github.jrl.core.wrappers.RecordEpisodeStatistics;
import io.github.jrl.envs.Envs;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Runs a uniformly random policy on a registered environment and prints each episode's return. */
@Command(name = "rollout", mixinStandardHelpOptions = true,
        description = "Run a random policy and print episode returns.")
public final class RandomRollout implements Callable<Integer> {

    @Option(names = "--env", defaultValue = "CartPole-v1", description = "Environment id (default: ${DEFAULT-VALUE}).")
    String envId;

    @Option(names = "--episodes", defaultValue = "10", description = "Episodes to run (default: ${DEFAULT-VALUE}).")
    int episodes;

    @Option(names = "--seed", defaultValue = "0", description = "Seed of the env and the policy (default: ${DEFAULT-VALUE}).")
    long seed;

    @Override
    public Integer call() {
        if (episodes <= 0) {
            throw new IllegalArgumentException("--episodes must be positive, got " + episodes);
        }
        Environment<Object, Object> env = new RecordEpisodeStatistics<>(Envs.make(envId));
        RandomPolicy<Object, Object> policy = new RandomPolicy<>(env.actionSpace());
        Rng rng = new Rng(seed).split();
        double[][] returns = new double[episodes][];
        Object observation = env.reset(seed).observation();
        for (int episode = 0; episode < episodes; episode++) {
            while (true) {
                Step<Object> step = env.step(policy.act(observation, rng));
                if (step.done()) {
                    EpisodeStatistics stats = (EpisodeStatistics) step.info().get(RecordEpisodeStatistics.INFO_KEY);
                    returns[episode] = stats.returns();
                    System.out.printf(Locale.ROOT, "episode %3d  return %-24s length %d%n", episode + 1,
                            format(stats.returns()), stats.length());
                    observation = env.reset().observation();
                    break;
                }
                observation = step.observation();
            }
        }
        for (int k = 0; k < env.rewardDim(); k++) {
            double mean = 0;
            for (double[] r : returns) {
                mean += r[k] / episodes;
            }
            double var = 0;
            for (double[] r : returns) {
                var += (r[k] - mean) * (r[k] - mean) / episodes;
            }
            System.out.printf(Locale.ROOT, "%s random policy, %d episodes, seed %d: mean return%s %.2f +- %.2f%n",
                    envId, episodes, seed, env.rewardDim() > 1 ? "[" + k + "]" : "", mean, Math.sqrt(var));
        }
        return 0;
    }

    private static String format(double[] values) {
        return values.length == 1 ? String.format(Locale.ROOT, "%.2f", values[0]) : Arrays.toString(values);
    }
}

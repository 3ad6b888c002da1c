package io.github.jrl.distributed;

import io.github.jrl.algorithms.ppo.Ppo;
import io.github.jrl.algorithms.ppo.PpoConfig;
import io.github.jrl.algorithms.ppo.PpoPresets;
import io.github.jrl.core.env.Environment;
import io.github.jrl.core.metrics.MetricNames;
import io.github.jrl.envs.Envs;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/** The small CartPole runs the distributed tests compare, and how they compare them. */
final class DistributedPpoRuns {

    static final String ENV = "CartPole-v1";
    static final Supplier<Environment<float[], Object>> CART_POLE = () -> Envs.make(ENV);

    private DistributedPpoRuns() {
    }

    /** 4 copies x 32 steps, so that episodes span rollouts and the shards' env state matters. */
    static PpoConfig config() {
        return PpoPresets.cartPole().toBuilder().numEnvs(4).numSteps(32).batchSize(64).numEpochs(4).seed(11).build();
    }

    /** The policy's networks and head, as bytes: equal bytes mean bit-identical parameters. */
    static byte[] parameters(Ppo ppo) {
        return ppo.policy().toBytes();
    }

    /** The latest metrics except steps per second, which is wall time. */
    static Map<String, Double> metrics(Ppo ppo) {
        Map<String, Double> metrics = new TreeMap<>(ppo.latestMetrics());
        metrics.remove(MetricNames.SPS);
        return metrics;
    }
}

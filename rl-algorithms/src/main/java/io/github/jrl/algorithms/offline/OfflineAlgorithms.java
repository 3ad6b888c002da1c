package io.github.jrl.algorithms.offline;

import io.github.jrl.core.dataset.OfflineDataset;
import io.github.jrl.core.space.Box;
import io.github.jrl.core.space.Discrete;
import io.github.jrl.core.space.Space;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The offline algorithms by name, each with its reference defaults and the action spaces it
 * serves: what the {@code bench offline} command and other tools run. Adding an algorithm is one
 * line in the table below.
 */
public final class OfflineAlgorithms {

    /** Builds an algorithm's learner with its default config and {@code seed}. */
    @FunctionalInterface
    public interface Factory {
        OfflineLearner create(OfflineDataset dataset, Space<?> actionSpace, long seed);
    }

    /**
     * One registered algorithm.
     *
     * @param name the command-line name, e.g. {@code td3bc}
     * @param label the name in result tables, e.g. {@code TD3+BC}
     * @param continuous whether it learns from box actions
     * @param discrete whether it learns from discrete actions
     */
    public record Algorithm(String name, String label, boolean continuous, boolean discrete, Factory factory) {

        /** Whether it serves the action space of {@code dataset}. */
        public boolean supports(OfflineDataset dataset) {
            return supports(dataset.info().discreteActions());
        }

        /** Whether it serves discrete ({@code true}) or box ({@code false}) actions. */
        public boolean supports(boolean discreteActions) {
            return discreteActions ? discrete : continuous;
        }
    }

    private static final Map<String, Algorithm> ALGORITHMS = new LinkedHashMap<>();

    static {
        register(new Algorithm("bc", "BC", true, true,
                (data, space, seed) -> new BehaviorCloning(BcConfig.defaults().withSeed(seed), data, space)));
        register(new Algorithm("td3bc", "TD3+BC", true, false,
                (data, space, seed) -> new Td3Bc(Td3BcConfig.defaults().withSeed(seed), data, space)));
        register(new Algorithm("prdc", "PRDC", true, false,
                (data, space, seed) -> Prdc.learner(PrdcConfig.defaults().withSeed(seed), data, space)));
        register(new Algorithm("iql", "IQL", true, true,
                (data, space, seed) -> new IqlLearner(IqlConfig.builder().seed(seed).build(), data, space)));
        // d3rlpy's discrete target copy every 8000 updates is an Atari budget: runs of 5-20k
        // updates copy every 1000. alpha = 0.1 instead of d3rlpy's 1 is the weight Kumar et al.
        // 2022 ("When Should We Prefer Offline RL Over Behavioral Cloning?") use for CQL on
        // Atari; why, and the sweep on CartPole-v1: docs/offline.md, "Discrete CQL's weight"
        register(new Algorithm("cql", "CQL", true, true, (data, space, seed) -> data.info().discreteActions()
                ? new DiscreteCqlLearner(DiscreteCqlConfig.defaults(seed).withTargetUpdateInterval(1000)
                        .withAlpha(0.1), data, (Discrete) space)
                : new CqlLearner(continuousCql(data.info().envId(), seed), data, (Box) space)));
    }

    /**
     * Continuous CQL's conservative weight where an environment's preset differs from CORL's 10, as
     * rl-baselines3-zoo keeps per-environment hyperparameters (CQL's implementations differ on
     * alpha: d3rlpy 5, CORL 10, Geng's reference sweeps it per D4RL environment). The gap's
     * gradient is {@code alpha / batch} per row whatever the rewards' scale, so its pull against
     * the TD error grows as the rewards shrink: MountainCarContinuous-v0 pays at most 0.1 a step
     * for its actions (Pendulum-v1 up to 16.3) and a weight of 10 drowns its critic's signal.
     * Sweep and held-out seeds: docs/offline.md, "The weight: alpha 1 on MountainCarContinuous-v0".
     */
    static final Map<String, Double> CQL_ALPHA_BY_ENV = Map.of("MountainCarContinuous-v0", 1.0);

    /**
     * The benchmark's continuous CQL: CORL's config with two 256-unit critic layers and 4 actions
     * per proposal (the CPU budget), at the environment's weight from {@link #CQL_ALPHA_BY_ENV}.
     */
    static CqlConfig continuousCql(String envId, long seed) {
        CqlConfig.Builder builder = CqlConfig.builder().hiddenSizes(256, 256).numSampledActions(4).seed(seed);
        Double alpha = CQL_ALPHA_BY_ENV.get(envId);
        if (alpha != null) {
            builder.cqlAlpha(alpha);
        }
        return builder.build();
    }

    private OfflineAlgorithms() {
    }

    private static void register(Algorithm algorithm) {
        ALGORITHMS.put(algorithm.name(), algorithm);
    }

    /** Every registered algorithm, in registration order. */
    public static List<Algorithm> all() {
        return List.copyOf(ALGORITHMS.values());
    }

    /** @throws IllegalArgumentException naming the registered algorithms if there is no {@code name} */
    public static Algorithm get(String name) {
        Algorithm algorithm = ALGORITHMS.get(name);
        if (algorithm == null) {
            throw new IllegalArgumentException("unknown offline algorithm '" + name + "'; registered: "
                    + ALGORITHMS.keySet());
        }
        return algorithm;
    }
}

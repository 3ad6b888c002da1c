package io.github.jrl.distributed;

import io.github.jrl.algorithms.appo.AppoConfig;
import io.github.jrl.algorithms.ppo.PpoConfig;
import io.github.jrl.algorithms.sac.SacConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * How a run's {@code numEnvs} copies are cut into shards, one per rollout worker when all are
 * alive: shard {@code k} of {@code K} holds copies {@code k*N/K .. (k+1)*N/K - 1} (sizes differ
 * by at most one).
 */
public record RolloutPlan(List<ShardSpec> shards) {

    public RolloutPlan {
        shards = List.copyOf(shards);
        if (shards.isEmpty()) {
            throw new IllegalArgumentException("a rollout plan needs at least one shard");
        }
    }

    /** The copies of {@code config} on {@code envId} (with numeric {@code envKwargs}) in {@code numShards} shards. */
    public static RolloutPlan of(PpoConfig config, String envId, Map<String, Double> envKwargs, int numShards) {
        return of(config.numEnvs(), config.numSteps(), config.gamma(), config.gaeLambda(), envId, envKwargs, numShards);
    }

    /**
     * The copies of an asynchronous run ({@code config.numEnvs()} copies, batches of
     * {@code config.numSteps()} steps) in {@code numShards} shards; each shard's rollout is one batch.
     */
    public static RolloutPlan of(AppoConfig config, String envId, Map<String, Double> envKwargs, int numShards) {
        return of(config.numEnvs(), config.numSteps(), config.gamma(), config.lambda(), envId, envKwargs, numShards);
    }

    /**
     * The copies of a SAC run ({@code config.numEnvs()} copies) in {@code numShards} shards, each
     * sending its transitions in chunks of {@code chunkSteps} steps.
     */
    public static RolloutPlan of(SacConfig config, String envId, Map<String, Double> envKwargs, int numShards,
            int chunkSteps) {
        return of(config.numEnvs(), chunkSteps, config.gamma(), 1.0, envId, envKwargs, numShards);
    }

    private static RolloutPlan of(int copies, int numSteps, double gamma, double lambda, String envId,
            Map<String, Double> envKwargs, int numShards) {
        if (numShards <= 0 || numShards > copies) {
            throw new IllegalArgumentException("the " + copies + " copies need 1 to " + copies + " shards, got " + numShards);
        }
        List<ShardSpec> shards = new ArrayList<>(numShards);
        for (int k = 0; k < numShards; k++) {
            int first = (int) ((long) k * copies / numShards);
            int next = (int) ((long) (k + 1) * copies / numShards);
            shards.add(new ShardSpec(envId, envKwargs, first, next - first, copies, numSteps, gamma, lambda));
        }
        return new RolloutPlan(shards);
    }

    public int totalCopies() {
        return shards.get(0).totalCopies();
    }

    public int numSteps() {
        return shards.get(0).numSteps();
    }
}

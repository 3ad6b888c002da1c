package io.github.jrl.distributed;

import java.util.Map;

/**
 * What a worker needs to host one shard of a run: the environment (a registry id and its
 * numeric keyword arguments, as {@code Envs.make} takes them) and the copies {@code firstCopy .. firstCopy +
 * numCopies - 1} of {@code totalCopies}, each rollout {@code numSteps} long, with GAE's
 * {@code gamma} and {@code gaeLambda}.
 */
public record ShardSpec(String envId, Map<String, Double> envKwargs, int firstCopy, int numCopies, int totalCopies,
        int numSteps, double gamma, double gaeLambda) {

    public ShardSpec {
        if (envId == null || envId.isEmpty()) {
            throw new IllegalArgumentException("a shard needs an environment id");
        }
        if (firstCopy < 0 || numCopies <= 0 || firstCopy + numCopies > totalCopies || numSteps <= 0) {
            throw new IllegalArgumentException("copies " + firstCopy + "+" + numCopies + " of " + totalCopies
                    + " with " + numSteps + " steps are not a shard");
        }
        envKwargs = Map.copyOf(envKwargs);
    }
}

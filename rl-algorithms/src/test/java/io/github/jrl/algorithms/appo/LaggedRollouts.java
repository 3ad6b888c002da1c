package io.github.jrl.algorithms.appo;

import io.github.jrl.algorithms.onpolicy.ShardCollector;
import io.github.jrl.core.env.Environment;
import io.github.jrl.core.random.Rng;
import io.github.jrl.nd4j.policy.ActorCriticPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Asynchronous rollouts played out in the calling thread with a scripted staleness: the k-th
 * batch is collected by the policy published {@code lags[k % lags.length]} versions before the
 * newest (or version 0 if there are fewer), so a run is deterministic and its version lags known.
 */
final class LaggedRollouts implements AsyncRollouts {

    private final ShardCollector collector;
    private final int[] lags;
    private final double lambda;
    private final List<ActorCriticPolicy> versions = new ArrayList<>();
    private final List<Long> lagsGiven = new ArrayList<>();
    private long actionSeed;
    private int taken;

    LaggedRollouts(Supplier<? extends Environment<float[], ?>> envFactory, AppoConfig config, int... lags) {
        this.collector = new ShardCollector(envFactory, 0, config.numEnvs(), config.numEnvs(), config.numSteps(),
                config.gamma());
        this.lags = lags.clone();
        this.lambda = config.lambda();
    }

    @Override
    public void start(long envSeed, long actionSeed, ActorCriticPolicy policy) {
        this.actionSeed = actionSeed;
        collector.reset(envSeed);
        versions.add(policy);
    }

    @Override
    public void publish(long version, ActorCriticPolicy policy) {
        if (version != versions.size()) {
            throw new IllegalStateException("version " + version + " published after " + (versions.size() - 1));
        }
        versions.add(policy);
    }

    @Override
    public AppoBatch take() {
        int newest = versions.size() - 1;
        int version = Math.max(0, newest - lags[taken % lags.length]);
        lagsGiven.add((long) (newest - version));
        AppoBatch batch = new AppoBatch(version, collector.collect(versions.get(version),
                Rng.forStream(actionSeed, taken), lambda), collector.observations());
        taken++;
        return batch;
    }

    /** The lag of every batch handed out, in order. */
    List<Long> lagsGiven() {
        return List.copyOf(lagsGiven);
    }
}

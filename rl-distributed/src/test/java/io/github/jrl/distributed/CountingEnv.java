package io.github.jrl.distributed;

import io.github.jrl.core.env.Environment;
import io.github.jrl.core.env.Reset;
import io.github.jrl.core.env.Step;
import io.github.jrl.core.space.Box;
import io.github.jrl.core.space.Discrete;
import io.github.jrl.core.space.Space;
import io.github.jrl.envs.EnvSpec;
import io.github.jrl.envs.Envs;
import java.util.Map;

/**
 * An environment whose observations name each transition: {@code [tag, count]}, the tag taken from
 * the seed of the first reset (so one per copy), the count of steps this copy has taken in all
 * (it does not restart with an episode). Episodes terminate every {@link #EPISODE} steps.
 */
final class CountingEnv implements Environment<float[], Integer> {

    static final String ID = "jrl-test/Counting-v0";
    static final int EPISODE = 5;

    private final Box observations = Box.uniform(0, 1e7f, 2);
    private final Discrete actions = new Discrete(2);
    private float tag = -1;
    private int count;

    /** Registers {@link #ID} with the registry the workers build their environments from. */
    static synchronized void register() {
        if (!Envs.registry().contains(ID)) {
            Envs.registry().register(new EnvSpec(ID, 0, kwargs -> new CountingEnv()));
        }
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Space<float[]> observationSpace() {
        return observations;
    }

    @Override
    public Space<Integer> actionSpace() {
        return actions;
    }

    @Override
    public Reset<float[]> reset(long seed, Map<String, ?> options) {
        tag = Math.floorMod(seed, 100_000);
        return new Reset<>(observation(), Map.of());
    }

    @Override
    public Reset<float[]> reset(Map<String, ?> options) {
        if (tag < 0) {
            throw new IllegalStateException("the first reset needs a seed");
        }
        return new Reset<>(observation(), Map.of());
    }

    @Override
    public Step<float[]> step(Integer action) {
        count++;
        return Step.of(observation(), 1.0, count % EPISODE == 0, false, Map.of());
    }

    private float[] observation() {
        return new float[] {tag, count};
    }
}

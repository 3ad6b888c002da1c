package io.github.jrl.algorithms.multiobjective;

import io.github.jrl.core.env.AbstractEnvironment;
import io.github.jrl.core.env.Reset;
import io.github.jrl.core.env.Step;
import io.github.jrl.core.random.Rng;
import io.github.jrl.core.space.Box;
import io.github.jrl.core.space.Discrete;
import io.github.jrl.core.space.Space;
import java.util.Map;

/**
 * A one-step, two-objective bandit with a constant observation: action 0 pays [1, 0], action 1
 * [0.6, 0.6], action 2 [0, 1]. Each action is the best of one problem: 0 maximises the first
 * objective, 2 the second, and 1 maximises the first subject to the second staying >= 0.5.
 */
final class VectorBandit extends AbstractEnvironment<float[], Integer> {

    static final double[][] REWARDS = {{1, 0}, {0.6, 0.6}, {0, 1}};
    private static final Box OBSERVATIONS = Box.uniform(0f, 1f, 1);
    private static final Discrete ACTIONS = new Discrete(3);

    VectorBandit() {
        super("vector-bandit");
    }

    @Override
    public Space<float[]> observationSpace() {
        return OBSERVATIONS;
    }

    @Override
    public Space<Integer> actionSpace() {
        return ACTIONS;
    }

    @Override
    public int rewardDim() {
        return 2;
    }

    @Override
    protected Reset<float[]> resetEpisode(Rng rng, Map<String, ?> options) {
        return Reset.of(new float[] {1f});
    }

    @Override
    protected Step<float[]> applyAction(Integer action) {
        return Step.ofVector(new float[] {1f}, REWARDS[action].clone(), true, false, Map.of());
    }
}

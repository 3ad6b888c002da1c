package io.github.jrl.algorithms.multiobjective;

import io.github.jrl.core.env.AbstractEnvironment;
import io.github.jrl.core.env.Reset;
import io.github.jrl.core.env.Step;
import io.github.jrl.core.random.Rng;
import io.github.jrl.core.space.Discrete;
import io.github.jrl.core.space.Space;
import java.util.Map;

/**
 * A three-state, two-objective MDP small enough to learn by hand. From state 0: action 0 ends
 * with reward [1, 0]; action 1 moves to state 1 with [0, 0]; action 2 stays with [0, -1]. From
 * state 1: action 0 ends with [0, 2], action 1 with [0.5, 0.5], action 2 with the dominated
 * [0, 1]. State 2 is terminal. With {@code slippery}, action 0 in state 0 moves to state 1 half
 * of the time instead: a stochastic transition.
 */
final class BranchingChain extends AbstractEnvironment<Integer, Integer> {

    private static final Discrete STATES = new Discrete(3);
    private static final Discrete ACTIONS = new Discrete(3);
    private static final double[][][] REWARDS = {
        {{1, 0}, {0, 0}, {0, -1}},
        {{0, 2}, {0.5, 0.5}, {0, 1}},
    };
    private static final int[][] NEXT = {{2, 1, 0}, {2, 2, 2}};

    private final boolean slippery;
    private int state;

    BranchingChain(boolean slippery) {
        super(slippery ? "slippery-branching-chain" : "branching-chain");
        this.slippery = slippery;
    }

    @Override
    public Space<Integer> observationSpace() {
        return STATES;
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
    protected Reset<Integer> resetEpisode(Rng rng, Map<String, ?> options) {
        state = 0;
        return Reset.of(state);
    }

    @Override
    protected Step<Integer> applyAction(Integer action) {
        double[] reward = REWARDS[state][action].clone();
        int next = slippery && state == 0 && action == 0 && rng().nextBoolean() ? 1 : NEXT[state][action];
        state = next;
        return Step.ofVector(next, reward, next == 2, false, Map.of());
    }
}

package io.github.jrl.envs.toytext;

import io.github.jrl.core.env.AbstractEnvironment;
import io.github.jrl.core.env.Reset;
import io.github.jrl.core.env.SimulatorState;
import io.github.jrl.core.env.Step;
import io.github.jrl.core.random.Rng;
import io.github.jrl.core.space.Discrete;
import io.github.jrl.core.space.Space;
import java.util.Arrays;
import java.util.Map;

/**
 * A finite MDP given by a {@link TransitionTable} and an initial-state distribution, stepped the
 * way Gymnasium 0.29.1's toy-text environments step ({@code gymnasium/envs/toy_text/}): reset
 * draws the initial state from the distribution, a step draws one outcome of
 * {@code P[state][action]} and returns its next state, reward and {@code terminated} flag with
 * {@code {"prob": p}} in the info map. Observations and actions are indices of
 * {@link Discrete} spaces; the internal state ({@link SimulatorState}) is the state index.
 *
 * <p>Subclasses only build the table; {@link #transitionTable()} exposes it to planning
 * algorithms.
 */
public abstract class TabularEnvironment extends AbstractEnvironment<Integer, Integer> implements SimulatorState {

    private final TransitionTable table;
    private final double[] initialStateWeights;
    private final Discrete observationSpace;
    private final Discrete actionSpace;
    private int state;

    /**
     * @param initialStateWeights one non-negative weight per state, not all zero; reset draws a
     *     state with probability proportional to its weight
     */
    protected TabularEnvironment(String id, TransitionTable table, double[] initialStateWeights) {
        super(id);
        if (initialStateWeights.length != table.numStates()) {
            throw new IllegalArgumentException(id + ": " + initialStateWeights.length
                    + " initial-state weights for " + table.numStates() + " states");
        }
        this.table = table;
        this.initialStateWeights = initialStateWeights.clone();
        this.observationSpace = new Discrete(table.numStates());
        this.actionSpace = new Discrete(table.numActions());
    }

    /** The model {@code P}: every state's and action's outcomes. */
    public final TransitionTable transitionTable() {
        return table;
    }

    @Override
    public final Space<Integer> observationSpace() {
        return observationSpace;
    }

    @Override
    public final Space<Integer> actionSpace() {
        return actionSpace;
    }

    @Override
    protected final Reset<Integer> resetEpisode(Rng rng, Map<String, ?> options) {
        requireOptions(options);
        state = rng.nextCategorical(initialStateWeights);
        return new Reset<>(state, info(1.0, state));
    }

    @Override
    protected final Step<Integer> applyAction(Integer action) {
        Transition outcome = table.sample(state, action, rng());
        state = outcome.nextState();
        return Step.of(state, outcome.reward(), outcome.terminated(), false, info(outcome.probability(), state));
    }

    /**
     * The info map of reset and step: the probability of the outcome that led to {@code newState}
     * (1 on reset), as the reference returns it.
     */
    protected Map<String, Object> info(double probability, int newState) {
        return Map.of("prob", probability);
    }

    /** {@code {stateIndex}}. */
    @Override
    public final double[] getState() {
        return new double[] {state};
    }

    /** Sets the state index; the episode continues from it. */
    @Override
    public final void setState(double[] newState) {
        if (newState == null || newState.length != 1 || !(newState[0] >= 0 && newState[0] < table.numStates())
                || newState[0] != Math.rint(newState[0])) {
            throw new IllegalArgumentException(id() + " state must be one integer state index in [0, "
                    + table.numStates() + "), got " + (newState == null ? "null" : Arrays.toString(newState)));
        }
        resumeEpisode();
        state = (int) newState[0];
    }
}

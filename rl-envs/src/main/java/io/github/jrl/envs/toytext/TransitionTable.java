package io.github.jrl.envs.toytext;

import io.github.jrl.core.random.Rng;
import java.util.ArrayList;
import java.util.List;

/**
 * The complete model of a finite MDP: for every state and action, the list of possible
 * {@link Transition}s, in the order of Gymnasium's {@code P[state][action]}. Planning and tabular
 * algorithms (value iteration, Pareto Q-learning) read it; {@link TabularEnvironment} steps by
 * sampling from it, so the table and the environment can never disagree.
 *
 * <p>Immutable: the lists returned are unmodifiable.
 */
public final class TransitionTable {

    /** Gives the outcomes of {@code action} in {@code state} while a table is built. */
    @FunctionalInterface
    public interface Outcomes {
        List<Transition> of(int state, int action);
    }

    /** Tolerance on the probabilities of one state-action pair summing to 1. */
    private static final double SUM_TOLERANCE = 1e-9;

    private final int numStates;
    private final int numActions;
    /** {@code P[state][action]} at index {@code state * numActions + action}. */
    private final List<List<Transition>> entries;
    /** The probabilities of {@code entries}, kept apart so that sampling allocates nothing. */
    private final double[][] probabilities;

    private TransitionTable(int numStates, int numActions, Outcomes outcomes) {
        this.numStates = numStates;
        this.numActions = numActions;
        List<List<Transition>> lists = new ArrayList<>(numStates * numActions);
        this.probabilities = new double[numStates * numActions][];
        for (int s = 0; s < numStates; s++) {
            for (int a = 0; a < numActions; a++) {
                List<Transition> list = List.copyOf(outcomes.of(s, a));
                double[] p = new double[list.size()];
                double sum = 0;
                for (int i = 0; i < p.length; i++) {
                    Transition t = list.get(i);
                    if (t.nextState() >= numStates) {
                        throw new IllegalArgumentException("state " + s + ", action " + a + ": next state "
                                + t.nextState() + " is outside [0, " + numStates + ")");
                    }
                    p[i] = t.probability();
                    sum += p[i];
                }
                if (list.isEmpty() || Math.abs(sum - 1) > SUM_TOLERANCE) {
                    throw new IllegalArgumentException("state " + s + ", action " + a
                            + ": outcome probabilities must sum to 1, got " + list);
                }
                lists.add(list);
                probabilities[s * numActions + a] = p;
            }
        }
        this.entries = List.copyOf(lists);
    }

    /**
     * Builds the table by asking {@code outcomes} for every state and action.
     *
     * @throws IllegalArgumentException if a list is empty, its probabilities do not sum to 1, or a
     *     next state is out of range
     */
    public static TransitionTable build(int numStates, int numActions, Outcomes outcomes) {
        if (numStates <= 0 || numActions <= 0) {
            throw new IllegalArgumentException("a transition table needs at least one state and one action, got "
                    + numStates + " states and " + numActions + " actions");
        }
        return new TransitionTable(numStates, numActions, outcomes);
    }

    public int numStates() {
        return numStates;
    }

    public int numActions() {
        return numActions;
    }

    /** The outcomes of {@code action} in {@code state} ({@code P[state][action]}). */
    public List<Transition> transitions(int state, int action) {
        return entries.get(index(state, action));
    }

    /**
     * Draws one outcome of {@code action} in {@code state}. A single outcome is returned without
     * drawing: the reference draws even then, but its NumPy stream cannot be reproduced in Java
     * anyway, and deterministic tables then leave the generator untouched.
     */
    Transition sample(int state, int action, Rng rng) {
        int i = index(state, action);
        List<Transition> list = entries.get(i);
        return list.size() == 1 ? list.get(0) : list.get(rng.nextCategorical(probabilities[i]));
    }

    private int index(int state, int action) {
        if (state < 0 || state >= numStates || action < 0 || action >= numActions) {
            throw new IndexOutOfBoundsException("(state " + state + ", action " + action + ") is outside [0, "
                    + numStates + ") x [0, " + numActions + ")");
        }
        return state * numActions + action;
    }
}

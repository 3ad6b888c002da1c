package io.github.jrl.algorithms.multiobjective;

/**
 * How Pareto Q-learning scores an action by its set of Q-vectors when it acts greedily: the three
 * set evaluation mechanisms of Van Moffaert and Nowé, "Multi-Objective Reinforcement Learning
 * using Sets of Pareto Dominating Policies" (JMLR 15, 2014). Ties are broken
 * uniformly at random.
 */
public enum SetEvaluation {

    /** The hypervolume of the action's Q-set with respect to the reference point (HV-PQL). */
    HYPERVOLUME,

    /**
     * The number of vectors of the action's Q-set that are non-dominated among the Q-vectors of
     * all actions in the state (C-PQL).
     */
    CARDINALITY,

    /**
     * 1 if the action's Q-set holds at least one vector that is non-dominated among the
     * Q-vectors of all actions in the state, else 0: every such action is equally good (PO-PQL).
     */
    PARETO
}

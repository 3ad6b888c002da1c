package io.github.jrl.envs.toytext;

import java.util.List;

/**
 * CliffWalking-v0 of Gymnasium 0.29.1 ({@code gymnasium/envs/toy_text/cliffwalking.py}), after
 * Sutton and Barto, <i>Reinforcement Learning: An Introduction</i> (2nd ed., 2018), Example 6.6:
 * walk along a 4x12 grid from the start (row 3, column 0; state 36) to the goal (row 3, column
 * 11; state 47) past a cliff occupying the rest of row 3.
 *
 * <p>Cell {@code (row, col)} is state {@code row * 12 + col}. Actions: {@link #UP},
 * {@link #RIGHT}, {@link #DOWN}, {@link #LEFT}; moving off the grid leaves the agent in place.
 * Every step costs -1, except stepping onto the cliff, which costs -100 and sends the agent back to
 * the start <em>without</em> ending the episode. Entering the goal terminates. The reference
 * registers no time limit, so neither does jrl's registry.
 */
public final class CliffWalking extends TabularEnvironment {

    public static final int UP = 0;
    public static final int RIGHT = 1;
    public static final int DOWN = 2;
    public static final int LEFT = 3;

    public static final int NROW = 4;
    public static final int NCOL = 12;
    public static final int START_STATE = 3 * NCOL;
    public static final int GOAL_STATE = NROW * NCOL - 1;

    private static final int[][] DELTAS = {{-1, 0}, {0, 1}, {1, 0}, {0, -1}};

    /** Shared by all instances, as neither is modified. */
    private static final TransitionTable TABLE = table();
    private static final double[] START_WEIGHTS = startWeights();

    public CliffWalking() {
        super("CliffWalking-v0", TABLE, START_WEIGHTS);
    }

    /** Whether the cell is part of the cliff: row 3 between the start and the goal. */
    public static boolean isCliff(int row, int col) {
        return row == NROW - 1 && col > 0 && col < NCOL - 1;
    }

    private static double[] startWeights() {
        double[] weights = new double[NROW * NCOL];
        weights[START_STATE] = 1;
        return weights;
    }

    private static TransitionTable table() {
        // Every cell gets outcomes, cliff and goal cells included, as in the reference's P,
        // although an episode can never stand on them.
        return TransitionTable.build(NROW * NCOL, DELTAS.length, (s, a) -> {
            int row = Math.max(0, Math.min(s / NCOL + DELTAS[a][0], NROW - 1));
            int col = Math.max(0, Math.min(s % NCOL + DELTAS[a][1], NCOL - 1));
            if (isCliff(row, col)) {
                return List.of(new Transition(1.0, START_STATE, -100, false));
            }
            int next = row * NCOL + col;
            return List.of(new Transition(1.0, next, -1, next == GOAL_STATE));
        });
    }
}

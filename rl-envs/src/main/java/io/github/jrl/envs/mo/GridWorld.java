package io.github.jrl.envs.mo;

import io.github.jrl.core.env.AbstractEnvironment;
import io.github.jrl.core.env.SimulatorState;
import io.github.jrl.core.space.Discrete;
import io.github.jrl.core.space.Space;
import java.util.Arrays;

/**
 * What MO-Gymnasium's grid worlds share: an agent at {@code (row, col)} on a rectangular grid, four
 * move actions that leave it in place when they would leave the grid or enter a blocked cell, and
 * a vector of 0/1 flags for items it has picked up. The simulator state is
 * {@code [row, col, flag0, flag1, ...]}, the order in which the references store it.
 *
 * @param <O> observation type
 */
abstract class GridWorld<O> extends AbstractEnvironment<O, Integer> implements SimulatorState {

    /** Row/column offsets of actions 0..3 in deep-sea-treasure and resource-gathering. */
    static final int[][] UP_DOWN_LEFT_RIGHT = {{-1, 0}, {1, 0}, {0, -1}, {0, 1}};

    private static final Discrete ACTIONS = new Discrete(4);

    private final int height;
    private final int width;
    private final int[][] moves;
    private final int[] flags;
    private int row;
    private int col;

    /**
     * @param moves the {@code {dRow, dCol}} offset of each of the four actions
     * @param flagCount number of item flags in the state
     */
    GridWorld(String id, int height, int width, int[][] moves, int flagCount) {
        super(id);
        this.height = height;
        this.width = width;
        this.moves = moves;
        this.flags = new int[flagCount];
    }

    @Override
    public final Space<Integer> actionSpace() {
        return ACTIONS;
    }

    /** Whether the agent can never stand on {@code (r, c)}; a move into it leaves the agent in place. */
    abstract boolean isBlocked(int r, int c);

    final int row() {
        return row;
    }

    final int col() {
        return col;
    }

    final int flag(int i) {
        return flags[i];
    }

    final void setFlag(int i) {
        flags[i] = 1;
    }

    /** Starts an episode at {@code (r, c)} carrying nothing. */
    final void startAt(int r, int c) {
        row = r;
        col = c;
        Arrays.fill(flags, 0);
    }

    /** Applies the move of {@code action}; returns whether the agent changed cell. */
    final boolean move(int action) {
        int r = row + moves[action][0];
        int c = col + moves[action][1];
        if (!inside(r, c) || isBlocked(r, c)) {
            return false;
        }
        row = r;
        col = c;
        return true;
    }

    /** {@code [row, col, flags...]}: the observation of the references that report flags. */
    final int[] positionAndFlags() {
        int[] out = new int[2 + flags.length];
        out[0] = row;
        out[1] = col;
        System.arraycopy(flags, 0, out, 2, flags.length);
        return out;
    }

    @Override
    public final double[] getState() {
        double[] state = new double[2 + flags.length];
        state[0] = row;
        state[1] = col;
        for (int i = 0; i < flags.length; i++) {
            state[2 + i] = flags[i];
        }
        return state;
    }

    /**
     * Sets {@code [row, col, flags...]}; the cell must lie on the grid and not be blocked, and
     * every flag must be 0 or 1. Terminal cells (a treasure, the goal, home) are accepted: the
     * reference can be put there too, and stepping from them behaves as it does.
     */
    @Override
    public final void setState(double[] state) {
        if (state == null || state.length != 2 + flags.length) {
            throw new IllegalArgumentException(id() + " state must be [row, col"
                    + (flags.length == 0 ? "" : ", " + flags.length + " item flags") + "] of length "
                    + (2 + flags.length) + ", got " + (state == null ? "null" : Arrays.toString(state)));
        }
        int r = integral(state, 0, "row");
        int c = integral(state, 1, "col");
        if (!inside(r, c) || isBlocked(r, c)) {
            throw new IllegalArgumentException(id() + " state " + Arrays.toString(state) + " puts the agent on cell ("
                    + r + ", " + c + "), which is " + (inside(r, c) ? "blocked" : "outside the "
                    + height + "x" + width + " grid"));
        }
        int[] newFlags = new int[flags.length];
        for (int i = 0; i < flags.length; i++) {
            newFlags[i] = integral(state, 2 + i, "flag " + i);
            if (newFlags[i] != 0 && newFlags[i] != 1) {
                throw new IllegalArgumentException(id() + " state flag " + i + " must be 0 or 1, got " + state[2 + i]);
            }
        }
        resumeEpisode();
        row = r;
        col = c;
        System.arraycopy(newFlags, 0, flags, 0, flags.length);
    }

    private boolean inside(int r, int c) {
        return r >= 0 && r < height && c >= 0 && c < width;
    }

    private int integral(double[] state, int index, String what) {
        double v = state[index];
        if (v != Math.rint(v) || Math.abs(v) > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(id() + " state " + what + " must be an integer, got " + v);
        }
        return (int) v;
    }
}

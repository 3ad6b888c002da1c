package io.github.jrl.envs.mo;

import io.github.jrl.core.env.Reset;
import io.github.jrl.core.env.Step;
import io.github.jrl.core.random.Rng;
import io.github.jrl.core.space.IntBox;
import io.github.jrl.core.space.Space;
import io.github.jrl.envs.EnvKwargs;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Four-room of MO-Gymnasium 1.0.1 ({@code mo_gymnasium/envs/four_room/four_room.py}), the
 * shapes gridworld of Barreto et al., "Successor Features for Transfer in Reinforcement Learning"
 * (NeurIPS 2017) in the discrete form used by Alegre et al., "Optimistic Linear Support and
 * Successor Features as a Basis for Optimal Policy Transfer" (ICML 2022): four rooms joined by
 * doorways, twelve shapes of three types to pick up, and a goal.
 *
 * <p>Maze cells: {@code G} the goal, {@code _} a start cell, {@code X} a wall, {@code 1},
 * {@code 2}, {@code 3} a shape of that type; anything else is an empty cell. Shapes are numbered
 * column by column, top to bottom, as the reference numbers them; that number is the shape's index
 * in the collected flags.
 *
 * <p>Actions: {@link #LEFT}, {@link #UP}, {@link #RIGHT}, {@link #DOWN}. A move off the grid or
 * into a wall leaves the agent in place with reward 0. Entering a shape not yet collected sets its
 * flag and gives reward 1 in the component of its type; entering the goal gives {@code [1, 1, 1]}
 * and terminates. The reward is always the 3-vector of the shape types.
 *
 * <p>Observation: {@code [row, col, flag0, ..., flag11]} as int32, in an {@link IntBox} whose
 * bounds are {@code [0, number of maze rows]} in every dimension, as the reference declares it.
 * State: the same vector (the reference's {@code ((row, col), flags)} flattened).
 *
 * <p>Registered as {@code four-room-v0} with a limit of 200 steps; keyword argument {@code maze},
 * a list of equally long strings, one per row. With several start cells the reference picks one
 * with Python's unseeded {@code random} module; jrl draws it from the seeded generator.
 */
public final class FourRoom extends GridWorld<int[]> {

    public static final int LEFT = 0;
    public static final int UP = 1;
    public static final int RIGHT = 2;
    public static final int DOWN = 3;

    /** The reference's {@code MAZE}. */
    public static final List<String> MAZE = List.of(
            "1    2X     G",
            "      X      ",
            "      1      ",
            "             ",
            "      X      ",
            "2    3X      ",
            "XX3 XXXXX 1XX",
            "      X2    3",
            "      X      ",
            "             ",
            "      2      ",
            "      X      ",
            "_     X3    1");

    private static final int[][] MOVES = {{0, -1}, {-1, 0}, {0, 1}, {1, 0}};
    private static final int SHAPE_TYPES = 3;
    private static final int NO_SHAPE = -1;

    private final List<String> maze;
    private final int goalRow;
    private final int goalCol;
    private final List<int[]> starts;
    /** Per cell: the shape's index in the flags, or {@link #NO_SHAPE}. */
    private final int[][] shapeIds;
    private final IntBox observationSpace;

    /** {@code four-room-v0} on the reference's maze. */
    public FourRoom() {
        this("four-room-v0", MAZE);
    }

    /**
     * @param id the id this environment reports
     * @param maze one string per row, all of the same length, with exactly one {@code G}, at least
     *     one {@code _} and no digit other than {@code 1}, {@code 2}, {@code 3} (the reference
     *     counts other digits as shapes but fails when one is collected)
     */
    public FourRoom(String id, List<String> maze) {
        this(id, List.copyOf(maze), Layout.of(id, maze));
    }

    private FourRoom(String id, List<String> maze, Layout layout) {
        super(id, maze.size(), maze.get(0).length(), MOVES, layout.shapeCount);
        this.maze = maze;
        this.goalRow = layout.goal[0];
        this.goalCol = layout.goal[1];
        this.starts = layout.starts;
        this.shapeIds = layout.shapeIds;
        this.observationSpace = IntBox.uniform(0, maze.size(), 2 + layout.shapeCount);
    }

    /** The registry's constructor: keyword argument {@code maze}. */
    static FourRoom fromKwargs(EnvKwargs kwargs) {
        List<String> maze = kwargs.getStringList("maze");
        return new FourRoom(kwargs.envId(), maze == null ? MAZE : maze);
    }

    public List<String> maze() {
        return maze;
    }

    /** Number of shapes, i.e. of collected flags in the observation. */
    public int shapeCount() {
        return observationSpace.size() - 2;
    }

    @Override
    public Space<int[]> observationSpace() {
        return observationSpace;
    }

    @Override
    public int rewardDim() {
        return SHAPE_TYPES;
    }

    @Override
    boolean isBlocked(int r, int c) {
        return maze.get(r).charAt(c) == 'X';
    }

    @Override
    protected Reset<int[]> resetEpisode(Rng rng, Map<String, ?> options) {
        requireOptions(options);
        int[] start = starts.get(rng.nextInt(starts.size()));
        startAt(start[0], start[1]);
        return Reset.of(positionAndFlags());
    }

    @Override
    protected Step<int[]> applyAction(Integer action) {
        double[] reward = new double[SHAPE_TYPES];
        if (!move(action)) {
            return Step.ofVector(positionAndFlags(), reward, false, false, Map.of());
        }
        int r = row();
        int c = col();
        if (r == goalRow && c == goalCol) {
            Arrays.fill(reward, 1.0);
            return Step.ofVector(positionAndFlags(), reward, true, false, Map.of());
        }
        int shape = shapeIds[r][c];
        if (shape != NO_SHAPE && flag(shape) == 0) {
            setFlag(shape);
            reward[maze.get(r).charAt(c) - '1'] = 1.0;
        }
        return Step.ofVector(positionAndFlags(), reward, false, false, Map.of());
    }

    /** The cells of a validated maze. */
    private record Layout(int[] goal, List<int[]> starts, int[][] shapeIds, int shapeCount) {

        static Layout of(String id, List<String> maze) {
            if (maze.isEmpty() || maze.get(0).isEmpty()) {
                throw new IllegalArgumentException(id + " maze must have at least one row and one column");
            }
            int height = maze.size();
            int width = maze.get(0).length();
            for (String row : maze) {
                if (row.length() != width) {
                    throw new IllegalArgumentException(id + " maze rows must all have " + width
                            + " cells, got row \"" + row + "\" in " + maze);
                }
            }
            int[] goal = null;
            List<int[]> starts = new ArrayList<>();
            int[][] shapeIds = new int[height][width];
            int shapes = 0;
            // Column-major, so that shapes get the reference's flag indices.
            for (int c = 0; c < width; c++) {
                for (int r = 0; r < height; r++) {
                    char cell = maze.get(r).charAt(c);
                    shapeIds[r][c] = NO_SHAPE;
                    if (cell == 'G') {
                        if (goal != null) {
                            throw new IllegalArgumentException(id + " maze must have exactly one goal G, found more in "
                                    + maze);
                        }
                        goal = new int[] {r, c};
                    } else if (cell == '_') {
                        starts.add(new int[] {r, c});
                    } else if (cell >= '1' && cell <= '0' + SHAPE_TYPES) {
                        shapeIds[r][c] = shapes++;
                    } else if (Character.isDigit(cell)) {
                        throw new IllegalArgumentException(id + " maze cell (" + r + ", " + c + ") is shape '" + cell
                                + "'; only shape types 1, 2 and 3 are rewarded");
                    }
                }
            }
            if (goal == null) {
                throw new IllegalArgumentException(id + " maze must have a goal G: " + maze);
            }
            if (starts.isEmpty()) {
                throw new IllegalArgumentException(id + " maze must have a start cell _: " + maze);
            }
            return new Layout(goal, List.copyOf(starts), shapeIds, shapes);
        }
    }
}

package io.github.jrl.envs.mo;

import io.github.jrl.core.env.Reset;
import io.github.jrl.core.env.Step;
import io.github.jrl.core.random.Rng;
import io.github.jrl.core.space.Box;
import io.github.jrl.core.space.IntBox;
import io.github.jrl.core.space.Space;
import io.github.jrl.envs.EnvKwargs;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Deep Sea Treasure of MO-Gymnasium 1.0.1
 * ({@code mo_gymnasium/envs/deep_sea_treasure/deep_sea_treasure.py}), the benchmark of Vamplew et
 * al., "Empirical evaluation methods for multiobjective reinforcement learning algorithms"
 * (Machine Learning 84, 2011): a submarine starts at the top-left cell {@code (0, 0)} of an 11x11
 * sea and trades the value of a treasure against the time needed to reach it.
 *
 * <p>Actions: 0 up, 1 down, 2 left, 3 right. A move off the grid or into the sea floor leaves the
 * submarine in place. The reward is {@code [treasure, -1]}, where treasure is the value of the cell
 * the submarine is on after the move (0 on open water); reaching a treasure terminates. The
 * reference builds the reward as a float32 array, so treasure values are float32 (0.7 arrives
 * as 0.699999988079071).
 *
 * <p>Observations: by default the position {@code [row, col]} as int32 in an {@link IntBox}
 * with bounds {@code [0, 11]} (the reference's bound is the map width, one past the last cell).
 * With {@code float_state=true} the observation is {@code [row, col] * 0.1} computed in float32,
 * in a {@link Box} with bounds {@code [0, 1]}. Hence the type parameter: {@code int[]} or
 * {@code float[]}.
 *
 * <p>Registered as {@code deep-sea-treasure-v0} ({@link TreasureMap#CONVEX}, the default map of
 * the reference) and {@code deep-sea-treasure-concave-v0} ({@link TreasureMap#CONCAVE}), both with
 * a limit of 100 steps. Keyword arguments: {@code dst_map} ({@code "convex"} or
 * {@code "concave"}; the reference takes the map array itself) and {@code float_state}. The
 * reference's third map, {@code MIRRORED_MAP}, is not provided.
 *
 * @param <O> {@code int[]}, or {@code float[]} with float state
 */
public final class DeepSeaTreasure<O> extends GridWorld<O> {

    /** Marks the sea floor in the maps: cells the submarine cannot enter. */
    private static final double SEA_FLOOR = -10;
    private static final int SIZE = 11;

    /** The two sea maps of the reference. */
    public enum TreasureMap {
        /**
         * The convex-front map of Yang et al., "A Generalized Algorithm for Multi-Objective
         * Reinforcement Learning and Policy Adaptation" (NeurIPS 2019): the reference's
         * {@code DEFAULT_MAP}, used by {@code deep-sea-treasure-v0}.
         */
        CONVEX("deep-sea-treasure-v0", new double[][] {
            {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0},
            {0.7, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0},
            {-10, 8.2, 0, 0, 0, 0, 0, 0, 0, 0, 0},
            {-10, -10, 11.5, 0, 0, 0, 0, 0, 0, 0, 0},
            {-10, -10, -10, 14.0, 15.1, 16.1, 0, 0, 0, 0, 0},
            {-10, -10, -10, -10, -10, -10, 0, 0, 0, 0, 0},
            {-10, -10, -10, -10, -10, -10, 0, 0, 0, 0, 0},
            {-10, -10, -10, -10, -10, -10, 19.6, 20.3, 0, 0, 0},
            {-10, -10, -10, -10, -10, -10, -10, -10, 0, 0, 0},
            {-10, -10, -10, -10, -10, -10, -10, -10, 22.4, 0, 0},
            {-10, -10, -10, -10, -10, -10, -10, -10, -10, 23.7, 0},
        }),
        /**
         * The original treasure values of Vamplew et al. (2011), whose front is concave; the
         * reference's {@code CONCAVE_MAP} (attributed there to Vamplew et al. 2018), used by
         * {@code deep-sea-treasure-concave-v0}.
         */
        CONCAVE("deep-sea-treasure-concave-v0", new double[][] {
            {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0},
            {1.0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0},
            {-10, 2.0, 0, 0, 0, 0, 0, 0, 0, 0, 0},
            {-10, -10, 3.0, 0, 0, 0, 0, 0, 0, 0, 0},
            {-10, -10, -10, 5.0, 8.0, 16.0, 0, 0, 0, 0, 0},
            {-10, -10, -10, -10, -10, -10, 0, 0, 0, 0, 0},
            {-10, -10, -10, -10, -10, -10, 0, 0, 0, 0, 0},
            {-10, -10, -10, -10, -10, -10, 24.0, 50.0, 0, 0, 0},
            {-10, -10, -10, -10, -10, -10, -10, -10, 0, 0, 0},
            {-10, -10, -10, -10, -10, -10, -10, -10, 74.0, 0, 0},
            {-10, -10, -10, -10, -10, -10, -10, -10, -10, 124.0, 0},
        });

        private final String envId;
        private final double[][] cells;

        TreasureMap(String envId, double[][] cells) {
            this.envId = envId;
            this.cells = cells;
        }

        /** The id under which MO-Gymnasium registers this map. */
        public String envId() {
            return envId;
        }

        /** The value of cell {@code (row, col)}: a treasure, 0 for open water, -10 for the sea floor. */
        public double value(int row, int col) {
            return cells[row][col];
        }

        /**
         * The undiscounted Pareto front: for every treasure, {@code [value, -steps]} with the
         * fewest steps from the start, in order of increasing value. It equals the reference's
         * {@code CONVEX_FRONT} / {@code CONCAVE_FRONT}.
         */
        public List<double[]> paretoFront() {
            return paretoFront(1.0);
        }

        /**
         * The Pareto front of discounted returns, as the reference's {@code pareto_front(gamma)}:
         * a treasure of value {@code v} reached in {@code n} steps returns
         * {@code [v * gamma^(n-1), -(1 + gamma + ... + gamma^(n-1))]}. Like the reference it lists
         * every treasure, but they are all Pareto-optimal only for {@code gamma} close to 1
         * (above 0.9722 on the convex map, 0.9037 on the concave one): with more discount a
         * farther treasure can be worth less than a nearer one (convex map, {@code gamma = 0.8}:
         * {@code 11.5 * 0.8^4 < 8.2 * 0.8^2}), and {@link
         * io.github.jrl.core.multiobjective.Dominance#nonDominated} leaves fewer points.
         *
         * @param gamma discount factor in {@code [0, 1]}
         */
        public List<double[]> paretoFront(double gamma) {
            if (!(gamma >= 0 && gamma <= 1)) {
                throw new IllegalArgumentException("gamma must be in [0, 1], got " + gamma);
            }
            List<double[]> front = new ArrayList<>();
            // Treasures lie on a staircase whose sea floor falls to the right, so taking the
            // columns left to right lists them by increasing value, and each is reached in its
            // Manhattan distance from (0, 0) by going right along the surface and then down.
            for (int c = 0; c < SIZE; c++) {
                for (int r = 0; r < SIZE; r++) {
                    if (isTreasure(cells[r][c])) {
                        int steps = r + c;
                        double time = 0;
                        for (int i = 0; i < steps; i++) {
                            time += Math.pow(gamma, i);
                        }
                        front.add(new double[] {cells[r][c] * Math.pow(gamma, steps - 1), -time});
                    }
                }
            }
            return front;
        }
    }

    private final TreasureMap map;
    private final Space<O> observationSpace;
    private final Function<DeepSeaTreasure<O>, O> observe;

    private DeepSeaTreasure(String id, TreasureMap map, Space<O> observationSpace,
            Function<DeepSeaTreasure<O>, O> observe) {
        super(id, SIZE, SIZE, UP_DOWN_LEFT_RIGHT, 0);
        this.map = map;
        this.observationSpace = observationSpace;
        this.observe = observe;
    }

    /** Deep Sea Treasure on {@code map} observing the integer position {@code [row, col]}. */
    public static DeepSeaTreasure<int[]> of(TreasureMap map) {
        return withIntState(map.envId(), map);
    }

    /** Deep Sea Treasure on {@code map} observing {@code [row, col] * 0.1} as float32 (the reference's {@code float_state=True}). */
    public static DeepSeaTreasure<float[]> withFloatState(TreasureMap map) {
        return withFloatState(map.envId(), map);
    }

    private static DeepSeaTreasure<int[]> withIntState(String id, TreasureMap map) {
        return new DeepSeaTreasure<>(id, map, IntBox.uniform(0, SIZE, 2), DeepSeaTreasure::position);
    }

    private static DeepSeaTreasure<float[]> withFloatState(String id, TreasureMap map) {
        return new DeepSeaTreasure<>(id, map, Box.uniform(0f, 1f, 2),
                env -> new float[] {env.row() * 0.1f, env.col() * 0.1f});
    }

    /** The registry's constructor: keyword arguments {@code dst_map} and {@code float_state}. */
    static DeepSeaTreasure<?> fromKwargs(EnvKwargs kwargs) {
        String name = kwargs.getString("dst_map", "convex");
        TreasureMap map = switch (name) {
            case "convex" -> TreasureMap.CONVEX;
            case "concave" -> TreasureMap.CONCAVE;
            default -> throw new IllegalArgumentException(kwargs.envId() + " keyword argument 'dst_map' must be"
                    + " \"convex\" or \"concave\", got \"" + name + "\"");
        };
        return kwargs.getBoolean("float_state", false)
                ? withFloatState(kwargs.envId(), map)
                : withIntState(kwargs.envId(), map);
    }

    public TreasureMap map() {
        return map;
    }

    /** The undiscounted Pareto front of this environment's map; see {@link TreasureMap#paretoFront()}. */
    public List<double[]> paretoFront() {
        return map.paretoFront();
    }

    /** The discounted Pareto front of this environment's map; see {@link TreasureMap#paretoFront(double)}. */
    public List<double[]> paretoFront(double gamma) {
        return map.paretoFront(gamma);
    }

    @Override
    public Space<O> observationSpace() {
        return observationSpace;
    }

    @Override
    public int rewardDim() {
        return 2;
    }

    @Override
    boolean isBlocked(int r, int c) {
        return map.value(r, c) == SEA_FLOOR;
    }

    @Override
    protected Reset<O> resetEpisode(Rng rng, Map<String, ?> options) {
        requireOptions(options);
        startAt(0, 0);
        return Reset.of(observe.apply(this));
    }

    @Override
    protected Step<O> applyAction(Integer action) {
        move(action);
        double value = map.value(row(), col());
        boolean treasure = isTreasure(value);
        // float32 like the reference's reward array.
        double[] reward = {treasure ? (float) value : 0.0, -1.0};
        return Step.ofVector(observe.apply(this), reward, treasure, false, Map.of());
    }

    private static boolean isTreasure(double value) {
        return value != 0 && value != SEA_FLOOR;
    }

    private int[] position() {
        return new int[] {row(), col()};
    }
}

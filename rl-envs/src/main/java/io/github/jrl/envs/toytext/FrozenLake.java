package io.github.jrl.envs.toytext;

import io.github.jrl.core.random.Rng;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * FrozenLake-v1 of Gymnasium 0.29.1 ({@code gymnasium/envs/toy_text/frozen_lake.py}): walk from
 * the start {@code S} to the goal {@code G} across frozen cells {@code F} without falling into a
 * hole {@code H}.
 *
 * <p>The map is a list of equally long rows; cell {@code (row, col)} is state
 * {@code row * ncol + col}. Actions: {@link #LEFT}, {@link #DOWN}, {@link #RIGHT}, {@link #UP};
 * moving off the grid leaves the agent in place. Reaching {@code G} gives reward 1, everything
 * else 0; entering {@code G} or {@code H} terminates. On a slippery lake the agent moves in the
 * intended direction or either perpendicular one, each with probability 1/3, listed in the
 * reference's order (intended - 1, intended, intended + 1, modulo 4). Episodes start on an
 * {@code S} cell, uniformly among them if a custom map has several.
 *
 * <p>Registered as {@code FrozenLake-v1} (the 4x4 map, limit 100) and {@code FrozenLake8x8-v1}
 * (the 8x8 map, limit 200) with the keyword arguments {@code desc}, {@code map_name} and
 * {@code is_slippery}. The reference's fallback of a random map when both {@code desc} and
 * {@code map_name} are {@code None} draws from an unseeded generator; jrl asks for a map from
 * {@link #generateRandomMap(int, double, long)} instead.
 */
public final class FrozenLake extends TabularEnvironment {

    public static final int LEFT = 0;
    public static final int DOWN = 1;
    public static final int RIGHT = 2;
    public static final int UP = 3;

    /** The reference's preloaded maps, by {@code map_name}. */
    public static final Map<String, List<String>> MAPS = Map.of(
            "4x4", List.of("SFFF", "FHFH", "FFFH", "HFFG"),
            "8x8", List.of(
                    "SFFFFFFF",
                    "FFFFFFFF",
                    "FFFHFFFF",
                    "FFFFFHFF",
                    "FFFHFFFF",
                    "FHHFFFHF",
                    "FHFFHFHF",
                    "FFFHFFFG"));

    private static final int NUM_ACTIONS = 4;

    private final List<String> desc;
    private final int nrow;
    private final int ncol;
    private final boolean slippery;

    /**
     * @param id the id this environment reports (e.g. {@code FrozenLake8x8-v1})
     * @param desc the map, one string of {@code S}, {@code F}, {@code H}, {@code G} per row, with
     *     at least one {@code S}
     * @param slippery whether moves slip to a perpendicular direction (the reference's
     *     {@code is_slippery})
     */
    public FrozenLake(String id, List<String> desc, boolean slippery) {
        super(id, table(validated(id, desc), slippery), startWeights(desc));
        this.desc = List.copyOf(desc);
        this.nrow = desc.size();
        this.ncol = desc.get(0).length();
        this.slippery = slippery;
    }

    /** {@code FrozenLake-v1} on the given map. */
    public FrozenLake(List<String> desc, boolean slippery) {
        this("FrozenLake-v1", desc, slippery);
    }

    /**
     * The preloaded map {@code name} ({@code "4x4"} or {@code "8x8"}).
     *
     * @throws IllegalArgumentException for another name
     */
    public static List<String> map(String name) {
        List<String> map = MAPS.get(name);
        if (map == null) {
            throw new IllegalArgumentException("FrozenLake has no map named '" + name + "'; known maps: "
                    + MAPS.keySet().stream().sorted().toList() + ", or pass desc");
        }
        return map;
    }

    /** The map, one string per row. */
    public List<String> desc() {
        return desc;
    }

    public int nrow() {
        return nrow;
    }

    public int ncol() {
        return ncol;
    }

    public boolean isSlippery() {
        return slippery;
    }

    /**
     * A random {@code size x size} map with {@code S} in the top-left corner, {@code G} in the
     * bottom-right one, every other cell frozen with probability {@code p} (a hole otherwise), and
     * a path from start to goal (the reference's {@code generate_random_map}): maps are drawn
     * until one has a path. The reference clips {@code p} to at most 1, and so does this.
     *
     * @throws IllegalArgumentException if {@code size < 2} or {@code p <= 0}, where the reference
     *     would draw forever
     */
    public static List<String> generateRandomMap(int size, double p, long seed) {
        return generateRandomMap(size, p, new Rng(seed));
    }

    /** {@link #generateRandomMap(int, double, long)} drawing from {@code rng}. */
    public static List<String> generateRandomMap(int size, double p, Rng rng) {
        if (size < 2) {
            throw new IllegalArgumentException("FrozenLake random map size must be at least 2 (start and goal cells "
                    + "must differ), got " + size);
        }
        if (!(p > 0)) {
            throw new IllegalArgumentException("FrozenLake random map frozen-cell probability p must be > 0 (with "
                    + "no frozen cell no map has a path), got " + p);
        }
        double frozen = Math.min(1, p);
        char[][] board = new char[size][size];
        do {
            for (char[] row : board) {
                for (int c = 0; c < size; c++) {
                    row[c] = rng.nextDouble() < frozen ? 'F' : 'H';
                }
            }
            board[0][0] = 'S';
            board[size - 1][size - 1] = 'G';
        } while (!hasPath(board));
        List<String> rows = new ArrayList<>(size);
        for (char[] row : board) {
            rows.add(new String(row));
        }
        return List.copyOf(rows);
    }

    /** Depth-first search from the top-left cell to a {@code G} cell, not crossing holes. */
    private static boolean hasPath(char[][] board) {
        int nrow = board.length;
        int ncol = board[0].length;
        boolean[][] discovered = new boolean[nrow][ncol];
        Deque<int[]> frontier = new ArrayDeque<>();
        frontier.push(new int[] {0, 0});
        int[][] directions = {{1, 0}, {0, 1}, {-1, 0}, {0, -1}};
        while (!frontier.isEmpty()) {
            int[] cell = frontier.pop();
            if (discovered[cell[0]][cell[1]]) {
                continue;
            }
            discovered[cell[0]][cell[1]] = true;
            for (int[] d : directions) {
                int r = cell[0] + d[0];
                int c = cell[1] + d[1];
                if (r < 0 || r >= nrow || c < 0 || c >= ncol) {
                    continue;
                }
                if (board[r][c] == 'G') {
                    return true;
                }
                if (board[r][c] != 'H') {
                    frontier.push(new int[] {r, c});
                }
            }
        }
        return false;
    }

    /** {@code desc}, checked: the reference would fail later, or silently treat odd letters as ice. */
    private static List<String> validated(String id, List<String> desc) {
        if (desc == null || desc.isEmpty() || desc.stream().anyMatch(Objects::isNull)) {
            throw new IllegalArgumentException(id + ": desc must hold at least one row and no null, got " + desc);
        }
        int ncol = desc.get(0).length();
        boolean hasStart = false;
        for (String row : desc) {
            if (row.isEmpty() || row.length() != ncol) {
                throw new IllegalArgumentException(id + ": desc rows must be non-empty and equally long, got " + desc);
            }
            for (char ch : row.toCharArray()) {
                if ("SFHG".indexOf(ch) < 0) {
                    throw new IllegalArgumentException(id + ": desc may only hold the letters S, F, H, G; got '"
                            + ch + "' in " + desc);
                }
                hasStart |= ch == 'S';
            }
        }
        if (!hasStart) {
            throw new IllegalArgumentException(id + ": desc needs a start cell 'S', got " + desc);
        }
        return desc;
    }

    private static double[] startWeights(List<String> desc) {
        int ncol = desc.get(0).length();
        double[] weights = new double[desc.size() * ncol];
        for (int s = 0; s < weights.length; s++) {
            weights[s] = letter(desc, s / ncol, s % ncol) == 'S' ? 1 : 0;
        }
        return weights;
    }

    private static TransitionTable table(List<String> desc, boolean slippery) {
        int nrow = desc.size();
        int ncol = desc.get(0).length();
        return TransitionTable.build(nrow * ncol, NUM_ACTIONS, (s, a) -> {
            int row = s / ncol;
            int col = s % ncol;
            char here = letter(desc, row, col);
            if (here == 'G' || here == 'H') {
                // Terminal cells are absorbing: the reference steps from them with reward 0.
                return List.of(new Transition(1.0, s, 0, true));
            }
            if (!slippery) {
                return List.of(move(desc, row, col, a, 1.0));
            }
            return List.of(
                    move(desc, row, col, (a + NUM_ACTIONS - 1) % NUM_ACTIONS, 1.0 / 3.0),
                    move(desc, row, col, a, 1.0 / 3.0),
                    move(desc, row, col, (a + 1) % NUM_ACTIONS, 1.0 / 3.0));
        });
    }

    private static Transition move(List<String> desc, int row, int col, int direction, double probability) {
        int nrow = desc.size();
        int ncol = desc.get(0).length();
        switch (direction) {
            case LEFT -> col = Math.max(col - 1, 0);
            case DOWN -> row = Math.min(row + 1, nrow - 1);
            case RIGHT -> col = Math.min(col + 1, ncol - 1);
            case UP -> row = Math.max(row - 1, 0);
            default -> throw new IllegalArgumentException("no direction " + direction);
        }
        char there = letter(desc, row, col);
        return new Transition(probability, row * ncol + col, there == 'G' ? 1 : 0, there == 'G' || there == 'H');
    }

    private static char letter(List<String> desc, int row, int col) {
        return desc.get(row).charAt(col);
    }
}

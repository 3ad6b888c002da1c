package io.github.jrl.envs.toytext;

import java.util.List;
import java.util.Map;

/**
 * Taxi-v3 of Gymnasium 0.29.1 ({@code gymnasium/envs/toy_text/taxi.py}), the taxi domain of
 * T. G. Dietterich, "Hierarchical Reinforcement Learning with the MAXQ Value Function
 * Decomposition", JAIR 13 (2000): drive a taxi on a 5x5 grid with walls to the passenger, pick
 * them up, drive to their destination and drop them off.
 *
 * <p>The four designated locations are R (0, 0), G (0, 4), Y (4, 0) and B (4, 3). A state encodes
 * the taxi's row and column, the passenger's location (0-3 a designated location, 4 in the
 * taxi) and the destination (0-3) as {@code ((row * 5 + col) * 5 + passenger) * 4 + destination}
 * ({@link #encode}, {@link #decode}). Actions: {@link #SOUTH}, {@link #NORTH}, {@link #EAST},
 * {@link #WEST}, {@link #PICKUP}, {@link #DROPOFF}. Every step costs -1; dropping the passenger at
 * the destination gives +20 and terminates; a pickup where the passenger is not, or a dropoff with
 * no passenger or off the designated locations, costs -10. Dropping the passenger at another
 * designated location leaves them there (reward -1). Moving into a wall or the border is a no-op.
 *
 * <p>Reset draws uniformly among the 300 states with the passenger waiting at a designated
 * location other than the destination. The info maps of reset and step hold {@code "prob"} (1.0)
 * and {@code "action_mask"}, a {@code byte[6]} marking the actions that change the state
 * ({@link #actionMask}), as the reference's {@code int8} array.
 */
public final class Taxi extends TabularEnvironment {

    public static final int SOUTH = 0;
    public static final int NORTH = 1;
    public static final int EAST = 2;
    public static final int WEST = 3;
    public static final int PICKUP = 4;
    public static final int DROPOFF = 5;

    public static final int NUM_STATES = 500;
    public static final int NUM_ACTIONS = 6;
    /** Passenger location meaning "in the taxi". */
    public static final int IN_TAXI = 4;

    /** The reference's map: {@code |} is a wall between two cells, {@code :} none. */
    public static final List<String> MAP = List.of(
            "+---------+",
            "|R: | : :G|",
            "| : | : : |",
            "| : : : : |",
            "| | : | : |",
            "|Y| : |B: |",
            "+---------+");

    /** Rows and columns of R, G, Y, B, indexed by passenger location / destination. */
    private static final int[][] LOCS = {{0, 0}, {0, 4}, {4, 0}, {4, 3}};
    private static final int SIZE = 5;

    /** A decoded state. */
    public record DecodedState(int taxiRow, int taxiCol, int passengerLocation, int destination) {

        public int encode() {
            return Taxi.encode(taxiRow, taxiCol, passengerLocation, destination);
        }
    }

    /** Shared by all instances: none is modified (masks are copied on the way out). */
    private static final TransitionTable TABLE = table();
    private static final double[] START_WEIGHTS = startWeights();
    private static final byte[][] ACTION_MASKS = actionMasks();

    public Taxi() {
        super("Taxi-v3", TABLE, START_WEIGHTS);
    }

    /**
     * The state index of a taxi at {@code (taxiRow, taxiCol)}, the passenger at location
     * {@code passengerLocation} (0-3, or {@link #IN_TAXI}) and destination {@code destination} (0-3).
     */
    public static int encode(int taxiRow, int taxiCol, int passengerLocation, int destination) {
        if (taxiRow < 0 || taxiRow >= SIZE || taxiCol < 0 || taxiCol >= SIZE || passengerLocation < 0
                || passengerLocation > IN_TAXI || destination < 0 || destination >= LOCS.length) {
            throw new IllegalArgumentException("Taxi state needs row and column in [0, 5), passenger location in "
                    + "[0, 4] and destination in [0, 3], got (" + taxiRow + ", " + taxiCol + ", "
                    + passengerLocation + ", " + destination + ")");
        }
        return ((taxiRow * SIZE + taxiCol) * (LOCS.length + 1) + passengerLocation) * LOCS.length + destination;
    }

    /** The components of state {@code state}. */
    public static DecodedState decode(int state) {
        requireState(state);
        int destination = state % LOCS.length;
        int rest = state / LOCS.length;
        int passenger = rest % (LOCS.length + 1);
        rest /= LOCS.length + 1;
        return new DecodedState(rest / SIZE, rest % SIZE, passenger, destination);
    }

    /**
     * Which actions change state {@code state} (1) and which are no-ops or illegal (0), as the
     * reference's {@code action_mask}; a fresh array.
     */
    public static byte[] actionMask(int state) {
        requireState(state);
        return ACTION_MASKS[state].clone();
    }

    private static void requireState(int state) {
        if (state < 0 || state >= NUM_STATES) {
            throw new IllegalArgumentException("Taxi state must be in [0, " + NUM_STATES + "), got " + state);
        }
    }

    @Override
    protected Map<String, Object> info(double probability, int newState) {
        return Map.of("prob", probability, "action_mask", ACTION_MASKS[newState].clone());
    }

    private static byte[][] actionMasks() {
        byte[][] masks = new byte[NUM_STATES][];
        for (int s = 0; s < NUM_STATES; s++) {
            masks[s] = maskOf(decode(s));
        }
        return masks;
    }

    private static byte[] maskOf(DecodedState d) {
        byte[] mask = new byte[NUM_ACTIONS];
        int row = d.taxiRow();
        int col = d.taxiCol();
        mask[SOUTH] = (byte) (row < SIZE - 1 ? 1 : 0);
        mask[NORTH] = (byte) (row > 0 ? 1 : 0);
        mask[EAST] = (byte) (col < SIZE - 1 && canMoveEast(row, col) ? 1 : 0);
        mask[WEST] = (byte) (col > 0 && canMoveWest(row, col) ? 1 : 0);
        mask[PICKUP] = (byte) (d.passengerLocation() < IN_TAXI && at(row, col, d.passengerLocation()) ? 1 : 0);
        // The reference also tests the destination, which is one of the locations anyway.
        mask[DROPOFF] = (byte) (d.passengerLocation() == IN_TAXI && location(row, col) >= 0 ? 1 : 0);
        return mask;
    }

    private static double[] startWeights() {
        double[] weights = new double[NUM_STATES];
        for (int s = 0; s < NUM_STATES; s++) {
            DecodedState d = decode(s);
            weights[s] = d.passengerLocation() < IN_TAXI && d.passengerLocation() != d.destination() ? 1 : 0;
        }
        return weights;
    }

    private static TransitionTable table() {
        return TransitionTable.build(NUM_STATES, NUM_ACTIONS, (s, action) -> {
            DecodedState d = decode(s);
            int row = d.taxiRow();
            int col = d.taxiCol();
            int passenger = d.passengerLocation();
            double reward = -1;
            boolean terminated = false;
            switch (action) {
                case SOUTH -> row = Math.min(row + 1, SIZE - 1);
                case NORTH -> row = Math.max(row - 1, 0);
                case EAST -> col = canMoveEast(row, col) ? Math.min(col + 1, SIZE - 1) : col;
                case WEST -> col = canMoveWest(row, col) ? Math.max(col - 1, 0) : col;
                case PICKUP -> {
                    if (passenger < IN_TAXI && at(row, col, passenger)) {
                        passenger = IN_TAXI;
                    } else {
                        reward = -10;
                    }
                }
                case DROPOFF -> {
                    if (passenger == IN_TAXI && at(row, col, d.destination())) {
                        passenger = d.destination();
                        terminated = true;
                        reward = 20;
                    } else if (passenger == IN_TAXI && location(row, col) >= 0) {
                        passenger = location(row, col);
                    } else {
                        reward = -10;
                    }
                }
                default -> throw new IllegalArgumentException("no Taxi action " + action);
            }
            return List.of(new Transition(1.0, encode(row, col, passenger, d.destination()), reward, terminated));
        });
    }

    private static boolean canMoveEast(int row, int col) {
        return MAP.get(1 + row).charAt(2 * col + 2) == ':';
    }

    private static boolean canMoveWest(int row, int col) {
        return MAP.get(1 + row).charAt(2 * col) == ':';
    }

    private static boolean at(int row, int col, int loc) {
        return LOCS[loc][0] == row && LOCS[loc][1] == col;
    }

    /** The designated location at {@code (row, col)}, or -1. */
    private static int location(int row, int col) {
        for (int loc = 0; loc < LOCS.length; loc++) {
            if (at(row, col, loc)) {
                return loc;
            }
        }
        return -1;
    }
}

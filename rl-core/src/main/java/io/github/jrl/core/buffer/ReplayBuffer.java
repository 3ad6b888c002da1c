package io.github.jrl.core.buffer;

import io.github.jrl.core.random.Rng;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/**
 * Off-policy experience: the latest {@code capacity} transitions {@code (s, a, r, s', terminated,
 * truncated)} in a ring of primitive arrays (no object per transition), sampled uniformly with
 * replacement as Stable-Baselines3's {@code ReplayBuffer.sample} ({@code randint(0, size)}).
 *
 * <p><b>Termination and truncation are stored apart.</b> A soft or plain TD target bootstraps
 * from {@code s'} unless the transition <em>terminated</em> (a terminal state of the MDP has value
 * 0); a time-limit truncation does not stop the bootstrap. SB3 reaches the same result by storing
 * {@code dones} and {@code timeouts} and using {@code dones * (1 - timeouts)}. The next
 * observation is stored per transition (SB3's default, {@code optimize_memory_usage=False}):
 * with a vector env's same-step autoreset, the {@code s'} of a finished episode is its final
 * observation, not the first observation of the next episode that the env now shows.
 *
 * <p><b>Memory</b>: {@code capacity * (4 * (2 * observationSize + actionSize + 1) + 2)} bytes on
 * the Java heap, allocated up front (see {@link #bytes}): Pendulum-v1 (3 + 1 floats) with SB3's
 * default capacity of 1e6 takes 34 MB; CartPole-v1 (4 + 1) 42 MB. Capacity is capped so that each
 * array stays a Java array ({@code capacity * observationSize < 2^31}).
 *
 * <p>Actions are stored in the algorithm's own encoding (SAC stores its squashed actions in
 * [-1, 1]; a discrete action is its index as a float). Not thread-safe.
 */
public final class ReplayBuffer {

    private final int capacity;
    private final int observationSize;
    private final int actionSize;
    private final Transitions storage;
    private int position;
    private int size;

    public ReplayBuffer(int capacity, int observationSize, int actionSize) {
        if (capacity <= 0 || observationSize <= 0 || actionSize <= 0) {
            throw new IllegalArgumentException("capacity, observationSize and actionSize must be positive, got capacity="
                    + capacity + ", observationSize=" + observationSize + ", actionSize=" + actionSize);
        }
        if ((long) capacity * Math.max(observationSize, actionSize) > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("capacity " + capacity + " x " + Math.max(observationSize, actionSize)
                    + " floats per row exceeds a Java array; use a capacity below "
                    + (Integer.MAX_VALUE - 8) / Math.max(observationSize, actionSize));
        }
        this.capacity = capacity;
        this.observationSize = observationSize;
        this.actionSize = actionSize;
        this.storage = new Transitions(capacity, observationSize, actionSize);
    }

    /** Heap bytes a buffer of this shape holds: {@code capacity * (4 * (2 obs + act + 1) + 2)}. */
    public static long bytes(int capacity, int observationSize, int actionSize) {
        return (long) capacity * (4L * (2L * observationSize + actionSize + 1) + 2);
    }

    public int capacity() {
        return capacity;
    }

    public int observationSize() {
        return observationSize;
    }

    public int actionSize() {
        return actionSize;
    }

    /** Transitions held, at most {@link #capacity()}. */
    public int size() {
        return size;
    }

    /**
     * Appends {@code rows} transitions (e.g. one step of a vector env's copies), overwriting the
     * oldest once full. Row {@code i} of each array is transition {@code i}.
     *
     * @throws IllegalArgumentException if an array is shorter than {@code rows} transitions need,
     *     or a reward or observation is not finite (it would poison every target it enters)
     */
    public void add(int rows, float[] stepObservations, float[] stepActions, float[] stepRewards,
            float[] stepNextObservations, boolean[] stepTerminated, boolean[] stepTruncated) {
        if (rows <= 0) {
            throw new IllegalArgumentException("rows must be positive, got " + rows);
        }
        requireLength("observations", stepObservations, rows * observationSize);
        requireLength("nextObservations", stepNextObservations, rows * observationSize);
        requireLength("actions", stepActions, rows * actionSize);
        requireLength("rewards", stepRewards, rows);
        if (stepTerminated.length < rows || stepTruncated.length < rows) {
            throw new IllegalArgumentException("need " + rows + " terminated and truncated flags, got "
                    + stepTerminated.length + " and " + stepTruncated.length);
        }
        requireFinite("reward", stepRewards, rows);
        requireFinite("observation", stepObservations, rows * observationSize);
        requireFinite("next observation", stepNextObservations, rows * observationSize);
        for (int i = 0; i < rows; i++) {
            storage.put(position, stepObservations, stepNextObservations, stepActions, stepRewards, stepTerminated,
                    stepTruncated, i);
            position = (position + 1) % capacity;
            size = Math.min(size + 1, capacity);
        }
    }

    private static void requireLength(String name, float[] values, int length) {
        if (values.length < length) {
            throw new IllegalArgumentException("need " + length + " " + name + " floats, got " + values.length);
        }
    }

    private static void requireFinite(String name, float[] values, int length) {
        for (int k = 0; k < length; k++) {
            if (!Float.isFinite(values[k])) {
                throw new IllegalArgumentException(name + " value " + values[k] + " at index " + k
                        + " is not finite; a replay buffer stores finite transitions only");
            }
        }
    }

    /** A batch of {@code batchSize} transitions with preallocated arrays, for {@link #sample}. */
    public Batch newBatch(int batchSize) {
        return new Batch(batchSize, observationSize, actionSize);
    }

    /**
     * Fills {@code batch} with {@code batch.size()} transitions drawn uniformly with replacement
     * from {@code rng}.
     *
     * @throws IllegalStateException if the buffer is empty
     */
    public void sample(Rng rng, Batch batch) {
        if (batch.rows.observationSize != observationSize || batch.rows.actionSize != actionSize) {
            throw new IllegalArgumentException("batch of " + batch.rows.observationSize + "/" + batch.rows.actionSize
                    + " floats per observation/action does not fit a buffer of " + observationSize + "/" + actionSize);
        }
        if (size == 0) {
            throw new IllegalStateException("cannot sample from an empty replay buffer");
        }
        for (int k = 0; k < batch.size; k++) {
            int row = rng.nextInt(size);
            batch.indices[k] = row;
            storage.copyRow(row, batch.rows, k);
        }
    }

    /**
     * Writes the held transitions and the ring position; {@link #readFrom} restores them into a
     * buffer of the same shape. Only the {@link #size()} filled rows are written.
     */
    public void writeTo(DataOutputStream out) throws IOException {
        out.writeInt(capacity);
        out.writeInt(observationSize);
        out.writeInt(actionSize);
        out.writeInt(size);
        out.writeInt(position);
        writeFloats(out, storage.observations, size * observationSize);
        writeFloats(out, storage.nextObservations, size * observationSize);
        writeFloats(out, storage.actions, size * actionSize);
        writeFloats(out, storage.rewards, size);
        for (int i = 0; i < size; i++) {
            out.writeByte((storage.terminated[i] ? 1 : 0) | (storage.truncated[i] ? 2 : 0));
        }
    }

    /**
     * Replaces this buffer's content with what {@link #writeTo} wrote. Decodes everything before
     * changing anything, so a malformed input leaves the buffer as it was.
     *
     * @throws IOException if the input is malformed or was written by a buffer of another shape
     */
    public void readFrom(DataInputStream in) throws IOException {
        int savedCapacity = in.readInt();
        int savedObservation = in.readInt();
        int savedAction = in.readInt();
        if (savedCapacity != capacity || savedObservation != observationSize || savedAction != actionSize) {
            throw new IOException("replay buffer of capacity " + savedCapacity + " with " + savedObservation + "/"
                    + savedAction + " floats per observation/action cannot be restored into one of capacity " + capacity
                    + " with " + observationSize + "/" + actionSize);
        }
        int savedSize = in.readInt();
        int savedPosition = in.readInt();
        if (savedSize < 0 || savedSize > capacity || savedPosition < 0 || savedPosition >= capacity
                || (savedSize < capacity && savedPosition != savedSize)) {
            throw new IOException("inconsistent replay buffer: size " + savedSize + ", position " + savedPosition
                    + ", capacity " + capacity);
        }
        float[] obs = readFloats(in, savedSize * observationSize);
        float[] nextObs = readFloats(in, savedSize * observationSize);
        float[] acts = readFloats(in, savedSize * actionSize);
        float[] rews = readFloats(in, savedSize);
        byte[] flags = new byte[savedSize];
        in.readFully(flags);
        for (int i = 0; i < savedSize; i++) {
            if ((flags[i] & ~3) != 0) {
                throw new IOException("invalid flags " + flags[i] + " of transition " + i);
            }
        }
        System.arraycopy(obs, 0, storage.observations, 0, obs.length);
        System.arraycopy(nextObs, 0, storage.nextObservations, 0, nextObs.length);
        System.arraycopy(acts, 0, storage.actions, 0, acts.length);
        System.arraycopy(rews, 0, storage.rewards, 0, rews.length);
        for (int i = 0; i < savedSize; i++) {
            storage.terminated[i] = (flags[i] & 1) != 0;
            storage.truncated[i] = (flags[i] & 2) != 0;
        }
        size = savedSize;
        position = savedPosition;
    }

    private static void writeFloats(DataOutputStream out, float[] values, int length) throws IOException {
        for (int i = 0; i < length; i++) {
            out.writeFloat(values[i]);
        }
    }

    private static float[] readFloats(DataInputStream in, int length) throws IOException {
        float[] values = new float[length];
        for (int i = 0; i < length; i++) {
            values[i] = in.readFloat();
        }
        return values;
    }

    @Override
    public String toString() {
        return "ReplayBuffer[" + size + "/" + capacity + " transitions, " + observationSize + " + " + actionSize
                + " floats]";
    }

    /**
     * Transitions sampled by {@link ReplayBuffer#sample}: row {@code k} of each array is sample
     * {@code k}. The arrays are owned by the batch and overwritten by the next sample.
     */
    public static final class Batch {
        private final int size;
        private final int[] indices;
        private final Transitions rows;

        public Batch(int size, int observationSize, int actionSize) {
            if (size <= 0 || observationSize <= 0 || actionSize <= 0) {
                throw new IllegalArgumentException("batch size, observationSize and actionSize must be positive, got "
                        + size + ", " + observationSize + ", " + actionSize);
            }
            this.size = size;
            this.indices = new int[size];
            this.rows = new Transitions(size, observationSize, actionSize);
        }

        public int size() {
            return size;
        }

        /** Buffer rows the samples came from. */
        public int[] indices() {
            return indices;
        }

        public float[] observations() {
            return rows.observations;
        }

        public float[] nextObservations() {
            return rows.nextObservations;
        }

        public float[] actions() {
            return rows.actions;
        }

        public float[] rewards() {
            return rows.rewards;
        }

        /** Whether the transition reached a terminal state: its target must not bootstrap. */
        public boolean[] terminated() {
            return rows.terminated;
        }

        /** Whether a time limit cut the episode after this transition: its target still bootstraps. */
        public boolean[] truncated() {
            return rows.truncated;
        }
    }
}

package io.github.jrl.core.vector;

import io.github.jrl.core.env.Environment;
import io.github.jrl.core.parallel.WorkerTeam;
import java.util.function.Supplier;

/**
 * A {@link VectorEnv} that splits its copies into contiguous slices stepped on several threads.
 * Every copy has its own generator and nothing is shared between slices, so results are
 * identical to {@link SyncVectorEnv}'s for the same seeds, whatever the thread count.
 *
 * <p>The calling thread steps the first slice; the long-lived workers of a {@link WorkerTeam}
 * step the others, spinning briefly for the next step before they park, because an executor's
 * hand-off (tens of microseconds) would cost more than stepping a slice of cheap environments.
 * Even so, the synchronous version is faster for the cheapest environments at small N; see
 * docs/benchmarks.md.
 */
public final class ThreadedVectorEnv<O, A> extends AbstractVectorEnv<O, A> {

    private final int[] sliceStart;
    private final WorkerTeam team;
    private boolean stepMode;
    private boolean closed;

    /**
     * @param numThreads threads to use, at most {@code numEnvs}; the calling thread runs the
     *     first slice, so {@code numThreads - 1} workers are started
     */
    public ThreadedVectorEnv(Supplier<? extends Environment<O, A>> factory, int numEnvs, int numThreads) {
        super(factory, numEnvs, 0);
        if (numThreads <= 0 || numThreads > numEnvs) {
            throw new IllegalArgumentException("numThreads must be in [1, numEnvs=" + numEnvs + "], got " + numThreads);
        }
        sliceStart = new int[numThreads + 1];
        for (int t = 0; t <= numThreads; t++) {
            sliceStart[t] = (int) ((long) numEnvs * t / numThreads);
        }
        team = new WorkerTeam(numThreads, "jrl-vector-env");
    }

    public int numThreads() {
        return sliceStart.length - 1;
    }

    @Override
    void runOverCopies(boolean step) {
        if (closed) {
            throw new IllegalStateException("this vector env is closed");
        }
        stepMode = step;
        team.run(this::runSlice);
    }

    private void runSlice(int slice) {
        if (stepMode) {
            stepRange(sliceStart[slice], sliceStart[slice + 1]);
        } else {
            resetRange(sliceStart[slice], sliceStart[slice + 1]);
        }
    }

    @Override
    public void close() {
        closed = true;
        team.close();
        super.close();
    }
}

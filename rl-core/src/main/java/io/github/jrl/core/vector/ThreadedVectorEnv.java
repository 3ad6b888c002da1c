package io.github.jrl.core.vector;

import io.github.jrl.core.env.Environment;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

/**
 * A {@link VectorEnv} that splits its copies into contiguous slices stepped on several threads.
 * Every copy has its own generator and nothing is shared between slices, so results are
 * identical to {@link SyncVectorEnv}'s for the same seeds, whatever the thread count.
 *
 * <p>Worth it when one step of a copy costs more than the hand-off between threads (a few
 * microseconds): physics-heavy or text environments, or many copies. For the cheapest
 * environments the synchronous version is faster; see docs/benchmarks.md.
 */
public final class ThreadedVectorEnv<O, A> extends AbstractVectorEnv<O, A> {

    private final ExecutorService pool;
    private final int[] sliceStart;

    /**
     * @param numThreads threads to use, at most {@code numEnvs}; the calling thread runs the
     *     first slice, so {@code numThreads - 1} workers are started
     */
    public ThreadedVectorEnv(Supplier<? extends Environment<O, A>> factory, int numEnvs, int numThreads) {
        super(factory, numEnvs);
        if (numThreads <= 0 || numThreads > numEnvs) {
            throw new IllegalArgumentException("numThreads must be in [1, numEnvs=" + numEnvs + "], got " + numThreads);
        }
        sliceStart = new int[numThreads + 1];
        for (int t = 0; t <= numThreads; t++) {
            sliceStart[t] = (int) ((long) numEnvs * t / numThreads);
        }
        pool = numThreads > 1 ? Executors.newFixedThreadPool(numThreads - 1, runnable -> {
            Thread thread = new Thread(runnable, "jrl-vector-env");
            thread.setDaemon(true);
            return thread;
        }) : null;
    }

    public int numThreads() {
        return sliceStart.length - 1;
    }

    @Override
    void runOverCopies(boolean step) {
        int slices = numThreads();
        List<Future<?>> futures = new ArrayList<>(slices - 1);
        for (int t = 1; t < slices; t++) {
            int from = sliceStart[t];
            int to = sliceStart[t + 1];
            futures.add(pool.submit(() -> run(step, from, to)));
        }
        RuntimeException failure = null;
        try {
            run(step, sliceStart[0], sliceStart[1]);
        } catch (RuntimeException e) {
            failure = e;
        }
        for (Future<?> future : futures) {
            try {
                future.get();
            } catch (ExecutionException e) {
                RuntimeException cause = e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
                if (failure == null) {
                    failure = cause;
                } else {
                    failure.addSuppressed(cause);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while stepping a vector env", e);
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    private void run(boolean step, int from, int to) {
        if (step) {
            stepRange(from, to);
        } else {
            resetRange(from, to);
        }
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.shutdownNow();
        }
        super.close();
    }
}

package io.github.jrl.core.vector;

import io.github.jrl.core.env.Environment;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

/**
 * A {@link VectorEnv} that splits its copies into contiguous slices stepped on several threads.
 * Every copy has its own generator and nothing is shared between slices, so results are
 * identical to {@link SyncVectorEnv}'s for the same seeds, whatever the thread count.
 *
 * <p>The calling thread steps the first slice; long-lived worker threads step the others. A
 * worker spins briefly for the next step before parking, because an executor's hand-off (tens
 * of microseconds) would cost more than stepping a slice of cheap environments. Even so, the
 * synchronous version is faster for the cheapest environments at small N; see
 * docs/benchmarks.md.
 */
public final class ThreadedVectorEnv<O, A> extends AbstractVectorEnv<O, A> {

    /** Spin iterations before a waiting thread parks: roughly tens of microseconds. */
    private static final int SPINS_BEFORE_PARK = 20_000;

    private final int[] sliceStart;
    private final Thread[] workers;
    private final AtomicInteger pending = new AtomicInteger();
    private final RuntimeException[] failures;
    private volatile long generation;
    private volatile boolean closed;
    private boolean stepMode;
    private Thread caller;

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
        failures = new RuntimeException[numThreads];
        workers = new Thread[numThreads - 1];
        for (int t = 1; t < numThreads; t++) {
            workers[t - 1] = new Worker(t);
            workers[t - 1].start();
        }
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
        caller = Thread.currentThread();
        pending.set(workers.length);
        generation++; // volatile write: publishes the actions and the mode to the workers
        for (Thread worker : workers) {
            LockSupport.unpark(worker);
        }
        try {
            runSlice(0);
        } catch (RuntimeException e) {
            failures[0] = e;
        }
        int spins = 0;
        while (pending.get() > 0) {
            if (++spins < SPINS_BEFORE_PARK) {
                Thread.onSpinWait();
            } else {
                LockSupport.parkNanos(this, 50_000);
            }
        }
        RuntimeException failure = null;
        for (int t = 0; t < failures.length; t++) {
            if (failures[t] != null) {
                if (failure == null) {
                    failure = failures[t];
                } else {
                    failure.addSuppressed(failures[t]);
                }
                failures[t] = null;
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    private void runSlice(int slice) {
        if (stepMode) {
            stepRange(sliceStart[slice], sliceStart[slice + 1]);
        } else {
            resetRange(sliceStart[slice], sliceStart[slice + 1]);
        }
    }

    private final class Worker extends Thread {
        private final int slice;

        Worker(int slice) {
            super("jrl-vector-env-" + slice);
            this.slice = slice;
            setDaemon(true);
        }

        @Override
        public void run() {
            long seen = 0;
            while (true) {
                int spins = 0;
                long current;
                while ((current = generation) == seen && !closed) {
                    if (++spins < SPINS_BEFORE_PARK) {
                        Thread.onSpinWait();
                    } else {
                        LockSupport.park(this);
                    }
                }
                if (closed) {
                    return;
                }
                seen = current;
                try {
                    runSlice(slice);
                } catch (RuntimeException e) {
                    failures[slice] = e;
                }
                if (pending.decrementAndGet() == 0) {
                    LockSupport.unpark(caller);
                }
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        for (Thread worker : workers) {
            LockSupport.unpark(worker);
        }
        for (Thread worker : workers) {
            try {
                worker.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        super.close();
    }
}

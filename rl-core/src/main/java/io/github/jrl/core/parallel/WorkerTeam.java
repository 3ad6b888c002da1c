package io.github.jrl.core.parallel;

import java.lang.ref.Cleaner;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntConsumer;

/**
 * A team of {@code size} threads that run one task each and return when all are done: the
 * calling thread is member 0, long-lived daemon workers are members 1 to {@code size - 1}. It
 * serves work split into a few slices that recur every few hundred microseconds (a vector env's
 * copies, the twin critics of a SAC gradient step), where an executor's hand-off would cost more
 * than it saves: a waiting thread spins briefly (tens of microseconds) before it parks, so a
 * task that follows soon after the last one starts without a wake-up.
 *
 * <p>Tasks that share no mutable state give the same results as running them one after the
 * other, whatever the team size. A task's exception is rethrown by {@link #run} once every
 * member has finished (the first one, with the others suppressed). One caller thread at a time.
 * {@link #close()} stops the workers; they also stop once the team becomes unreachable.
 */
public final class WorkerTeam implements AutoCloseable {

    /** Spin iterations before a waiting thread parks: roughly tens of microseconds. */
    private static final int SPINS_BEFORE_PARK = 20_000;
    private static final Cleaner CLEANER = Cleaner.create();

    /**
     * The team size {@link #runPair} uses: 2 where the machine has a second core, else 1. The
     * results of tasks that share no mutable state do not depend on it; only the speed does.
     */
    public static final int PAIR_SIZE = Runtime.getRuntime().availableProcessors() >= 2 ? 2 : 1;

    private final State state;
    private final Cleaner.Cleanable cleanable;

    /**
     * @param size threads in the team, the caller included (1 runs everything on the caller)
     * @param name prefix of the worker threads' names
     */
    public WorkerTeam(int size, String name) {
        if (size < 1) {
            throw new IllegalArgumentException("a team needs at least one member (the caller), got size " + size);
        }
        state = new State(size);
        for (int member = 1; member < size; member++) {
            Thread worker = new Thread(new Worker(state, member), name + "-" + member);
            worker.setDaemon(true);
            state.workers[member - 1] = worker;
            worker.start();
        }
        // the workers hold the state, never the team, so an unreachable team can stop them
        cleanable = CLEANER.register(this, state::stop);
    }

    public int size() {
        return state.failures.length;
    }

    /**
     * Runs {@code first} on the caller and {@code second} on the first worker at once (other
     * members idle), or one after the other on a team of one: two slices of work that share no
     * mutable state, such as the twin critics of an actor-critic step.
     */
    public void runPair(Runnable first, Runnable second) {
        if (size() == 1) {
            first.run();
            second.run();
        } else {
            run(member -> {
                if (member == 0) {
                    first.run();
                } else if (member == 1) {
                    second.run();
                }
            });
        }
    }

    /** Runs {@code task.accept(member)} for every member at once; returns when all have finished. */
    public void run(IntConsumer task) {
        State s = state;
        if (s.stopped) {
            throw new IllegalStateException("this worker team is closed");
        }
        if (s.workers.length == 0) {
            task.accept(0);
            return;
        }
        s.task = task;
        s.caller = Thread.currentThread();
        s.pending.set(s.workers.length);
        s.generation++; // volatile write: publishes the task to the workers
        for (Thread worker : s.workers) {
            LockSupport.unpark(worker);
        }
        try {
            task.accept(0);
        } catch (RuntimeException | Error e) {
            s.failures[0] = e;
        }
        int spins = 0;
        while (s.pending.get() > 0) {
            if (++spins < SPINS_BEFORE_PARK) {
                Thread.onSpinWait();
            } else {
                LockSupport.parkNanos(this, 50_000);
            }
        }
        s.task = null; // let the task's captures go
        Throwable failure = null;
        for (int member = 0; member < s.failures.length; member++) {
            if (s.failures[member] != null) {
                if (failure == null) {
                    failure = s.failures[member];
                } else {
                    failure.addSuppressed(s.failures[member]);
                }
                s.failures[member] = null;
            }
        }
        if (failure instanceof RuntimeException e) {
            throw e;
        }
        if (failure instanceof Error e) {
            throw e;
        }
    }

    /** Stops the workers and waits for them to end. */
    @Override
    public void close() {
        cleanable.clean();
        for (Thread worker : state.workers) {
            try {
                worker.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** What the caller and the workers share. */
    private static final class State {
        final Thread[] workers;
        final Throwable[] failures;
        final AtomicInteger pending = new AtomicInteger();
        volatile long generation;
        volatile boolean stopped;
        volatile IntConsumer task;
        volatile Thread caller;

        State(int size) {
            workers = new Thread[size - 1];
            failures = new Throwable[size];
        }

        void stop() {
            stopped = true;
            for (Thread worker : workers) {
                LockSupport.unpark(worker);
            }
        }
    }

    private static final class Worker implements Runnable {
        private final State state;
        private final int member;

        Worker(State state, int member) {
            this.state = state;
            this.member = member;
        }

        @Override
        public void run() {
            long seen = 0;
            while (true) {
                int spins = 0;
                long current;
                while ((current = state.generation) == seen && !state.stopped) {
                    if (++spins < SPINS_BEFORE_PARK) {
                        Thread.onSpinWait();
                    } else {
                        LockSupport.park(this);
                    }
                }
                if (state.stopped) {
                    return;
                }
                seen = current;
                try {
                    state.task.accept(member);
                } catch (RuntimeException | Error e) {
                    state.failures[member] = e;
                }
                if (state.pending.decrementAndGet() == 0) {
                    LockSupport.unpark(state.caller);
                }
            }
        }
    }
}

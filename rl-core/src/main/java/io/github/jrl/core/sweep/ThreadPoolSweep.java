package io.github.jrl.core.sweep;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a sweep's trials on a fixed pool of threads, at most {@code concurrency} at once, starting
 * them in the sweep's order (Ray Tune's {@code max_concurrent_trials}).
 *
 * <p>Results do not depend on the concurrency: each trial's randomness follows from its spec, and
 * a report waits until every earlier trial has ended or reported at or past the same step before
 * the scheduler decides, so the scheduler sees what a one-at-a-time sweep shows it (see
 * {@link TrialScheduler}). The waiting cannot deadlock: the earliest running trial never waits, and
 * every earlier trial has been started, since the pool takes trials in order.
 */
public final class ThreadPoolSweep {

    private static final Logger LOG = LoggerFactory.getLogger(ThreadPoolSweep.class);

    private final int concurrency;

    /** @param concurrency trials running at once, >= 1 */
    public ThreadPoolSweep(int concurrency) {
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be >= 1, got " + concurrency);
        }
        this.concurrency = concurrency;
    }

    /**
     * Runs every trial to its end. A trial that throws is recorded as failed and the others go on.
     *
     * @param trials the specs, with indices 0, 1, 2, ... in order
     * @param onTrialEnd told of each trial's result as it ends, from the trial's thread
     * @throws IllegalArgumentException if the indices are not 0, 1, 2, ...
     * @throws InterruptedException if interrupted while waiting; running trials are interrupted too
     */
    public SweepResult run(List<TrialSpec> trials, Trial trial, TrialScheduler scheduler,
            Consumer<TrialResult> onTrialEnd) throws InterruptedException {
        for (int i = 0; i < trials.size(); i++) {
            if (trials.get(i).index() != i) {
                throw new IllegalArgumentException("trial " + i + " of the list has index " + trials.get(i).index()
                        + "; a sweep's trials are numbered 0, 1, 2, ... in order");
            }
        }
        Board board = new Board(trials.size(), scheduler);
        AtomicInteger threads = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(concurrency, r -> {
            Thread t = new Thread(r, "sweep-trial-" + threads.getAndIncrement());
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<TrialResult>> futures = new ArrayList<>();
            for (TrialSpec spec : trials) {
                futures.add(pool.submit(() -> {
                    TrialResult result = runOne(spec, trial, board);
                    onTrialEnd.accept(result);
                    return result;
                }));
            }
            List<TrialResult> results = new ArrayList<>();
            for (Future<TrialResult> future : futures) {
                try {
                    results.add(future.get());
                } catch (ExecutionException e) {
                    // runOne catches what a trial throws; this is an Error or the listener's failure
                    throw new IllegalStateException("sweep failed: " + e.getCause(), e.getCause());
                }
            }
            return new SweepResult(results);
        } finally {
            pool.shutdownNow();
        }
    }

    private static TrialResult runOne(TrialSpec spec, Trial trial, Board board) {
        long start = System.nanoTime();
        boolean[] stopped = {false};
        TrialResult.Status status;
        String error = null;
        LOG.info("trial {} starts: {}, seed {}", spec.index(), spec.params(), spec.seed());
        try {
            trial.run(spec, (step, value) -> {
                boolean goOn = board.report(spec.index(), step, value);
                stopped[0] |= !goOn;
                return goOn;
            });
            status = stopped[0] ? TrialResult.Status.STOPPED : TrialResult.Status.COMPLETED;
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            status = TrialResult.Status.FAILED;
            error = e.getClass().getSimpleName() + ": " + e.getMessage();
            LOG.warn("trial {} failed: {}", spec.index(), error, e);
        } finally {
            // also when an Error escapes: later trials must not wait for this one forever
            board.end(spec.index());
        }
        return new TrialResult(spec, status, board.history(spec.index()), error, (System.nanoTime() - start) / 1e9);
    }

    /** The histories of all trials; reports wait here for earlier trials. */
    private static final class Board {
        private final TrialHistory[] histories;
        private final TrialScheduler scheduler;

        Board(int trials, TrialScheduler scheduler) {
            this.histories = new TrialHistory[trials];
            for (int i = 0; i < trials; i++) {
                histories[i] = new TrialHistory(i, new long[0], new double[0], false);
            }
            this.scheduler = scheduler;
        }

        synchronized boolean report(int index, long step, double value) {
            TrialHistory history = histories[index];
            if (step <= history.lastStep()) {
                throw new IllegalArgumentException("trial " + index + " reported step " + step + " after step "
                        + history.lastStep() + "; reported steps must increase");
            }
            histories[index] = history.plus(step, value);
            notifyAll();
            try {
                while (earlierBehind(index, step)) {
                    wait();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("trial " + index + " interrupted while waiting for earlier trials", e);
            }
            return !scheduler.shouldStop(histories[index], List.copyOf(Arrays.asList(histories).subList(0, index)));
        }

        private boolean earlierBehind(int index, long step) {
            for (int j = 0; j < index; j++) {
                if (!histories[j].ended() && histories[j].lastStep() < step) {
                    return true;
                }
            }
            return false;
        }

        synchronized void end(int index) {
            histories[index] = histories[index].end();
            notifyAll();
        }

        synchronized TrialHistory history(int index) {
            return histories[index];
        }
    }
}

package io.github.jrl.distributed;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.javadsl.AskPattern;

/**
 * Continuous collection from rollout workers, the engine of asynchronous modes (IMPALA's actors,
 * RLlib's EnvRunners in APPO and off-policy algorithms): every shard is asked for its next piece
 * of experience as soon as its previous one arrives, each request made with what the
 * {@link Protocol} says is newest (the latest policy), and the answers queue up for the learner
 * in arrival order. Once {@code queueCapacity} answers wait, a shard whose answer arrives waits
 * too until the learner takes one (back-pressure, as IMPALA's bounded learner queue).
 *
 * <p>A worker that does not answer within the collect timeout is given up (its node downed in a
 * cluster); its shards move to the live workers with the fewest shards and the missing request is
 * sent again there with the same sequence number. A late answer of a given-up worker goes to an
 * ask that has timed out, so nothing is received twice. A worker that joins takes a shard from the
 * most loaded worker. Requests and answers are handled on one dispatcher thread, which is where
 * the protocol's methods run; the learner thread only takes.
 *
 * @param <A> the answer message
 * @param <C> what a request was made with, handed back with its answer
 * @param <T> what the learner takes
 */
final class ShardRequests<A, C, T> implements AutoCloseable {

    /** The messages of one kind of collection. */
    interface Protocol<A, C, T> {

        /** What the next request is made with, read when it is sent (the newest policy). */
        C context();

        /** The request of shard {@code shard}'s rollout number {@code sequence} (1, 2, ...). */
        RolloutMessage request(int shard, long sequence, C context, ActorRef<A> replyTo);

        /**
         * What the learner gets from the answer to that request.
         *
         * @throws IllegalStateException if the answer is not to that request; collection stops
         */
        T accept(int shard, long sequence, C context, A answer);
    }

    private final WorkerPool pool;
    private final Protocol<A, C, T> protocol;
    private final Duration collectTimeout;
    private final int queueCapacity;
    private final ThreadPoolExecutor dispatcher;
    private final LinkedBlockingQueue<T> arrived = new LinkedBlockingQueue<>();
    private final AtomicLong received = new AtomicLong();
    private final AtomicLong workersGivenUp = new AtomicLong();
    private final Map<String, Long> receivedByWorker = new ConcurrentHashMap<>();
    // confined to the dispatcher thread
    private final ShardOwners owners;
    private final long[] sequences;
    private final Queue<Integer> waiting = new ArrayDeque<>();
    private volatile RuntimeException failure;
    private volatile boolean started;
    private volatile boolean closed;

    ShardRequests(WorkerPool pool, int shards, Duration collectTimeout, int queueCapacity, Protocol<A, C, T> protocol) {
        if (collectTimeout.isNegative() || collectTimeout.isZero() || queueCapacity <= 0) {
            pool.close();
            throw new IllegalArgumentException("the collect timeout and the queue capacity must be positive, got "
                    + collectTimeout + " and " + queueCapacity);
        }
        this.pool = pool;
        this.protocol = protocol;
        this.collectTimeout = collectTimeout;
        this.queueCapacity = queueCapacity;
        this.owners = new ShardOwners(shards);
        this.sequences = new long[shards];
        // answers that arrive after close() are discarded, not rejected
        this.dispatcher = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(), task -> {
            Thread thread = new Thread(task, "jrl-shard-requests");
            thread.setDaemon(true);
            return thread;
        }, new ThreadPoolExecutor.DiscardPolicy());
    }

    WorkerPool pool() {
        return pool;
    }

    /** Runs {@code setup} on the dispatcher thread, then asks every shard for its first piece. */
    void start(Runnable setup) {
        if (started) {
            throw new IllegalStateException("collection starts once");
        }
        started = true;
        dispatcher.execute(() -> {
            setup.run();
            for (int s = 0; s < sequences.length; s++) {
                request(s);
            }
        });
    }

    /**
     * The next answer to arrive; waits up to twice the collect timeout (a lost worker's request
     * is sent again elsewhere within one).
     *
     * @throws IllegalStateException if none arrives in time, or collection failed for good
     */
    T take() {
        if (!started) {
            throw new IllegalStateException("take() before start()");
        }
        long deadline = System.nanoTime() + 2 * collectTimeout.toNanos();
        try {
            while (true) {
                T item = arrived.poll(50, TimeUnit.MILLISECONDS);
                if (item != null) {
                    dispatcher.execute(this::resumeWaiting);
                    return item;
                }
                if (failure != null) {
                    throw failure;
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("nothing arrived from the rollout workers within "
                            + collectTimeout.multipliedBy(2) + "; " + workersGivenUp.get() + " workers given up");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the rollout workers", e);
        }
    }

    /** The next answer ({@link #take}) and every other that has arrived, in arrival order. */
    List<T> takeAll() {
        List<T> items = new ArrayList<>();
        items.add(take());
        arrived.drainTo(items);
        dispatcher.execute(this::resumeWaiting);
        return items;
    }

    private void request(int shard) {
        if (closed) {
            return;
        }
        try {
            owners.assign(pool.awaitWorkers(1, collectTimeout));
        } catch (RuntimeException e) {
            failure = new IllegalStateException("no rollout worker left for shard " + shard, e);
            return;
        }
        C context = protocol.context();
        long sequence = ++sequences[shard];
        ActorRef<RolloutMessage> worker = owners.owner(shard);
        AskPattern.<RolloutMessage, A>ask(worker, replyTo -> protocol.request(shard, sequence, context, replyTo),
                collectTimeout, pool.system().scheduler())
                .whenCompleteAsync((answer, error) -> arrived(shard, sequence, worker, context, answer, error), dispatcher);
    }

    private void arrived(int shard, long sequence, ActorRef<RolloutMessage> worker, C context, A answer,
            Throwable error) {
        if (closed) {
            return;
        }
        if (error != null) {
            if (pool.giveUp(worker, "no answer for shard " + shard + " request " + sequence + ": " + error)) {
                workersGivenUp.incrementAndGet();
            }
            owners.remove(worker);
            sequences[shard]--; // the same request again, on another worker
            request(shard);
            return;
        }
        T item;
        try {
            item = protocol.accept(shard, sequence, context, answer);
        } catch (RuntimeException e) {
            failure = e;
            return;
        }
        received.incrementAndGet();
        receivedByWorker.merge(worker.path().toString(), 1L, Long::sum);
        arrived.add(item);
        if (arrived.size() >= queueCapacity) {
            waiting.add(shard);
        } else {
            request(shard);
        }
    }

    /** After the learner took something: the shards that waited for room in the queue go on. */
    private void resumeWaiting() {
        while (!waiting.isEmpty() && arrived.size() < queueCapacity) {
            request(waiting.remove());
        }
    }

    /** Answers received so far, each once. */
    long received() {
        return received.get();
    }

    /** Answers received per worker (by actor path, which names the worker's node). */
    Map<String, Long> receivedByWorker() {
        return Map.copyOf(receivedByWorker);
    }

    long workersGivenUp() {
        return workersGivenUp.get();
    }

    /** Stops requesting, stops the workers and the actor system ({@link WorkerPool#close}); answers in flight are discarded. */
    @Override
    public void close() {
        closed = true;
        pool.close();
        dispatcher.shutdownNow();
    }
}

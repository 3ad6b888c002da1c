package io.github.jrl.distributed;

import io.github.jrl.algorithms.appo.AppoBatch;
import io.github.jrl.algorithms.appo.AsyncRollouts;
import io.github.jrl.core.random.Rng;
import io.github.jrl.nd4j.policy.ActorCriticPolicy;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.javadsl.AskPattern;

/**
 * The learner's side of asynchronous rollouts on Pekko (IMPALA's actors, RLlib's APPO
 * EnvRunners): every shard of the plan is collected over and over by its worker, each rollout
 * with the newest policy the learner had published when the rollout was requested, and the
 * rollouts queue up for the learner ({@link #take}) tagged with that policy's version. The next
 * rollout of a shard is requested as soon as the previous one arrives, so workers collect while
 * the learner updates; once {@code queueCapacity} rollouts wait for the learner, a shard whose
 * rollout arrives waits too, until the learner takes one (back-pressure, as IMPALA's bounded
 * learner queue).
 *
 * <p>The workers are {@link RolloutWorker}s, as in synchronous mode: the same messages, the same
 * shards with their copies' state, embedded ({@link #embedded}) or in a cluster
 * ({@link #cluster}). Each request draws its actions from its own stream,
 * {@code Rng.forStream(actionSeed, sequence * shards + shard)}, so a rollout requested again
 * elsewhere is the same rollout.
 *
 * <p>Faults: a worker that does not answer within the collect timeout is given up (its node
 * downed in a cluster); its shards move to the live workers with the fewest shards and the
 * missing rollout is requested again there, from the state of the copies that came with the
 * shard's previous rollout. A late answer of a given-up worker goes to an ask that has timed out:
 * no rollout is counted twice. A worker that joins takes a shard from the most loaded worker.
 * Bookkeeping runs on one dispatcher thread; the learner thread only publishes and takes.
 */
public final class PekkoAsyncRollouts implements AsyncRollouts, AutoCloseable {

    private final WorkerPool pool;
    private final RolloutPlan plan;
    private final Duration collectTimeout;
    private final int queueCapacity;
    private final String runId;
    private final ExecutorService dispatcher;
    private final LinkedBlockingQueue<AppoBatch> arrived = new LinkedBlockingQueue<>();
    private final AtomicLong batchesReceived = new AtomicLong();
    private final AtomicLong workersGivenUp = new AtomicLong();
    private final Map<String, Long> batchesByWorker = new ConcurrentHashMap<>();
    // confined to the dispatcher thread
    private final ShardOwners owners;
    private final Map<Integer, byte[]> copiesStates = new HashMap<>();
    private final long[] sequences;
    private final Queue<Integer> waiting = new ArrayDeque<>();
    private long envSeed;
    private long actionSeed;
    private volatile Published latest;
    private volatile RuntimeException failure;
    private volatile boolean closed;

    /** A policy as the workers get it: its version and its bytes. */
    private record Published(long version, byte[] bytes) {
    }

    private PekkoAsyncRollouts(WorkerPool pool, RolloutPlan plan, Duration collectTimeout, int queueCapacity) {
        if (collectTimeout.isNegative() || collectTimeout.isZero() || queueCapacity <= 0) {
            pool.close();
            throw new IllegalArgumentException("the collect timeout and the queue capacity must be positive, got "
                    + collectTimeout + " and " + queueCapacity);
        }
        this.pool = pool;
        this.plan = plan;
        this.collectTimeout = collectTimeout;
        this.queueCapacity = queueCapacity;
        this.runId = pool.system().address() + "/async/" + System.nanoTime();
        this.owners = new ShardOwners(plan.shards().size());
        this.sequences = new long[plan.shards().size()];
        // answers that arrive after close() are discarded, not rejected
        this.dispatcher = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(), task -> {
            Thread thread = new Thread(task, "jrl-async-rollouts");
            thread.setDaemon(true);
            return thread;
        }, new ThreadPoolExecutor.DiscardPolicy());
    }

    /**
     * {@code workers} rollout workers as actors in this JVM; at most {@code queueCapacity}
     * rollouts wait for the learner.
     */
    public static PekkoAsyncRollouts embedded(RolloutPlan plan, int workers, Duration collectTimeout,
            int queueCapacity) {
        return new PekkoAsyncRollouts(WorkerPool.embedded(workers), plan, collectTimeout, queueCapacity);
    }

    /**
     * A learner node of a cluster per {@code settings}, once {@code workers} workers have
     * registered (waiting up to {@code joinTimeout}).
     *
     * @throws IllegalStateException if fewer registered in time; the node is stopped
     */
    public static PekkoAsyncRollouts cluster(RolloutPlan plan, ClusterSettings settings, int workers,
            Duration joinTimeout, Duration collectTimeout, int queueCapacity) {
        return new PekkoAsyncRollouts(WorkerPool.cluster(settings, workers, joinTimeout), plan, collectTimeout,
                queueCapacity);
    }

    @Override
    public void start(long envSeed, long actionSeed, ActorCriticPolicy policy) {
        if (latest != null) {
            throw new IllegalStateException("asynchronous rollouts start once");
        }
        latest = new Published(0, policy.toBytes());
        dispatcher.execute(() -> {
            this.envSeed = envSeed;
            this.actionSeed = actionSeed;
            for (int s = 0; s < plan.shards().size(); s++) {
                request(s);
            }
        });
    }

    @Override
    public void publish(long version, ActorCriticPolicy policy) {
        latest = new Published(version, policy.toBytes());
    }

    /**
     * The next rollout to arrive; waits up to twice the collect timeout (a lost worker's shard is
     * requested again elsewhere within one).
     *
     * @throws IllegalStateException if none arrives in time, or the workers failed for good
     */
    @Override
    public AppoBatch take() {
        if (latest == null) {
            throw new IllegalStateException("take() before start()");
        }
        long deadline = System.nanoTime() + 2 * collectTimeout.toNanos();
        try {
            while (true) {
                AppoBatch batch = arrived.poll(50, TimeUnit.MILLISECONDS);
                if (batch != null) {
                    dispatcher.execute(this::resumeWaiting);
                    return batch;
                }
                if (failure != null) {
                    throw failure;
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("no rollout arrived within " + collectTimeout.multipliedBy(2) + "; "
                            + workersGivenUp.get() + " workers given up");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a rollout", e);
        }
    }

    /** Asks the owner of {@code shard} for its next rollout with the newest policy (dispatcher thread). */
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
        Published policy = latest;
        long sequence = ++sequences[shard];
        int shards = plan.shards().size();
        long[] streamState = Rng.forStream(actionSeed, (sequence - 1) * shards + shard).state();
        ActorRef<RolloutMessage> worker = owners.owner(shard);
        AskPattern.<RolloutMessage, ShardCollected>ask(worker,
                replyTo -> new CollectShard(runId, sequence, shard, plan.shards().get(shard), envSeed,
                        copiesStates.getOrDefault(shard, new byte[0]), streamState, policy.bytes(), replyTo),
                collectTimeout, pool.system().scheduler())
                .whenCompleteAsync((answer, error) -> arrived(shard, sequence, worker, policy.version(), answer, error),
                        dispatcher);
    }

    private void arrived(int shard, long sequence, ActorRef<RolloutMessage> worker, long version, ShardCollected answer,
            Throwable error) {
        if (closed) {
            return;
        }
        if (error != null) {
            if (pool.giveUp(worker, "no answer for shard " + shard + " rollout " + sequence + ": " + error)) {
                workersGivenUp.incrementAndGet();
            }
            owners.remove(worker);
            sequences[shard]--; // the same rollout again, on another worker
            request(shard);
            return;
        }
        if (!answer.runId().equals(runId) || answer.iteration() != sequence || answer.shardIndex() != shard) {
            failure = new IllegalStateException("shard " + shard + " rollout " + sequence + " of run " + runId
                    + " was answered with shard " + answer.shardIndex() + " rollout " + answer.iteration() + " of run "
                    + answer.runId());
            return;
        }
        copiesStates.put(shard, answer.copiesState());
        batchesReceived.incrementAndGet();
        batchesByWorker.merge(worker.path().toString(), 1L, Long::sum);
        arrived.add(new AppoBatch(version, answer.shard()));
        if (arrived.size() >= queueCapacity) {
            waiting.add(shard);
        } else {
            request(shard);
        }
    }

    /** After the learner took a rollout: the shards that waited for room in the queue go on. */
    private void resumeWaiting() {
        while (!waiting.isEmpty() && arrived.size() < queueCapacity) {
            request(waiting.remove());
        }
    }

    /** Rollouts received so far, each once, whether the learner trained on them or dropped them. */
    public long batchesReceived() {
        return batchesReceived.get();
    }

    /** Rollouts received per worker (by actor path, which names the worker's node). */
    public Map<String, Long> batchesByWorker() {
        return Map.copyOf(batchesByWorker);
    }

    /** Workers given up so far. */
    public long workersGivenUp() {
        return workersGivenUp.get();
    }

    /**
     * Stops requesting rollouts, tells every worker to stop (worker JVMs then exit), leaves the
     * cluster and stops the actor system; rollouts in flight are discarded.
     */
    @Override
    public void close() {
        closed = true;
        pool.close();
        dispatcher.shutdownNow();
    }
}

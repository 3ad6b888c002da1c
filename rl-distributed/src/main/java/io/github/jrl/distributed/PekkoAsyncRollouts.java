package io.github.jrl.distributed;

import io.github.jrl.algorithms.appo.AppoBatch;
import io.github.jrl.algorithms.appo.AsyncRollouts;
import io.github.jrl.core.random.Rng;
import io.github.jrl.nd4j.policy.ActorCriticPolicy;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.pekko.actor.typed.ActorRef;

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
 * {@code Rng.forStream(actionSeed, (sequence - 1) * shards + shard)}, so a rollout requested
 * again elsewhere is the same rollout.
 *
 * <p>Faults ({@link ShardRequests}): a worker that does not answer within the collect timeout is
 * given up (its node downed in a cluster); its shards move to the live workers with the fewest
 * shards and the missing rollout is requested again there, from the state of the copies that came
 * with the shard's previous rollout, so it is the rollout the lost worker would have sent. A late
 * answer of a given-up worker goes to an ask that has timed out: no rollout is counted twice. A
 * worker that joins takes a shard from the most loaded worker.
 */
public final class PekkoAsyncRollouts implements AsyncRollouts, AutoCloseable {

    private final RolloutPlan plan;
    private final String runId;
    private final ShardRequests<ShardCollected, Published, AppoBatch> requests;
    // read and written on the dispatcher thread only
    private final Map<Integer, byte[]> copiesStates = new HashMap<>();
    private long envSeed;
    private long actionSeed;
    private volatile Published latest;

    /** A policy as the workers get it: its version and its bytes. */
    private record Published(long version, byte[] bytes) {
    }

    private PekkoAsyncRollouts(WorkerPool pool, RolloutPlan plan, Duration collectTimeout, int queueCapacity) {
        this.plan = plan;
        this.runId = pool.system().address() + "/async/" + System.nanoTime();
        this.requests = new ShardRequests<>(pool, plan.shards().size(), collectTimeout, queueCapacity, new Protocol());
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
        latest = new Published(0, policy.toBytes());
        requests.start(() -> {
            this.envSeed = envSeed;
            this.actionSeed = actionSeed;
        });
    }

    @Override
    public void publish(long version, ActorCriticPolicy policy) {
        latest = new Published(version, policy.toBytes());
    }

    /**
     * The next rollout to arrive; waits up to twice the collect timeout.
     *
     * @throws IllegalStateException if none arrives in time, or the workers failed for good
     */
    @Override
    public AppoBatch take() {
        return requests.take();
    }

    /** Rollouts received so far, each once, whether the learner trained on them or dropped them. */
    public long batchesReceived() {
        return requests.received();
    }

    /** Rollouts received per worker (by actor path, which names the worker's node). */
    public Map<String, Long> batchesByWorker() {
        return requests.receivedByWorker();
    }

    /** Workers given up so far. */
    public long workersGivenUp() {
        return requests.workersGivenUp();
    }

    /**
     * Stops requesting rollouts, tells every worker to stop (worker JVMs then exit), leaves the
     * cluster and stops the actor system; rollouts in flight are discarded.
     */
    @Override
    public void close() {
        requests.close();
    }

    /** {@link CollectShard} with the newest policy, answered by {@link ShardCollected}. */
    private final class Protocol implements ShardRequests.Protocol<ShardCollected, Published, AppoBatch> {

        @Override
        public Published context() {
            return latest;
        }

        @Override
        public RolloutMessage request(int shard, long sequence, Published policy, ActorRef<ShardCollected> replyTo) {
            long[] streamState = Rng.forStream(actionSeed, (sequence - 1) * plan.shards().size() + shard).state();
            return new CollectShard(runId, sequence, shard, plan.shards().get(shard), envSeed,
                    copiesStates.getOrDefault(shard, new byte[0]), streamState, policy.bytes(), replyTo);
        }

        @Override
        public AppoBatch accept(int shard, long sequence, Published policy, ShardCollected answer) {
            if (!answer.runId().equals(runId) || answer.iteration() != sequence || answer.shardIndex() != shard) {
                throw new IllegalStateException("shard " + shard + " rollout " + sequence + " of run " + runId
                        + " was answered with shard " + answer.shardIndex() + " rollout " + answer.iteration()
                        + " of run " + answer.runId());
            }
            copiesStates.put(shard, answer.copiesState());
            return new AppoBatch(policy.version(), answer.shard(), answer.lastObservations());
        }
    }
}

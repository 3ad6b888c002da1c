package io.github.jrl.distributed;

import io.github.jrl.algorithms.sac.RemoteTransitions;
import io.github.jrl.algorithms.sac.TransitionChunk;
import io.github.jrl.core.buffer.ReplayBuffer;
import io.github.jrl.core.random.Rng;
import io.github.jrl.core.wrappers.EpisodeStatistics;
import io.github.jrl.nd4j.policy.ActorPolicy;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.apache.pekko.actor.typed.ActorRef;

/**
 * SAC's off-policy path on Pekko (RLlib's EnvRunners feeding an off-policy learner): rollout
 * workers step their shards of the copies in chunks of {@code plan.numSteps()} steps, each chunk
 * with the newest actor snapshot broadcast, and the learner adds every chunk that has arrived to
 * its replay buffer before each training round ({@link io.github.jrl.algorithms.sac.Sac}'s
 * remote constructor). Workers act uniformly at random (SB3's {@code learning_starts} phase)
 * until the first broadcast; after that the learner broadcasts a new snapshot every
 * {@code broadcastEvery} gradient steps (RLlib's {@code broadcast_interval}, counted in gradient
 * steps here).
 *
 * <p>Each chunk is received once ({@link ShardRequests}: one answer per request, a lost worker's
 * request sent again elsewhere, late answers of given-up workers discarded) and added to the
 * buffer once. Exploration of each chunk draws from its own stream,
 * {@code Rng.forStream(explorationSeed, (sequence - 1) * shards + shard)}. A shard that moves to
 * another worker starts its copies afresh from the run's seed. The actor snapshot travels as
 * bytes ({@code ActorPolicy.toBytes}), embedded or across JVMs.
 */
public final class PekkoTransitions implements RemoteTransitions, AutoCloseable {

    private final RolloutPlan plan;
    private final int broadcastEvery;
    private final String runId;
    private final ShardRequests<TransitionsCollected, Broadcast, TransitionChunk> requests;
    private final AtomicLong transitionsAdded = new AtomicLong();
    private long envSeed;
    private long explorationSeed;
    private long lastBroadcast;
    private long broadcasts;
    private volatile Broadcast latest;

    /** An actor snapshot as the workers get it, and whether to act uniformly instead (before the first). */
    private record Broadcast(long gradientSteps, byte[] policy, boolean uniform) {
    }

    private PekkoTransitions(WorkerPool pool, RolloutPlan plan, Duration collectTimeout, int queueCapacity,
            int broadcastEvery) {
        if (broadcastEvery <= 0) {
            pool.close();
            throw new IllegalArgumentException("broadcastEvery must be a positive number of gradient steps, got "
                    + broadcastEvery);
        }
        this.plan = plan;
        this.broadcastEvery = broadcastEvery;
        this.runId = pool.system().address() + "/transitions/" + System.nanoTime();
        this.requests = new ShardRequests<>(pool, plan.shards().size(), collectTimeout, queueCapacity, new Protocol());
    }

    /**
     * {@code workers} rollout workers as actors in this JVM; at most {@code queueCapacity} chunks
     * wait for the learner; a new actor snapshot every {@code broadcastEvery} gradient steps.
     */
    public static PekkoTransitions embedded(RolloutPlan plan, int workers, Duration collectTimeout, int queueCapacity,
            int broadcastEvery) {
        return new PekkoTransitions(WorkerPool.embedded(workers), plan, collectTimeout, queueCapacity, broadcastEvery);
    }

    /**
     * A learner node of a cluster per {@code settings}, once {@code workers} workers have
     * registered (waiting up to {@code joinTimeout}); otherwise as {@link #embedded}.
     *
     * @throws IllegalStateException if fewer registered in time; the node is stopped
     */
    public static PekkoTransitions cluster(RolloutPlan plan, ClusterSettings settings, int workers,
            Duration joinTimeout, Duration collectTimeout, int queueCapacity, int broadcastEvery) {
        return new PekkoTransitions(WorkerPool.cluster(settings, workers, joinTimeout), plan, collectTimeout,
                queueCapacity, broadcastEvery);
    }

    @Override
    public void start(long envSeed, long explorationSeed, Supplier<ActorPolicy> policy) {
        latest = new Broadcast(0, policy.get().toBytes(), true);
        requests.start(() -> {
            this.envSeed = envSeed;
            this.explorationSeed = explorationSeed;
        });
    }

    @Override
    public long drainInto(ReplayBuffer buffer, Consumer<EpisodeStatistics> episodes) {
        long rows = 0;
        for (TransitionChunk chunk : requests.takeAll()) {
            buffer.add(chunk.rows(), chunk.observations(), chunk.actions(), chunk.rewards(), chunk.nextObservations(),
                    chunk.terminated(), chunk.truncated());
            chunk.episodes().forEach(episodes);
            rows += chunk.rows();
        }
        transitionsAdded.addAndGet(rows);
        return rows;
    }

    @Override
    public void trained(long gradientSteps, Supplier<ActorPolicy> policy) {
        if (latest.uniform() || gradientSteps - lastBroadcast >= broadcastEvery) {
            latest = new Broadcast(gradientSteps, policy.get().toBytes(), false);
            lastBroadcast = gradientSteps;
            broadcasts++;
        }
    }

    /** Chunks received so far, each once. */
    public long chunksReceived() {
        return requests.received();
    }

    /** Transitions added to the replay buffer so far. */
    public long transitionsAdded() {
        return transitionsAdded.get();
    }

    /** Actor snapshots broadcast so far. */
    public long broadcasts() {
        return broadcasts;
    }

    /** Chunks received per worker (by actor path). */
    public List<Long> chunksPerWorker() {
        return requests.receivedByWorker().values().stream().sorted().toList();
    }

    /** Stops requesting, stops the workers and the actor system; chunks in flight are discarded. */
    @Override
    public void close() {
        requests.close();
    }

    /** {@link CollectTransitions} with the newest snapshot, answered by {@link TransitionsCollected}. */
    private final class Protocol implements ShardRequests.Protocol<TransitionsCollected, Broadcast, TransitionChunk> {

        @Override
        public Broadcast context() {
            return latest;
        }

        @Override
        public RolloutMessage request(int shard, long sequence, Broadcast policy,
                ActorRef<TransitionsCollected> replyTo) {
            long[] streamState = Rng.forStream(explorationSeed, (sequence - 1) * plan.shards().size() + shard).state();
            ShardSpec spec = plan.shards().get(shard);
            return new CollectTransitions(runId, sequence, shard, spec, envSeed, policy.policy(), policy.uniform(),
                    streamState, spec.numSteps(), replyTo);
        }

        @Override
        public TransitionChunk accept(int shard, long sequence, Broadcast policy, TransitionsCollected answer) {
            if (!answer.runId().equals(runId) || answer.sequence() != sequence || answer.shardIndex() != shard) {
                throw new IllegalStateException("shard " + shard + " chunk " + sequence + " of run " + runId
                        + " was answered with shard " + answer.shardIndex() + " chunk " + answer.sequence() + " of run "
                        + answer.runId());
            }
            return answer.chunk();
        }
    }
}

package io.github.jrl.distributed;

import io.github.jrl.algorithms.onpolicy.RemoteRollouts;
import io.github.jrl.algorithms.onpolicy.RolloutShard;
import io.github.jrl.core.buffer.RolloutBuffer;
import io.github.jrl.core.random.Rng;
import io.github.jrl.core.wrappers.EpisodeStatistics;
import io.github.jrl.nd4j.policy.ActorCriticPolicy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.javadsl.AskPattern;

/**
 * The learner's side of synchronous rollouts on Pekko (RLlib's {@code EnvRunnerGroup}): every
 * iteration it sends the policy and the position of the action stream to the workers hosting
 * the shards, gathers the shards and assembles them in copy order, so that PPO trains
 * bit-identically to a single process over the same copies ({@link RemoteRollouts}).
 *
 * <p>Embedded ({@link #embedded}): the workers are actors in this JVM; messages are passed by
 * reference, never serialised. Cluster ({@link #cluster}): this JVM is the seed node and workers
 * join it from other JVMs ({@link RolloutWorkerMain}).
 *
 * <p>Faults: a worker that does not answer within the collect timeout is given up (in a cluster,
 * its node is downed); its shards move to the live workers with the fewest shards and are
 * collected again from the same action-stream position and from the state of their copies that
 * came with their previous rollout, so the iteration completes with the very data the lost
 * worker would have sent: training stays bit-identical. A late answer from a given-up worker is
 * dropped: each shard counts once per iteration. A worker that joins later takes a shard from
 * the most loaded worker, the same way.
 */
public final class PekkoRollouts implements RemoteRollouts, AutoCloseable {

    private final WorkerPool pool;
    private final RolloutPlan plan;
    private final Duration collectTimeout;
    private final String runId;
    private final ShardOwners owners;
    /** Each shard's copies as its worker left them after the last rollout, for moving the shard. */
    private final Map<Integer, byte[]> copiesStates = new HashMap<>();
    private long envSeed;
    private long iteration;
    private long shardsCounted;
    private long workersGivenUp;
    private final Map<String, Long> shardsByWorker = new LinkedHashMap<>();

    private PekkoRollouts(WorkerPool pool, RolloutPlan plan, Duration collectTimeout) {
        if (collectTimeout.isNegative() || collectTimeout.isZero()) {
            pool.close();
            throw new IllegalArgumentException("the collect timeout must be positive, got " + collectTimeout);
        }
        this.pool = pool;
        this.plan = plan;
        this.collectTimeout = collectTimeout;
        this.runId = pool.system().address() + "/" + System.nanoTime();
        this.owners = new ShardOwners(plan.shards().size());
    }

    /** {@code workers} rollout workers as actors in this JVM, one per shard of {@code plan}. */
    public static PekkoRollouts embedded(RolloutPlan plan, int workers, Duration collectTimeout) {
        return new PekkoRollouts(WorkerPool.embedded(workers), plan, collectTimeout);
    }

    /**
     * A learner node of a cluster per {@code settings}, waiting up to {@code joinTimeout} for
     * {@code workers} workers to register before it returns, so that the first assignment of
     * shards is the one kept for the run.
     *
     * @throws IllegalStateException if fewer workers registered in time; the node is stopped
     */
    public static PekkoRollouts cluster(RolloutPlan plan, ClusterSettings settings, int workers, Duration joinTimeout,
            Duration collectTimeout) {
        return new PekkoRollouts(WorkerPool.cluster(settings, workers, joinTimeout), plan, collectTimeout);
    }

    @Override
    public void reset(long seed) {
        envSeed = seed;
    }

    @Override
    public long collect(ActorCriticPolicy policy, Rng actionRng, double gaeLambda, RolloutBuffer buffer,
            Consumer<EpisodeStatistics> episodes) {
        if (buffer.numEnvs() != plan.totalCopies() || buffer.numSteps() != plan.numSteps()
                || gaeLambda != plan.shards().get(0).gaeLambda()) {
            throw new IllegalArgumentException("the plan's " + plan.totalCopies() + " copies x " + plan.numSteps()
                    + " steps (lambda " + plan.shards().get(0).gaeLambda() + ") do not match the trainer's " + buffer
                    + " (lambda " + gaeLambda + ")");
        }
        iteration++;
        byte[] policyBytes = policy.toBytes();
        long[] streamState = actionRng.state();
        Map<Integer, RolloutShard> gathered = new LinkedHashMap<>();
        // every round either completes the shards or gives up at least one worker, and a run has
        // finitely many: the bound only guards against workers that fail forever
        for (int round = 0; gathered.size() < plan.shards().size(); round++) {
            if (round > 2 * plan.shards().size() + 8) {
                throw new IllegalStateException("iteration " + iteration + " failed on every worker " + round
                        + " times; gave up " + workersGivenUp + " workers");
            }
            owners.assign(pool.awaitWorkers(1, collectTimeout));
            Map<Integer, Ask> asks = new LinkedHashMap<>();
            for (int s = 0; s < plan.shards().size(); s++) {
                if (!gathered.containsKey(s)) {
                    asks.put(s, ask(s, policyBytes, streamState));
                }
            }
            for (Map.Entry<Integer, Ask> entry : asks.entrySet()) {
                int s = entry.getKey();
                Ask ask = entry.getValue();
                try {
                    ShardCollected answer = ask.answer().join();
                    if (answer.iteration() == iteration && answer.runId().equals(runId) && answer.shardIndex() == s
                            && gathered.putIfAbsent(s, answer.shard()) == null) {
                        copiesStates.put(s, answer.copiesState());
                        shardsByWorker.merge(ask.worker().path().toString(), 1L, Long::sum);
                    }
                } catch (CompletionException e) {
                    if (pool.giveUp(ask.worker(), "no answer in iteration " + iteration + ": " + e.getCause())) {
                        workersGivenUp++;
                    }
                    owners.remove(ask.worker());
                }
            }
        }
        List<RolloutShard> shards = new ArrayList<>(gathered.values());
        shardsCounted += shards.size();
        actionRng.skip((long) plan.numSteps() * plan.totalCopies());
        return RolloutShard.assemble(shards, buffer, plan.shards().get(0).gamma(), gaeLambda, episodes);
    }

    /** A request in flight: the worker asked and its answer to come. */
    private record Ask(ActorRef<RolloutMessage> worker, CompletableFuture<ShardCollected> answer) {
    }

    private Ask ask(int shard, byte[] policyBytes, long[] streamState) {
        ActorRef<RolloutMessage> worker = owners.owner(shard);
        long current = iteration;
        return new Ask(worker, AskPattern.<RolloutMessage, ShardCollected>ask(worker,
                replyTo -> new CollectShard(runId, current, shard, plan.shards().get(shard), envSeed,
                        copiesStates.getOrDefault(shard, new byte[0]), streamState, policyBytes, replyTo),
                collectTimeout, pool.system().scheduler()).toCompletableFuture());
    }

    /** Shards gathered and counted so far: each shard once per iteration, whatever failed. */
    public long shardsCounted() {
        return shardsCounted;
    }

    /** Shards counted per worker (by actor path, which names the worker's node), in order of first contribution. */
    public Map<String, Long> shardsByWorker() {
        return Map.copyOf(shardsByWorker);
    }

    /** Workers given up so far. */
    public long workersGivenUp() {
        return workersGivenUp;
    }

    /** Iterations (rollouts) collected so far. */
    public long iterations() {
        return iteration;
    }

    /**
     * Tells every worker to stop (worker JVMs started by {@link RolloutWorkerMain} then exit),
     * leaves the cluster and stops this actor system, waiting up to 10 s.
     */
    @Override
    public void close() {
        pool.close();
    }
}

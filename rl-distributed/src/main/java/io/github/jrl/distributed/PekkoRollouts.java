package io.github.jrl.distributed;

import io.github.jrl.algorithms.onpolicy.RemoteRollouts;
import io.github.jrl.algorithms.onpolicy.RolloutShard;
import io.github.jrl.core.buffer.RolloutBuffer;
import io.github.jrl.core.random.Rng;
import io.github.jrl.core.wrappers.EpisodeStatistics;
import io.github.jrl.nd4j.policy.ActorCriticPolicy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.StreamSupport;
import org.apache.pekko.actor.Address;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.receptionist.Receptionist;
import org.apache.pekko.cluster.typed.Cluster;
import org.apache.pekko.cluster.typed.Down;
import org.apache.pekko.cluster.typed.Leave;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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

    private static final Logger LOG = LoggerFactory.getLogger(PekkoRollouts.class);
    /** How often the receptionist is asked again while waiting for workers. */
    private static final Duration POLL = Duration.ofMillis(50);

    private final ActorSystem<Void> system;
    private final RolloutPlan plan;
    private final Duration collectTimeout;
    private final boolean clustered;
    private final String runId;
    /** Which worker hosts each shard now. */
    private final Map<Integer, ActorRef<RolloutMessage>> owners = new HashMap<>();
    private final Set<ActorRef<RolloutMessage>> givenUp = new HashSet<>();
    /** Each shard's copies as its worker left them after the last rollout, for moving the shard. */
    private final Map<Integer, byte[]> copiesStates = new HashMap<>();
    private long envSeed;
    private long iteration;
    private long shardsCounted;
    private long workersGivenUp;
    private final Map<String, Long> shardsByWorker = new LinkedHashMap<>();

    private PekkoRollouts(ActorSystem<Void> system, RolloutPlan plan, Duration collectTimeout, boolean clustered) {
        if (collectTimeout.isNegative() || collectTimeout.isZero()) {
            throw new IllegalArgumentException("the collect timeout must be positive, got " + collectTimeout);
        }
        this.system = system;
        this.plan = plan;
        this.collectTimeout = collectTimeout;
        this.clustered = clustered;
        this.runId = system.address() + "/" + System.nanoTime();
    }

    /** {@code workers} rollout workers as actors in this JVM, one per shard of {@code plan}. */
    public static PekkoRollouts embedded(RolloutPlan plan, int workers, Duration collectTimeout) {
        if (workers <= 0) {
            throw new IllegalArgumentException("embedded rollouts need at least one worker, got " + workers);
        }
        Behavior<Void> guardian = Behaviors.setup(context -> {
            for (int k = 0; k < workers; k++) {
                context.spawn(RolloutWorker.create(), "rollout-worker-" + k);
            }
            return Behaviors.empty();
        });
        PekkoRollouts rollouts = new PekkoRollouts(ActorSystem.create(guardian, ClusterSettings.SYSTEM_NAME,
                ClusterSettings.embeddedConfig()), plan, collectTimeout, false);
        rollouts.awaitWorkers(workers, Duration.ofSeconds(10));
        return rollouts;
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
        ActorSystem<Void> system = ActorSystem.create(Behaviors.empty(), ClusterSettings.SYSTEM_NAME, settings.toConfig());
        PekkoRollouts rollouts = new PekkoRollouts(system, plan, collectTimeout, true);
        try {
            rollouts.awaitWorkers(workers, joinTimeout);
        } catch (RuntimeException e) {
            rollouts.close();
            throw e;
        }
        return rollouts;
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
            assignShards();
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
                    giveUp(ask.worker(), e.getCause());
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
        ActorRef<RolloutMessage> worker = owners.get(shard);
        long current = iteration;
        return new Ask(worker, AskPattern.<RolloutMessage, ShardCollected>ask(worker,
                replyTo -> new CollectShard(runId, current, shard, plan.shards().get(shard), envSeed,
                        copiesStates.getOrDefault(shard, new byte[0]), streamState, policyBytes, replyTo),
                collectTimeout, system.scheduler()).toCompletableFuture());
    }

    /** Keeps each live owner; gives orphaned shards to the least loaded workers; lets a new worker take one. */
    private void assignShards() {
        List<ActorRef<RolloutMessage>> live = awaitWorkers(1, collectTimeout);
        owners.values().removeIf(owner -> !live.contains(owner));
        for (int s = 0; s < plan.shards().size(); s++) {
            if (!owners.containsKey(s)) {
                owners.put(s, leastLoaded(live));
            }
        }
        for (ActorRef<RolloutMessage> idle = idle(live); idle != null; idle = idle(live)) {
            ActorRef<RolloutMessage> busiest = mostLoaded(live);
            if (load(busiest) < 2) {
                break;
            }
            int moved = owners.entrySet().stream().filter(e -> e.getValue().equals(busiest))
                    .mapToInt(Map.Entry::getKey).max().orElseThrow();
            owners.put(moved, idle);
            LOG.info("worker {} joined; shard {} moves to it from {}", idle.path(), moved, busiest.path());
        }
    }

    private ActorRef<RolloutMessage> idle(List<ActorRef<RolloutMessage>> live) {
        return live.stream().filter(w -> load(w) == 0).findFirst().orElse(null);
    }

    private long load(ActorRef<RolloutMessage> worker) {
        return owners.values().stream().filter(worker::equals).count();
    }

    private ActorRef<RolloutMessage> leastLoaded(List<ActorRef<RolloutMessage>> live) {
        return live.stream().min(Comparator.comparingLong(this::load)).orElseThrow();
    }

    private ActorRef<RolloutMessage> mostLoaded(List<ActorRef<RolloutMessage>> live) {
        return live.stream().max(Comparator.comparingLong(this::load)).orElseThrow();
    }

    private void giveUp(ActorRef<RolloutMessage> worker, Throwable why) {
        if (givenUp.add(worker)) {
            workersGivenUp++;
            LOG.warn("giving up rollout worker {} in iteration {}: {}", worker.path(), iteration, why.toString());
            if (clustered) {
                Cluster.get(system).manager().tell(new Down(worker.path().address()));
            }
        }
        owners.values().removeIf(worker::equals);
    }

    /**
     * The registered workers not given up, in a fixed order, once at least {@code count} are
     * there; waits up to {@code timeout}.
     */
    private List<ActorRef<RolloutMessage>> awaitWorkers(int count, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            List<ActorRef<RolloutMessage>> live = registeredWorkers();
            if (live.size() >= count) {
                return live;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(live.size() + " rollout workers registered within " + timeout + ", "
                        + count + " needed");
            }
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for rollout workers", e);
            }
        }
    }

    private List<ActorRef<RolloutMessage>> registeredWorkers() {
        Receptionist.Listing listing = AskPattern.<Receptionist.Command, Receptionist.Listing>ask(system.receptionist(),
                replyTo -> Receptionist.find(RolloutWorker.SERVICE, replyTo), Duration.ofSeconds(5), system.scheduler())
                .toCompletableFuture().join();
        List<ActorRef<RolloutMessage>> live = new ArrayList<>(listing.getServiceInstances(RolloutWorker.SERVICE));
        live.removeAll(givenUp);
        live.sort(Comparator.comparing(w -> w.path().toString()));
        return live;
    }

    /**
     * Waits (bounded) until the stopped workers' nodes have been removed: they leave through this
     * node, the leader, and a learner that left first would strand them unreachable.
     */
    private static void awaitWorkersLeaving(Cluster cluster, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline && countOthers(cluster) > 0) {
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static long countOthers(Cluster cluster) {
        Address self = cluster.selfMember().address();
        return StreamSupport.stream(cluster.state().getMembers().spliterator(), false)
                .filter(m -> !m.address().equals(self))
                .count();
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
        try {
            for (ActorRef<RolloutMessage> worker : registeredWorkers()) {
                worker.tell(new StopWorker());
            }
        } catch (RuntimeException e) {
            LOG.warn("could not reach the receptionist to stop the workers: {}", e.toString());
        }
        if (clustered) {
            Cluster cluster = Cluster.get(system);
            awaitWorkersLeaving(cluster, Duration.ofSeconds(10));
            cluster.manager().tell(new Leave(cluster.selfMember().address()));
        }
        system.terminate();
        system.getWhenTerminated().toCompletableFuture().orTimeout(10, TimeUnit.SECONDS)
                .exceptionally(e -> null).join();
    }
}

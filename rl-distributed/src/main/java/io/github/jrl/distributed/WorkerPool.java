package io.github.jrl.distributed;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
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
 * The learner's view of its rollout workers, shared by synchronous ({@link PekkoRollouts}) and
 * asynchronous ({@link PekkoAsyncRollouts}) rollouts: the actor system (embedded, with the
 * workers as actors in it, or a cluster node the workers join), the workers registered with the
 * receptionist, the workers given up (downed in a cluster, never asked again), and a clean
 * shutdown that stops every worker.
 */
final class WorkerPool implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(WorkerPool.class);
    /** How often the receptionist is asked again while waiting for workers. */
    private static final Duration POLL = Duration.ofMillis(50);

    private final ActorSystem<Void> system;
    private final boolean clustered;
    private final Set<ActorRef<RolloutMessage>> givenUp = ConcurrentHashMap.newKeySet();

    private WorkerPool(ActorSystem<Void> system, boolean clustered) {
        this.system = system;
        this.clustered = clustered;
    }

    /** {@code workers} rollout workers as actors in a new actor system in this JVM, all registered. */
    static WorkerPool embedded(int workers) {
        if (workers <= 0) {
            throw new IllegalArgumentException("embedded rollouts need at least one worker, got " + workers);
        }
        Behavior<Void> guardian = Behaviors.setup(context -> {
            for (int k = 0; k < workers; k++) {
                context.spawn(RolloutWorker.create(), "rollout-worker-" + k);
            }
            return Behaviors.empty();
        });
        WorkerPool pool = new WorkerPool(ActorSystem.create(guardian, ClusterSettings.SYSTEM_NAME,
                ClusterSettings.embeddedConfig()), false);
        pool.awaitWorkers(workers, Duration.ofSeconds(10));
        return pool;
    }

    /**
     * A learner node of a cluster per {@code settings}, once {@code workers} workers have
     * registered (waiting up to {@code joinTimeout}).
     *
     * @throws IllegalStateException if fewer registered in time; the node is stopped
     */
    static WorkerPool cluster(ClusterSettings settings, int workers, Duration joinTimeout) {
        WorkerPool pool = new WorkerPool(ActorSystem.create(Behaviors.empty(), ClusterSettings.SYSTEM_NAME,
                settings.toConfig()), true);
        try {
            pool.awaitWorkers(workers, joinTimeout);
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
        return pool;
    }

    ActorSystem<Void> system() {
        return system;
    }

    /**
     * Gives {@code worker} up for good: it is never asked again and, in a cluster, its node is
     * downed. Returns whether it was live until now.
     */
    boolean giveUp(ActorRef<RolloutMessage> worker, String why) {
        if (!givenUp.add(worker)) {
            return false;
        }
        LOG.warn("giving up rollout worker {}: {}", worker.path(), why);
        if (clustered) {
            Cluster.get(system).manager().tell(new Down(worker.path().address()));
        }
        return true;
    }

    /**
     * The registered workers not given up, in a fixed order, once at least {@code count} are
     * there; waits up to {@code timeout}.
     *
     * @throws IllegalStateException if fewer are there in time
     */
    List<ActorRef<RolloutMessage>> awaitWorkers(int count, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            List<ActorRef<RolloutMessage>> live = liveWorkers();
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

    /** The registered workers not given up, ordered by path. */
    List<ActorRef<RolloutMessage>> liveWorkers() {
        List<ActorRef<RolloutMessage>> live = new ArrayList<>(registeredWorkers());
        live.removeAll(givenUp);
        live.sort(Comparator.comparing(w -> w.path().toString()));
        return live;
    }

    private List<ActorRef<RolloutMessage>> registeredWorkers() {
        Receptionist.Listing listing = AskPattern.<Receptionist.Command, Receptionist.Listing>ask(system.receptionist(),
                replyTo -> Receptionist.find(RolloutWorker.SERVICE, replyTo), Duration.ofSeconds(5), system.scheduler())
                .toCompletableFuture().join();
        return new ArrayList<>(listing.getServiceInstances(RolloutWorker.SERVICE));
    }

    /**
     * Tells every worker to stop (worker JVMs started by {@link RolloutWorkerMain} then exit),
     * waits (bounded, 10 s) for their nodes to leave, leaves the cluster and stops the actor
     * system, waiting up to 10 s.
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
}

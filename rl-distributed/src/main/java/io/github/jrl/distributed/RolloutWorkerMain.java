package io.github.jrl.distributed;

import com.typesafe.config.ConfigFactory;
import org.apache.pekko.actor.Address;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.Terminated;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.cluster.ClusterEvent;
import org.apache.pekko.cluster.typed.Cluster;
import org.apache.pekko.cluster.typed.Leave;
import org.apache.pekko.cluster.typed.SelfUp;
import org.apache.pekko.cluster.typed.Subscribe;

/**
 * A rollout-worker JVM: joins the cluster of the learner at {@code host:port} and serves
 * shards until the learner stops it, downs it, leaves, or becomes unreachable; then the JVM
 * exits, so a finished or failed run leaves no worker process behind.
 *
 * <pre>
 * java -cp ... io.github.jrl.distributed.RolloutWorkerMain LEARNER_HOST:PORT [BIND_HOST [FRAME_BYTES]]
 * </pre>
 *
 * Prints {@code READY <address>} once it is a member of the cluster.
 */
public final class RolloutWorkerMain {

    private RolloutWorkerMain() {
    }

    public static void main(String[] args) {
        if (args.length < 1 || args.length > 3) {
            System.err.println("usage: RolloutWorkerMain LEARNER_HOST:PORT [BIND_HOST [FRAME_BYTES]]");
            System.exit(2);
        }
        String host = args.length > 1 ? args[1] : "127.0.0.1";
        ClusterSettings settings = ClusterSettings.worker(host, args[0]);
        if (args.length > 2) {
            settings = settings.withMaximumFrameBytes(Integer.parseInt(args[2]));
        }
        Address learner = new Address("pekko", ClusterSettings.SYSTEM_NAME, settings.seedNodes().get(0).split(":")[0],
                Integer.parseInt(settings.seedNodes().get(0).split(":")[1]));
        ActorSystem.create(guardian(learner), ClusterSettings.SYSTEM_NAME,
                ConfigFactory.parseString("pekko.coordinated-shutdown.exit-jvm = on").withFallback(settings.toConfig()));
    }

    private static Behavior<Object> guardian(Address learner) {
        return Behaviors.setup(context -> {
            ActorRef<RolloutMessage> worker = context.spawn(RolloutWorker.create(), "rollout-worker");
            context.watch(worker);
            Cluster cluster = Cluster.get(context.getSystem());
            ActorRef<Object> self = context.getSelf();
            cluster.subscriptions().tell(Subscribe.create(self.narrow(), SelfUp.class));
            cluster.subscriptions().tell(Subscribe.create(self.narrow(), ClusterEvent.MemberRemoved.class));
            cluster.subscriptions().tell(Subscribe.create(self.narrow(), ClusterEvent.UnreachableMember.class));
            return Behaviors.receive(Object.class)
                    .onMessage(SelfUp.class, up -> {
                        System.out.println("READY " + cluster.selfMember().address());
                        return Behaviors.same();
                    })
                    .onMessage(ClusterEvent.MemberRemoved.class, removed -> learnerGone(removed.member().address(), learner))
                    .onMessage(ClusterEvent.UnreachableMember.class,
                            unreachable -> learnerGone(unreachable.member().address(), learner))
                    .onSignal(Terminated.class, stopped -> {
                        // leaving (rather than just stopping) lets the learner remove this node at once;
                        // once removed, Pekko's coordinated shutdown stops the system and exits the JVM
                        cluster.manager().tell(new Leave(cluster.selfMember().address()));
                        return Behaviors.same();
                    })
                    .build();
        });
    }

    private static Behavior<Object> learnerGone(Address member, Address learner) {
        return member.equals(learner) ? Behaviors.stopped() : Behaviors.same();
    }
}

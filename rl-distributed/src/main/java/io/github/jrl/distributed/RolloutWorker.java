package io.github.jrl.distributed;

import io.github.jrl.algorithms.onpolicy.RolloutShard;
import io.github.jrl.algorithms.onpolicy.ShardCollector;
import io.github.jrl.algorithms.sac.TransitionCollector;
import io.github.jrl.core.env.Environment;
import io.github.jrl.core.random.Rng;
import io.github.jrl.envs.Envs;
import io.github.jrl.nd4j.policy.ActorCriticPolicy;
import io.github.jrl.nd4j.policy.ActorPolicy;
import java.util.HashMap;
import java.util.Map;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;
import org.apache.pekko.actor.typed.receptionist.Receptionist;
import org.apache.pekko.actor.typed.receptionist.ServiceKey;

/**
 * A long-lived rollout worker (RLlib's {@code EnvRunner}): hosts the shards of copies the
 * learner gives it, each with its own vector env kept between rollouts, and answers every
 * {@link CollectShard} with the shard's next rollout, acting with the plain-Java policy it was
 * sent. It registers itself with the receptionist under {@link #SERVICE}, so a learner finds it
 * in the same JVM or anywhere in the cluster.
 *
 * <p>A shard's copies live on in the worker that collected the shard's previous rollout; a worker
 * that starts hosting a shard (the run's first rollout, a shard moved here from a failed or
 * busier worker, or back here after a while) rebuilds its copies from the state the learner
 * sends, so the copies continue exactly where they were.
 */
public final class RolloutWorker extends AbstractBehavior<RolloutMessage> {

    public static final ServiceKey<RolloutMessage> SERVICE = ServiceKey.create(RolloutMessage.class, "jrl-rollout-worker");

    /** A shard's copies here, and the iteration they last collected. */
    private static final class Hosted {
        final String runId;
        final ShardSpec spec;
        final ShardCollector collector;
        long lastIteration;

        Hosted(String runId, ShardSpec spec, ShardCollector collector) {
            this.runId = runId;
            this.spec = spec;
            this.collector = collector;
        }

        /** Whether {@code request} continues these copies: same run and shard, the very next rollout. */
        boolean continuedBy(CollectShard request) {
            return runId.equals(request.runId()) && spec.equals(request.spec())
                    && request.iteration() == lastIteration + 1;
        }
    }

    private final Map<Integer, Hosted> shards = new HashMap<>();
    /** SAC shards hosted here, by run and shard index. */
    private final Map<String, TransitionCollector> transitionShards = new HashMap<>();

    private RolloutWorker(ActorContext<RolloutMessage> context) {
        super(context);
        context.getSystem().receptionist().tell(Receptionist.register(SERVICE, context.getSelf()));
    }

    public static Behavior<RolloutMessage> create() {
        return Behaviors.setup(RolloutWorker::new);
    }

    @Override
    public Receive<RolloutMessage> createReceive() {
        return newReceiveBuilder()
                .onMessage(CollectShard.class, this::collect)
                .onMessage(CollectTransitions.class, this::collectTransitions)
                .onMessage(StopWorker.class, stop -> {
                    getContext().getLog().info("stopping: the learner is done");
                    return Behaviors.stopped();
                })
                .build();
    }

    private Behavior<RolloutMessage> collect(CollectShard request) {
        Hosted hosted = shards.get(request.shardIndex());
        if (hosted == null || !hosted.continuedBy(request)) {
            hosted = new Hosted(request.runId(), request.spec(), start(request));
            shards.put(request.shardIndex(), hosted);
        }
        ActorCriticPolicy policy = ActorCriticPolicy.fromBytes(request.policy());
        RolloutShard rollout = hosted.collector.collect(policy, Rng.fromState(request.actionRngState()),
                request.spec().gaeLambda());
        hosted.lastIteration = request.iteration();
        request.replyTo().tell(new ShardCollected(request.runId(), request.iteration(), request.shardIndex(), rollout,
                hosted.collector.observations(),
                hosted.collector.saveState()));
        return this;
    }

    /**
     * The next steps of a SAC shard. A shard that moves here from another worker starts its
     * copies afresh from the run's seed: the transitions are new rows for the replay buffer, not
     * a continuation of the lost worker's episodes.
     */
    private Behavior<RolloutMessage> collectTransitions(CollectTransitions request) {
        ShardSpec spec = request.spec();
        TransitionCollector collector = transitionShards.computeIfAbsent(request.runId() + "#" + request.shardIndex(),
                key -> {
                    TransitionCollector started = new TransitionCollector(() -> env(spec), spec.firstCopy(),
                            spec.numCopies());
                    started.reset(request.envSeed());
                    return started;
                });
        request.replyTo().tell(new TransitionsCollected(request.runId(), request.sequence(), request.shardIndex(),
                collector.collect(ActorPolicy.fromBytes(request.policy()), request.uniform(), Rng.fromState(request.explorationRngState()),
                        request.steps())));
        return this;
    }

    private static ShardCollector start(CollectShard request) {
        ShardSpec spec = request.spec();
        ShardCollector collector = new ShardCollector(() -> env(spec), spec.firstCopy(), spec.numCopies(),
                spec.totalCopies(), spec.numSteps(), spec.gamma());
        collector.reset(request.envSeed());
        if (request.copiesState().length > 0) {
            collector.restore(request.copiesState());
        }
        return collector;
    }

    private static Environment<float[], ?> env(ShardSpec spec) {
        return Envs.make(spec.envId(), spec.envKwargs());
    }
}

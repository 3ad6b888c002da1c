package io.github.jrl.algorithms.ppo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.jrl.algorithms.onpolicy.RemoteRollouts;
import io.github.jrl.algorithms.onpolicy.RolloutShard;
import io.github.jrl.algorithms.onpolicy.ShardCollector;
import io.github.jrl.core.buffer.RolloutBuffer;
import io.github.jrl.core.env.Environment;
import io.github.jrl.core.metrics.MetricNames;
import io.github.jrl.core.random.Rng;
import io.github.jrl.core.wrappers.EpisodeStatistics;
import io.github.jrl.envs.Envs;
import io.github.jrl.nd4j.policy.ActorCriticPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The seam rollout workers use: a run whose rollouts come from shards of its copies, each
 * collected on its own with a copy of the action stream, trains bit-identically to the run
 * collecting all copies itself.
 */
class PpoRemoteRolloutsTest {

    private static final Supplier<Environment<float[], Object>> CART_POLE = () -> Envs.make("CartPole-v1");

    /** Shards collected one after another in this thread, each from its own copy of the stream. */
    private record InProcessShards(List<ShardCollector> shards, int totalCopies, double gamma) implements RemoteRollouts {

        static InProcessShards of(PpoConfig config, int... shardSizes) {
            List<ShardCollector> shards = new ArrayList<>();
            int first = 0;
            for (int size : shardSizes) {
                shards.add(new ShardCollector(CART_POLE, first, size, config.numEnvs(), config.numSteps(), config.gamma()));
                first += size;
            }
            return new InProcessShards(shards, first, config.gamma());
        }

        @Override
        public void reset(long seed) {
            shards.forEach(s -> s.reset(seed));
        }

        @Override
        public long collect(ActorCriticPolicy policy, Rng actionRng, double gaeLambda, RolloutBuffer buffer,
                Consumer<EpisodeStatistics> episodes) {
            List<RolloutShard> collected = new ArrayList<>();
            for (ShardCollector shard : shards) {
                collected.add(shard.collect(policy, Rng.fromState(actionRng.state()), gaeLambda));
            }
            actionRng.skip((long) buffer.numSteps() * totalCopies);
            return RolloutShard.assemble(collected, buffer, gamma, gaeLambda, episodes);
        }
    }

    @Test
    void shardedCollectionTrainsBitIdenticallyToLocalCollection() {
        PpoConfig config = PpoPresets.cartPole().toBuilder().numEnvs(5).numSteps(64).batchSize(64).numEpochs(2).seed(3)
                .build();
        long total = 4L * config.rolloutSize();
        Ppo local = new Ppo(config, CART_POLE);
        local.learn(total);
        Ppo sharded = new Ppo(config, CART_POLE, InProcessShards.of(config, 2, 3));
        sharded.learn(total);
        assertArrayEquals(io.github.jrl.nd4j.Buffers.toArray(local.model().parameters().params()),
                io.github.jrl.nd4j.Buffers.toArray(sharded.model().parameters().params()));
        assertEquals(withoutSps(local), withoutSps(sharded));
    }

    @Test
    void remoteRolloutsRefuseNormalizationAndContinuousShards() {
        PpoConfig normalized = PpoPresets.cartPole().toBuilder().normalizeObservations(true).build();
        assertThrows(IllegalArgumentException.class,
                () -> new Ppo(normalized, CART_POLE, InProcessShards.of(normalized, 8)));
        PpoConfig pendulum = PpoPresets.pendulum().toBuilder().numEnvs(2).numSteps(8).batchSize(16).build();
        Ppo continuous = new Ppo(pendulum, () -> Envs.make("Pendulum-v1"));
        ShardCollector shard = new ShardCollector(() -> Envs.make("Pendulum-v1"), 1, 1, 2, 8, 0.9);
        shard.reset(1);
        assertThrows(IllegalArgumentException.class, () -> shard.collect(continuous.policy(), new Rng(1), 0.9));
    }

    /** The metrics except steps per second, which is wall time. */
    private static Map<String, Double> withoutSps(Ppo ppo) {
        Map<String, Double> metrics = new TreeMap<>(ppo.latestMetrics());
        metrics.remove(MetricNames.SPS);
        return metrics;
    }
}

package io.github.jrl.distributed;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.jrl.algorithms.onpolicy.RolloutCollector.FinishedEpisode;
import io.github.jrl.algorithms.onpolicy.RolloutShard;
import io.github.jrl.core.wrappers.EpisodeStatistics;
import java.io.NotSerializableException;
import java.util.List;
import java.util.Map;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Props;
import org.apache.pekko.actor.typed.javadsl.Adapter;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.serialization.SerializationExtension;
import org.apache.pekko.serialization.Serializer;
import org.apache.pekko.serialization.SerializerWithStringManifest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The wire format: the module's reference.conf binds it, and floats arrive bit for bit. */
class RolloutSerializerTest {

    private static ActorSystem<Void> system;
    private static SerializerWithStringManifest serializer;

    @BeforeAll
    static void start() {
        system = ActorSystem.create(Behaviors.empty(), "serializer-test", ClusterSettings.embeddedConfig());
        Serializer bound = SerializationExtension.get(Adapter.toClassic(system)).findSerializerFor(new StopWorker());
        serializer = assertInstanceOf(RolloutSerializer.class, bound);
    }

    @AfterAll
    static void stop() {
        system.terminate();
    }

    private static Object roundTrip(Object message) throws NotSerializableException {
        return serializer.fromBinary(serializer.toBinary(message), serializer.manifest(message));
    }

    @Test
    void aCollectRequestRoundTrips() throws NotSerializableException {
        ShardSpec spec = new ShardSpec("jrl/BusyCartPole-v1", Map.of("work", 10.0), 2, 3, 8, 16, 0.98, 0.8);
        ActorRef<ShardCollected> replyTo = system.systemActorOf(Behaviors.<ShardCollected>empty(), "reply", Props.empty());
        CollectShard request = new CollectShard("run", 7, 1, spec, -5L, new byte[] {9, 8}, new long[] {1, 2, 3, 4, 0, 9},
                new byte[] {1, -2, 3}, replyTo);
        CollectShard read = (CollectShard) roundTrip(request);
        assertEquals(request.runId(), read.runId());
        assertEquals(request.iteration(), read.iteration());
        assertEquals(request.shardIndex(), read.shardIndex());
        assertEquals(spec, read.spec());
        assertEquals(request.envSeed(), read.envSeed());
        assertArrayEquals(request.copiesState(), read.copiesState());
        assertArrayEquals(request.actionRngState(), read.actionRngState());
        assertArrayEquals(request.policy(), read.policy());
        assertEquals(replyTo, read.replyTo());
    }

    @Test
    void aShardRoundTripsBitForBit() throws NotSerializableException {
        float[] odd = {Float.NaN, -0.0f, Float.MIN_VALUE, 1e30f};
        RolloutShard shard = new RolloutShard(4, 2, 2, new float[] {1, 2, 3, 4, 5, 6, 7, 8}, odd.clone(), odd.clone(),
                new boolean[] {true, false, false, true}, odd.clone(), odd.clone(), new float[] {0.5f, -0.5f},
                List.of(new FinishedEpisode(1, 0, new EpisodeStatistics(new double[] {12.5}, 13))));
        ShardCollected read = (ShardCollected) roundTrip(new ShardCollected("run", 3, 2, shard, new byte[] {4, 5, 6}));
        assertArrayEquals(new byte[] {4, 5, 6}, read.copiesState());
        RolloutShard back = read.shard();
        assertEquals(3, read.iteration());
        assertEquals(2, read.shardIndex());
        assertEquals(List.of(shard.firstCopy(), shard.numCopies(), shard.numSteps()),
                List.of(back.firstCopy(), back.numCopies(), back.numSteps()));
        assertArrayEquals(shard.observations(), back.observations());
        for (float[][] pair : new float[][][] {{shard.actions(), back.actions()}, {shard.rewards(), back.rewards()},
                {shard.values(), back.values()}, {shard.logProbs(), back.logProbs()}}) {
            for (int i = 0; i < pair[0].length; i++) {
                assertEquals(Float.floatToRawIntBits(pair[0][i]), Float.floatToRawIntBits(pair[1][i]));
            }
        }
        assertArrayEquals(shard.dones(), back.dones());
        assertArrayEquals(shard.lastValues(), back.lastValues());
        assertEquals(shard.episodes(), back.episodes());
    }

    @Test
    void malformedBytesAndUnknownManifestsAreRefused() {
        assertThrows(NotSerializableException.class, () -> serializer.fromBinary(new byte[] {0, 1}, "R"));
        assertThrows(NotSerializableException.class, () -> serializer.fromBinary(new byte[0], "X"));
        assertThrows(IllegalArgumentException.class, () -> serializer.manifest("not a message"));
    }
}

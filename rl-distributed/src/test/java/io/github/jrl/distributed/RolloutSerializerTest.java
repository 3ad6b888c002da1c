package io.github.jrl.distributed;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.jrl.algorithms.onpolicy.RolloutCollector.FinishedEpisode;
import io.github.jrl.algorithms.onpolicy.RolloutShard;
import io.github.jrl.algorithms.sac.TransitionChunk;
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
        ShardCollected read = (ShardCollected) roundTrip(new ShardCollected("run", 3, 2, shard, new float[] {9, -1, 2, 0},
                new byte[] {4, 5, 6}));
        assertArrayEquals(new float[] {9, -1, 2, 0}, read.lastObservations());
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
    void transitionMessagesRoundTripBitForBit() throws NotSerializableException {
        ShardSpec spec = new ShardSpec("CartPole-v1", Map.of(), 1, 2, 4, 8, 0.99, 1.0);
        ActorRef<TransitionsCollected> replyTo = system.systemActorOf(Behaviors.<TransitionsCollected>empty(), "chunks",
                Props.empty());
        CollectTransitions request = new CollectTransitions("run", 4, 1, spec, 9L, new byte[] {7, -7}, true,
                new long[] {5, 6, 7, 8, 0, 1}, 8, replyTo);
        CollectTransitions read = (CollectTransitions) roundTrip(request);
        assertEquals(List.of(request.runId(), request.sequence(), request.shardIndex(), request.spec(),
                request.envSeed(), request.uniform(), request.steps(), request.replyTo()),
                List.of(read.runId(), read.sequence(), read.shardIndex(), read.spec(), read.envSeed(), read.uniform(),
                        read.steps(), read.replyTo()));
        assertArrayEquals(request.policy(), read.policy());
        assertArrayEquals(request.explorationRngState(), read.explorationRngState());

        float[] odd = {Float.NaN, -0.0f};
        TransitionChunk chunk = new TransitionChunk(2, new float[] {1, 2, 3, 4}, odd.clone(), odd.clone(),
                new float[] {5, 6, 7, Float.MIN_VALUE}, new boolean[] {true, false}, new boolean[] {false, true},
                List.of(new EpisodeStatistics(new double[] {3.5}, 4)));
        TransitionsCollected back = (TransitionsCollected) roundTrip(new TransitionsCollected("run", 4, 1, chunk));
        assertEquals(List.of("run", 4L, 1), List.of(back.runId(), back.sequence(), back.shardIndex()));
        TransitionChunk c = back.chunk();
        assertEquals(chunk.rows(), c.rows());
        assertArrayEquals(chunk.observations(), c.observations());
        assertArrayEquals(chunk.nextObservations(), c.nextObservations());
        for (int i = 0; i < 2; i++) {
            assertEquals(Float.floatToRawIntBits(chunk.actions()[i]), Float.floatToRawIntBits(c.actions()[i]));
            assertEquals(Float.floatToRawIntBits(chunk.rewards()[i]), Float.floatToRawIntBits(c.rewards()[i]));
        }
        assertArrayEquals(chunk.terminated(), c.terminated());
        assertArrayEquals(chunk.truncated(), c.truncated());
        assertEquals(chunk.episodes(), c.episodes());
    }

    @Test
    void malformedBytesAndUnknownManifestsAreRefused() {
        assertThrows(NotSerializableException.class, () -> serializer.fromBinary(new byte[] {0, 1}, "R"));
        assertThrows(NotSerializableException.class, () -> serializer.fromBinary(new byte[0], "X"));
        assertThrows(IllegalArgumentException.class, () -> serializer.manifest("not a message"));
    }
}

package io.github.jrl.distributed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.jrl.algorithms.sac.Sac;
import io.github.jrl.algorithms.sac.SacConfig;
import io.github.jrl.algorithms.sac.SacPresets;
import io.github.jrl.core.buffer.ReplayBuffer;
import io.github.jrl.core.wrappers.EpisodeStatistics;
import io.github.jrl.envs.Envs;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** SAC's off-policy path: embedded workers feed the replay buffer every transition exactly once. */
class RemoteTransitionsTest {

    private static SacConfig counting() {
        return SacPresets.cartPole().toBuilder().numEnvs(4).hiddenSizes(16, 16).learningStarts(32).batchSize(32)
                .bufferSize(100_000).seed(5).build();
    }

    /**
     * Every transition of every copy arrives once: per copy, the counts of the observations in the
     * buffer are 0, 1, 2, ... without gap or repeat, each with its own successor as {@code s'} and
     * the termination flag where its episode ended.
     */
    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void theReplayBufferReceivesEveryTransitionExactlyOnce() throws IOException {
        CountingEnv.register();
        SacConfig config = counting();
        RolloutPlan plan = RolloutPlan.of(config, CountingEnv.ID, Map.of(), 3, 8);
        Sac actorSource = new Sac(config, () -> Envs.make(CountingEnv.ID));
        ReplayBuffer buffer = new ReplayBuffer(config.bufferSize(), 2, 1);
        List<EpisodeStatistics> episodes = new ArrayList<>();
        long added = 0;
        try (PekkoTransitions transitions = PekkoTransitions.embedded(plan, 2, Duration.ofSeconds(30), 4, 3)) {
            transitions.start(7, 8, actorSource::policy);
            for (int round = 1; round <= 40; round++) {
                added += transitions.drainInto(buffer, episodes::add);
                transitions.trained(round, actorSource::policy);
            }
            assertEquals(added, transitions.transitionsAdded());
            assertEquals(14, transitions.broadcasts(), "the first round, then every third gradient step");
            assertEquals(added, buffer.size());
        }
        Map<Float, TreeSet<Float>> countsByCopy = new TreeMap<>();
        float[][] rows = rows(buffer);
        for (float[] row : rows) {
            float tag = row[0];
            float count = row[1];
            assertTrue(countsByCopy.computeIfAbsent(tag, t -> new TreeSet<>()).add(count),
                    "transition " + count + " of copy " + tag + " arrived twice");
            assertEquals(tag, row[2], "s' of the same copy");
            assertEquals(count + 1, row[3], "s' is the next observation");
            assertEquals((count + 1) % CountingEnv.EPISODE == 0, row[4] == 1f, "terminated where the episode ended");
        }
        assertEquals(4, countsByCopy.size(), "four copies: " + countsByCopy.keySet());
        Map<Float, Integer> perCopy = new HashMap<>();
        for (Map.Entry<Float, TreeSet<Float>> copy : countsByCopy.entrySet()) {
            TreeSet<Float> counts = copy.getValue();
            assertEquals(0f, counts.first());
            assertEquals(counts.size() - 1, counts.last().intValue(), "no transition of copy " + copy.getKey()
                    + " missing between 0 and " + counts.last());
            perCopy.put(copy.getKey(), counts.size());
        }
        assertEquals(added, perCopy.values().stream().mapToLong(Integer::longValue).sum());
        long ended = perCopy.values().stream().mapToLong(n -> n / CountingEnv.EPISODE).sum();
        assertEquals(ended, episodes.size(), "every finished episode reported once");
    }

    /** SAC trains from remote transitions: every step it counts is in its buffer, and snapshots are broadcast. */
    @Test
    @Timeout(value = 180, unit = TimeUnit.SECONDS)
    void sacTrainsOnTransitionsFromEmbeddedWorkers() {
        SacConfig config = SacPresets.cartPole().toBuilder().numEnvs(4).hiddenSizes(32, 32).learningStarts(200)
                .seed(2).build();
        RolloutPlan plan = RolloutPlan.of(config, DistributedPpoRuns.ENV, Map.of(), 2, 4);
        try (PekkoTransitions transitions = PekkoTransitions.embedded(plan, 2, Duration.ofSeconds(30), 4, 10)) {
            Sac sac = new Sac(config, DistributedPpoRuns.CART_POLE, transitions);
            sac.learn(3000);
            assertEquals(sac.stepsDone(), sac.bufferSize());
            assertEquals(sac.stepsDone(), transitions.transitionsAdded());
            assertTrue(sac.gradientSteps() > 0 && transitions.broadcasts() > 1, sac.gradientSteps() + " gradient steps, "
                    + transitions.broadcasts() + " broadcasts");
            System.out.println("SAC from 2 embedded workers: " + sac.stepsDone() + " steps, " + sac.gradientSteps()
                    + " gradient steps, " + transitions.broadcasts() + " broadcasts, " + sac.latestMetrics());
        }
    }

    /** The same across JVMs: two worker JVMs on 127.0.0.1 feed the buffer, and exit when the learner closes. */
    @Test
    @Timeout(value = 180, unit = TimeUnit.SECONDS)
    void workerJvmsFeedTheReplayBuffer() throws Exception {
        SacConfig config = SacPresets.cartPole().toBuilder().numEnvs(4).hiddenSizes(32, 32).learningStarts(200)
                .seed(3).build();
        RolloutPlan plan = RolloutPlan.of(config, DistributedPpoRuns.ENV, Map.of(), 2, 8);
        int port = LocalWorkerProcesses.freePort();
        try (LocalWorkerProcesses workers = new LocalWorkerProcesses(port)) {
            workers.start();
            workers.start();
            try (PekkoTransitions transitions = PekkoTransitions.cluster(plan,
                    ClusterSettings.learner(LocalWorkerProcesses.HOST, port), 2, Duration.ofSeconds(60),
                    Duration.ofSeconds(30), 4, 10)) {
                Sac sac = new Sac(config, DistributedPpoRuns.CART_POLE, transitions);
                sac.learn(1500);
                assertEquals(sac.stepsDone(), sac.bufferSize());
                assertEquals(sac.stepsDone(), transitions.transitionsAdded());
                assertTrue(transitions.broadcasts() > 1, transitions.broadcasts() + " broadcasts");
                assertEquals(2, transitions.chunksPerWorker().size(), "both JVMs sent transitions");
            }
            assertTrue(workers.allExitWithin(15), "the workers exit when the learner closes");
        }
    }

    /** The buffer's rows as {obs0, obs1, next0, next1, terminated}, read back through its own format. */
    private static float[][] rows(ReplayBuffer buffer) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            buffer.writeTo(out);
        }
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes.toByteArray()));
        in.readInt();
        in.readInt();
        in.readInt();
        int size = in.readInt();
        in.readInt();
        float[][] rows = new float[size][5];
        for (int i = 0; i < size; i++) {
            rows[i][0] = in.readFloat();
            rows[i][1] = in.readFloat();
        }
        for (int i = 0; i < size; i++) {
            rows[i][2] = in.readFloat();
            rows[i][3] = in.readFloat();
        }
        in.skipBytes(size * Float.BYTES * 2);
        for (int i = 0; i < size; i++) {
            rows[i][4] = (in.readByte() & 1) == 1 ? 1f : 0f;
        }
        return rows;
    }
}

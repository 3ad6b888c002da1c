package io.github.jrl.algorithms.offline.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.jrl.core.dataset.DatasetInfo;
import io.github.jrl.core.dataset.Episode;
import io.github.jrl.core.dataset.OfflineDataset;
import io.github.jrl.envs.Envs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class D4rlDatasetsTest {

    @TempDir
    Path dir;

    @Test
    void generatesAContinuousFamilyCachesItAndLoadsItBack() throws Exception {
        D4rlFamily tiny = D4rlFamily.forEnv("Pendulum-v1").withBudgets(300, 100, 400);
        D4rlDatasets datasets = new D4rlDatasets(dir, Envs::make);
        Map<String, OfflineDataset> family = datasets.generate(tiny, 3);
        assertEquals(D4rlDatasets.KINDS, List.copyOf(family.keySet()));

        OfflineDataset random = family.get(D4rlDatasets.RANDOM);
        OfflineDataset medium = family.get(D4rlDatasets.MEDIUM);
        OfflineDataset expert = family.get(D4rlDatasets.EXPERT);
        // Pendulum's episodes are 200 steps: 400 steps are two whole episodes
        assertEquals(400, random.transitionCount());
        assertEquals(2, medium.episodes().size());
        assertEquals(400, expert.transitionCount());
        for (OfflineDataset d : family.values()) {
            DatasetInfo info = d.info();
            assertEquals("Pendulum-v1", info.envId());
            assertEquals(3, info.observationSize());
            assertEquals(1, info.actionSize());
            assertEquals(0, info.actionCount());
            assertEquals(3, info.seed());
            assertTrue(Double.isFinite(info.randomReturn()) && Double.isFinite(info.expertReturn()), info.toString());
            assertEquals(random.info().randomReturn(), info.randomReturn());
            assertEquals(random.info().expertReturn(), info.expertReturn());
        }
        assertEquals("pendulum/medium-replay-v0", family.get(D4rlDatasets.MEDIUM_REPLAY).info().datasetId());
        assertEquals("sac-medium", medium.info().recordingPolicy());

        // medium-replay: the run's steps up to an evaluation (every 100 steps), episode boundaries
        // kept (200-step episodes), the episode running at the snapshot cut there
        OfflineDataset replay = family.get(D4rlDatasets.MEDIUM_REPLAY);
        int steps = replay.transitionCount();
        assertTrue(steps == 100 || steps == 200 || steps == 300, replay.toString());
        List<Episode> episodes = replay.episodes();
        for (int i = 0; i < episodes.size(); i++) {
            assertEquals(i < steps / 200 ? 200 : steps % 200, episodes.get(i).length());
            assertTrue(episodes.get(i).truncated());
        }

        // medium-expert: medium's episodes, then expert's, renumbered
        OfflineDataset mixed = family.get(D4rlDatasets.MEDIUM_EXPERT);
        List<Episode> both = new ArrayList<>();
        for (Episode e : medium.episodes()) {
            both.add(e.withId(both.size()));
        }
        for (Episode e : expert.episodes()) {
            both.add(e.withId(both.size()));
        }
        assertEquals(both, mixed.episodes());

        // cached: load reads the files generate wrote
        for (String kind : D4rlDatasets.KINDS) {
            assertTrue(Files.isRegularFile(datasets.file(tiny, kind, 3)));
            OfflineDataset loaded = datasets.load(tiny, kind, 3);
            assertEquals(family.get(kind).info(), loaded.info());
            assertEquals(family.get(kind).episodes(), loaded.episodes());
        }
    }

    @Test
    void aDiscreteFamilyIsReproducibleFromItsSeed() throws Exception {
        D4rlFamily tiny = D4rlFamily.forEnv("CartPole-v1").withBudgets(512, 256, 300);
        D4rlDatasets datasets = new D4rlDatasets(dir, Envs::make);
        OfflineDataset first = datasets.load(tiny, D4rlDatasets.MEDIUM_REPLAY, 1);
        assertEquals(2, first.info().actionCount());
        assertEquals("ppo-training", first.info().recordingPolicy());
        // every step of the PPO run's 8 copies up to the chosen snapshot
        assertTrue(first.transitionCount() == 256 || first.transitionCount() == 512, first.toString());

        Map<String, OfflineDataset> again = new D4rlDatasets(dir.resolve("again"), Envs::make).generate(tiny, 1);
        for (String kind : D4rlDatasets.KINDS) {
            OfflineDataset cached = datasets.load(tiny, kind, 1);
            assertEquals(again.get(kind).info(), cached.info());
            assertEquals(again.get(kind).episodes(), cached.episodes());
        }
    }

    @Test
    void refusesUnknownKindsAndEnvs() {
        D4rlDatasets datasets = new D4rlDatasets(dir, Envs::make);
        IllegalArgumentException kind = assertThrows(IllegalArgumentException.class,
                () -> datasets.load("Pendulum-v1", "medium_replay", 0));
        assertTrue(kind.getMessage().contains("medium-replay"), kind.getMessage());
        IllegalArgumentException env = assertThrows(IllegalArgumentException.class,
                () -> datasets.load("Acrobot-v1", "medium", 0));
        assertTrue(env.getMessage().contains("Pendulum-v1"), env.getMessage());
    }
}

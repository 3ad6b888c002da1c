package io.github.jrl.core.dataset;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.jrl.core.env.Environment;
import io.github.jrl.core.env.RandomWalk;
import io.github.jrl.core.policy.Policy;
import io.github.jrl.core.random.Rng;
import io.github.jrl.core.vector.SyncVectorEnv;
import io.github.jrl.core.wrappers.TimeLimit;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecordEpisodesTest {

    /** The episode of RandomWalk that always moves right from {@code start}: positions start..4. */
    private static Episode rightwards(int id, int start) {
        int steps = 4 - start;
        float[] observations = new float[steps + 1];
        float[] actions = new float[steps];
        float[] rewards = new float[steps];
        boolean[] terminations = new boolean[steps];
        for (int t = 0; t <= steps; t++) {
            observations[t] = start + t;
        }
        for (int t = 0; t < steps; t++) {
            actions[t] = 1;
            rewards[t] = start + t + 1;
        }
        terminations[steps - 1] = true;
        return new Episode(id, 1, 1, 1, observations, actions, rewards, terminations, new boolean[steps]);
    }

    private static final Policy<float[], Integer> RIGHT = new Policy<>() {
        @Override
        public Integer act(float[] observation, Rng rng) {
            return 1;
        }

        @Override
        public Integer actDeterministic(float[] observation) {
            return 1;
        }
    };

    @Test
    void logsEachStepOfWholeEpisodesInOrder() {
        RandomWalk walk = new RandomWalk();
        EpisodeLog log = EpisodeLog.forEnv(walk);
        Environment<float[], Integer> env = log.wrap(walk);
        int first = (int) env.reset(3).observation()[0];
        while (!env.step(1).done()) {
            assertEquals(0, log.finishedEpisodes());
        }
        int second = (int) env.reset().observation()[0];
        while (!env.step(1).done()) {
            assertEquals(1, log.finishedEpisodes());
        }
        assertEquals(List.of(rightwards(0, first), rightwards(1, second)), log.episodes());
        assertEquals((4 - first) + (4 - second), log.finishedSteps());
    }

    @Test
    void keepsVectorRewardsAndEncodesDiscreteActionsAsIndices() {
        RandomWalk walk = new RandomWalk(2);
        EpisodeLog log = EpisodeLog.forEnv(walk);
        Environment<float[], Integer> env = log.wrap(walk);
        int start = (int) env.reset(5).observation()[0];
        env.step(0);
        Episode e = log.episodes().get(0);
        assertEquals(2, e.rewardDim());
        assertArrayEquals(new float[] {start - 1, -1}, e.rewards());
        assertArrayEquals(new float[] {0}, e.actions());
    }

    @Test
    void anEpisodeCutByResetOrStillRunningIsKeptAndFlaggedTruncated() {
        RandomWalk walk = new RandomWalk();
        EpisodeLog log = EpisodeLog.forEnv(walk);
        Environment<float[], Integer> env = log.wrap(walk);
        int start = (int) env.reset(7).observation()[0];
        env.step(1);
        int restart = (int) env.reset().observation()[0];
        env.step(0);
        env.step(1);

        List<Episode> episodes = log.episodes();
        assertEquals(2, episodes.size());
        Episode cut = episodes.get(0);
        assertArrayEquals(new float[] {start, start + 1}, cut.observations());
        assertTrue(cut.truncated());
        assertFalse(cut.terminated());
        Episode running = episodes.get(1);
        assertArrayEquals(new float[] {restart, restart - 1, restart}, running.observations());
        assertArrayEquals(new boolean[] {false, true}, running.truncations());
        assertEquals(1, log.finishedEpisodes());

        // reading the log does not end the running episode (start in [-2, 2]: these steps stay inside +-3)
        env.step(0);
        assertArrayEquals(new boolean[] {false, false, true}, log.episodes().get(1).truncations());
    }

    @Test
    void keepsTimeLimitTruncationApartFromTermination() {
        EpisodeLog log = EpisodeLog.forEnv(new RandomWalk());
        Environment<float[], Integer> env = log.wrap(new TimeLimit<>(new RandomWalk(), 2));
        env.reset(1);
        env.step(1);
        env.step(0);
        Episode e = log.episodes().get(0);
        assertArrayEquals(new boolean[] {false, false}, e.terminations());
        assertArrayEquals(new boolean[] {false, true}, e.truncations());
    }

    @Test
    void capturesTheReplayStreamOfAVectorEnvWithEpisodeBoundaries() {
        EpisodeLog log = EpisodeLog.forEnv(new RandomWalk());
        SyncVectorEnv<float[], Integer> vec = new SyncVectorEnv<>(() -> log.wrap(new RandomWalk()), 3);
        vec.reset(11);
        Rng rng = new Rng(2);
        int steps = 40;
        for (int i = 0; i < steps; i++) {
            vec.step(new float[] {rng.nextInt(2), rng.nextInt(2), rng.nextInt(2)});
        }
        List<Episode> episodes = log.episodes();
        int total = 0;
        for (int i = 0; i < episodes.size(); i++) {
            Episode e = episodes.get(i);
            assertEquals(i, e.id());
            float[] obs = e.observations();
            float[] actions = e.actions();
            for (int t = 0; t < e.length(); t++) {
                assertEquals(obs[t] + (actions[t] == 1 ? 1 : -1), obs[t + 1]);
                assertEquals(obs[t + 1], e.rewards()[t]);
            }
            assertEquals(Math.abs(obs[e.length()]) >= 4, e.terminated());
            total += e.length();
        }
        assertEquals(3 * steps, total);
        assertTrue(log.finishedEpisodes() >= 3, "40 random steps end several walks, got " + log.finishedEpisodes());
    }

    @Test
    void refusesAnEnvironmentOfAnotherShape() {
        EpisodeLog log = EpisodeLog.forEnv(new RandomWalk());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> log.wrap(new RandomWalk(2)));
        assertTrue(e.getMessage().contains("rewardDim 2"), e.getMessage());
    }

    @Test
    void aStepBeforeTheFirstResetSeenIsRefused() {
        RandomWalk walk = new RandomWalk();
        walk.reset(0);
        EpisodeLog log = EpisodeLog.forEnv(walk);
        Environment<float[], Integer> env = log.wrap(walk);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> env.step(1));
        assertTrue(e.getMessage().contains("without a reset"), e.getMessage());
    }

    @Test
    void policyRecorderRecordsWholeEpisodesAndIsSeeded() {
        OfflineDataset dataset = PolicyRecorder.record(new RandomWalk(), RIGHT, true, 5, 4, "walk/right-v0",
                "right", "always 1");
        assertTrue(dataset.transitionCount() >= 5);
        int withoutLast = dataset.transitionCount() - dataset.episodes().get(dataset.episodes().size() - 1).length();
        assertTrue(withoutLast < 5, "stops after the episode that reaches 5 steps");
        for (Episode e : dataset.episodes()) {
            assertEquals(rightwards(e.id(), (int) e.observation(0)[0]), e);
        }
        assertEquals(new DatasetInfo("walk/right-v0", "RandomWalk", 1, 1, 2, 1, "right", "always 1", 4, Double.NaN,
                Double.NaN), dataset.info());

        Policy<float[], Integer> coin = new Policy<>() {
            @Override
            public Integer act(float[] observation, Rng rng) {
                return rng.nextInt(2);
            }

            @Override
            public Integer actDeterministic(float[] observation) {
                throw new AssertionError("a stochastic recording samples");
            }
        };
        OfflineDataset a = PolicyRecorder.record(new RandomWalk(), coin, false, 30, 9, "walk/coin-v0", "coin", "");
        OfflineDataset b = PolicyRecorder.record(new RandomWalk(), coin, false, 30, 9, "walk/coin-v0", "coin", "");
        OfflineDataset c = PolicyRecorder.record(new RandomWalk(), coin, false, 30, 10, "walk/coin-v0", "coin", "");
        assertEquals(a.episodes(), b.episodes());
        assertFalse(a.episodes().equals(c.episodes()));
    }
}

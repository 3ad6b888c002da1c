package io.github.jrl.algorithms.offline;

import io.github.jrl.core.dataset.DatasetInfo;
import io.github.jrl.core.dataset.Episode;
import io.github.jrl.core.dataset.OfflineDataset;
import io.github.jrl.core.env.Environment;
import io.github.jrl.core.env.Step;
import io.github.jrl.core.random.Rng;
import io.github.jrl.envs.Envs;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/** Small datasets recorded in the tests from scripted policies. */
final class Recorded {

    private Recorded() {
    }

    /** MountainCarContinuous-v0's scripted expert: push the way the car moves (reaches the goal). */
    static Object mountainCarExpert(float[] observation, Rng rng) {
        return new float[] {observation[1] >= 0 ? 1f : -1f};
    }

    /** CartPole-v1's scripted expert: push toward where the pole is falling. */
    static Object cartPoleExpert(float[] observation, Rng rng) {
        return observation[2] + 0.5f * observation[3] > 0 ? 1 : 0;
    }

    /**
     * {@code episodes} episodes of {@code policy} on {@code envId}, the env reset with
     * {@code seed}; {@code epsilon} of the actions are replaced by uniformly random ones.
     */
    static OfflineDataset record(String envId, BiFunction<float[], Rng, Object> policy, double epsilon, int episodes,
            long seed, double randomReturn, double expertReturn) {
        Environment<float[], Object> env = Envs.make(envId);
        Rng rng = new Rng(seed);
        List<Episode> recorded = new ArrayList<>();
        int observationSize = env.observationSpace().flatSize();
        int actionSize = env.actionSpace().flatSize();
        for (int e = 0; e < episodes; e++) {
            float[] observation = e == 0 ? env.reset(seed).observation() : env.reset().observation();
            List<float[]> observations = new ArrayList<>(List.of(observation));
            List<float[]> actions = new ArrayList<>();
            List<Float> rewards = new ArrayList<>();
            Step<float[]> step;
            do {
                Object action = rng.nextDouble() < epsilon ? env.actionSpace().sample(rng) : policy.apply(observation, rng);
                step = env.step(action);
                actions.add(action instanceof float[] a ? a.clone() : new float[] {(Integer) action});
                rewards.add((float) step.reward());
                observation = step.observation();
                observations.add(observation);
            } while (!step.done());
            int steps = actions.size();
            float[] obs = new float[(steps + 1) * observationSize];
            for (int t = 0; t <= steps; t++) {
                System.arraycopy(observations.get(t), 0, obs, t * observationSize, observationSize);
            }
            float[] act = new float[steps * actionSize];
            float[] rew = new float[steps];
            for (int t = 0; t < steps; t++) {
                System.arraycopy(actions.get(t), 0, act, t * actionSize, actionSize);
                rew[t] = rewards.get(t);
            }
            boolean[] terminations = new boolean[steps];
            boolean[] truncations = new boolean[steps];
            terminations[steps - 1] = step.terminated();
            truncations[steps - 1] = step.truncated();
            recorded.add(new Episode(e, observationSize, actionSize, 1, obs, act, rew, terminations, truncations));
        }
        Object space = env.actionSpace();
        int actionCount = space instanceof io.github.jrl.core.space.Discrete d ? d.n() : 0;
        DatasetInfo info = new DatasetInfo("test/" + envId + "-scripted-v0", envId, observationSize, actionSize,
                actionCount, 1, "scripted", "epsilon=" + epsilon, seed, randomReturn, expertReturn);
        return new OfflineDataset(info, recorded);
    }
}

package io.github.jrl.algorithms.sac;

import io.github.jrl.core.env.Environment;
import io.github.jrl.core.random.Rng;
import io.github.jrl.core.space.Box;
import io.github.jrl.core.space.Discrete;
import io.github.jrl.core.space.Space;
import io.github.jrl.core.vector.SyncVectorEnv;
import io.github.jrl.core.wrappers.EpisodeStatistics;
import io.github.jrl.core.wrappers.RecordEpisodeStatistics;
import io.github.jrl.nd4j.policy.ActorPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * A remote worker's part of a SAC run: copies {@code firstCopy .. firstCopy + numCopies - 1} of
 * the run's copies (seeded as those copies are in one process), stepped with an actor snapshot
 * ({@link ActorPolicy}) or uniformly random actions, into {@link TransitionChunk}s, as
 * {@link Sac} steps its own copies: white exploration noise, {@code s'} of a finished episode its
 * final observation, both end flags kept.
 */
public final class TransitionCollector {

    private final SyncVectorEnv<float[], Object> envs;
    private final int numCopies;
    private final int observationSize;

    @SuppressWarnings("unchecked")
    public TransitionCollector(Supplier<? extends Environment<float[], ?>> envFactory, int firstCopy, int numCopies) {
        if (firstCopy < 0 || numCopies <= 0) {
            throw new IllegalArgumentException("a shard needs a first copy >= 0 and copies > 0, got " + firstCopy + " and "
                    + numCopies);
        }
        this.numCopies = numCopies;
        // the action type is whatever the env takes; the vector env decodes it from its space
        Supplier<Environment<float[], Object>> typed = (Supplier<Environment<float[], Object>>) envFactory;
        envs = new SyncVectorEnv<>(() -> new RecordEpisodeStatistics<>(typed.get()), numCopies, firstCopy);
        observationSize = envs.observationSize();
    }

    /** Resets the copies as a vector env of all copies reset with {@code seed} resets them. */
    public void reset(long seed) {
        envs.reset(seed);
    }

    /**
     * {@code steps} steps of every copy: actions uniformly random (in the policy's encoding) if
     * {@code uniform}, else sampled from {@code policy} with white noise; all draws from {@code rng}.
     */
    public TransitionChunk collect(ActorPolicy policy, boolean uniform, Rng rng, int steps) {
        if (steps <= 0) {
            throw new IllegalArgumentException("a chunk needs at least one step, got " + steps);
        }
        int actionSize = policy.actionSize();
        int rows = steps * numCopies;
        float[] observations = new float[rows * observationSize];
        float[] nextObservations = new float[rows * observationSize];
        float[] actions = new float[rows * actionSize];
        float[] rewards = new float[rows];
        boolean[] terminated = new boolean[rows];
        boolean[] truncated = new boolean[rows];
        List<EpisodeStatistics> episodes = new ArrayList<>();
        float[] stepObservations = new float[numCopies * observationSize];
        float[] stepActions = new float[numCopies * actionSize];
        float[] envActions = new float[numCopies * actionSize];
        float[] noise = new float[numCopies * actionSize];
        boolean continuous = policy.actionSpace() instanceof Box;
        for (int t = 0; t < steps; t++) {
            System.arraycopy(envs.observations(), 0, stepObservations, 0, stepObservations.length);
            if (uniform) {
                uniformActions(policy.actionSpace(), rng, stepActions, numCopies);
            } else {
                if (continuous) {
                    whiteNoise(rng, noise);
                }
                policy.sampleBatch(stepObservations, numCopies, noise, rng, stepActions);
            }
            policy.toEnvActions(stepActions, numCopies, envActions);
            envs.step(envActions);
            int row = t * numCopies;
            System.arraycopy(stepObservations, 0, observations, row * observationSize, stepObservations.length);
            System.arraycopy(stepActions, 0, actions, row * actionSize, stepActions.length);
            for (int i = 0; i < numCopies; i++) {
                rewards[row + i] = (float) envs.rewards()[i];
                terminated[row + i] = envs.terminated()[i];
                truncated[row + i] = envs.truncated()[i];
                boolean done = terminated[row + i] || truncated[row + i];
                // after an autoreset the env shows the next episode's first observation; s' is the final one
                System.arraycopy(done ? envs.finalObservations() : envs.observations(), i * observationSize,
                        nextObservations, (row + i) * observationSize, observationSize);
                if (done && envs.finalInfo(i).get(RecordEpisodeStatistics.INFO_KEY) instanceof EpisodeStatistics e) {
                    episodes.add(e);
                }
            }
        }
        return new TransitionChunk(rows, observations, actions, rewards, nextObservations, terminated, truncated,
                episodes);
    }

    /**
     * Uniformly random actions of {@code n} copies in the policy's encoding, as SB3 samples the
     * action space before {@code learning_starts}: U(-1, 1) per dimension of a box (the squashed
     * encoding), a uniform index of a discrete space.
     */
    static void uniformActions(Space<?> actionSpace, Rng rng, float[] actions, int n) {
        if (actionSpace instanceof Discrete discrete) {
            for (int i = 0; i < n; i++) {
                actions[i] = rng.nextInt(discrete.n());
            }
        } else {
            for (int j = 0; j < n * ((Box) actionSpace).size(); j++) {
                actions[j] = (float) rng.nextDouble(-1, 1);
            }
        }
    }

    /** Standard-normal white noise into every slot of {@code noise}. */
    static void whiteNoise(Rng rng, float[] noise) {
        for (int j = 0; j < noise.length; j++) {
            noise[j] = (float) rng.nextGaussian();
        }
    }
}

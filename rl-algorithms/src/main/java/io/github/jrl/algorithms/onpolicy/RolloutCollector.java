package io.github.jrl.algorithms.onpolicy;

import io.github.jrl.core.buffer.RolloutBuffer;
import io.github.jrl.core.checkpoint.StateCodec;
import io.github.jrl.core.checkpoint.Stateful;
import io.github.jrl.core.random.Rng;
import io.github.jrl.core.space.Box;
import io.github.jrl.core.vector.VectorEnv;
import io.github.jrl.core.wrappers.EpisodeStatistics;
import io.github.jrl.core.wrappers.RecordEpisodeStatistics;
import io.github.jrl.nd4j.policy.ActorCriticPolicy;
import io.github.jrl.nd4j.policy.CategoricalHead;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Fills a {@link RolloutBuffer} from a vector env with an actor-critic policy, the collection
 * half of every on-policy algorithm (Stable-Baselines3's {@code OnPolicyAlgorithm.collect_rollouts}).
 *
 * <p>Truncation is bootstrapped: when a copy is truncated (and not terminated), the stored reward
 * becomes {@code r + gamma * V(final observation)}, so the time limit is not mistaken for a
 * terminal state. CleanRL's {@code ppo.py} treats both alike, which biases values near the limit.
 * Sampled continuous actions are clipped to the action box before stepping, as SB3 does; the
 * buffer keeps the unclipped sample, whose log-probability the loss needs.
 *
 * <p>Vector rewards (multi-objective environments) are collected whole when the buffer has the
 * environment's {@code rewardDim} and the policy's critic one value per objective; each
 * objective is bootstrapped on truncation with its own value.
 *
 * <p>Its saved state ({@link Stateful}) is the window of recent episodes behind the
 * {@code charts/episodic_*} metrics, so that a resumed run reports what the uninterrupted one
 * would; the environments are saved on their own.
 */
public final class RolloutCollector implements Stateful {

    /** Episodes over which {@link #meanEpisodeReturn()} averages (SB3's {@code stats_window_size}). */
    public static final int EPISODE_WINDOW = 100;

    private final VectorEnv envs;
    private final RolloutBuffer buffer;
    private final double gamma;
    private final int numEnvs;
    private final int observationSize;
    private final int actionSize;
    private final int rewardDim;
    private final Box actionBox;
    private final float[] observations;
    private final float[] actions;
    private final float[] envActions;
    private final float[] rewards;
    private final boolean[] dones;
    private final float[] values;
    private final float[] logProbs;
    private final float[] finalObservation;
    private final float[] finalValue;
    private final ArrayDeque<EpisodeStatistics> recentEpisodes = new ArrayDeque<>();
    private final List<FinishedEpisode> rolloutEpisodes = new ArrayList<>();

    /** An episode that ended at {@code step} of a rollout, in copy {@code copy} of the vector env. */
    public record FinishedEpisode(int step, int copy, EpisodeStatistics statistics) {
    }

    public RolloutCollector(VectorEnv envs, RolloutBuffer buffer, double gamma) {
        if (buffer.numEnvs() != envs.numEnvs() || buffer.observationSize() != envs.observationSize()) {
            throw new IllegalArgumentException("buffer of " + buffer.numEnvs() + " x " + buffer.observationSize()
                    + " does not fit " + envs.numEnvs() + " envs with observations of " + envs.observationSize());
        }
        if (buffer.rewardDim() != envs.rewardDim()) {
            throw new IllegalArgumentException("buffer of " + buffer.rewardDim() + " rewards per step does not fit envs of"
                    + " rewardDim " + envs.rewardDim() + "; scalarise vector rewards (LinearScalarization) or give the"
                    + " buffer the envs' rewardDim");
        }
        this.rewardDim = buffer.rewardDim();
        this.envs = envs;
        this.buffer = buffer;
        this.gamma = gamma;
        this.numEnvs = envs.numEnvs();
        this.observationSize = envs.observationSize();
        this.actionSize = buffer.actionSize();
        this.actionBox = envs.singleActionSpace() instanceof Box box ? box : null;
        observations = new float[numEnvs * observationSize];
        actions = new float[numEnvs * actionSize];
        envActions = new float[numEnvs * actionSize];
        rewards = new float[numEnvs * rewardDim];
        dones = new boolean[numEnvs];
        values = new float[numEnvs * rewardDim];
        logProbs = new float[numEnvs];
        finalObservation = new float[observationSize];
        finalValue = new float[rewardDim];
    }

    /**
     * Runs {@code buffer.numSteps()} steps of every copy with {@code policy}, sampling from
     * {@code rng}, then computes GAE advantages with {@code gaeLambda}. Returns the steps taken.
     */
    public long collect(ActorCriticPolicy policy, Rng rng, double gaeLambda) {
        return collectShard(policy, rng, gaeLambda, 0, numEnvs);
    }

    /**
     * As {@link #collect}, for the copies {@code firstCopy .. firstCopy + numEnvs - 1} of a vector
     * env of {@code totalCopies} copies that all sample their actions from {@code rng}, one copy
     * after another at every step: the draws of the other copies are skipped, so each copy here
     * samples exactly what it would sample in the whole vector env. This is how rollout workers
     * reproduce a single-process run (RLlib's EnvRunners instead give each runner its own
     * stream, which makes results depend on the number of runners).
     *
     * @throws IllegalArgumentException if the shard does not fit in {@code totalCopies}, or if it
     *         is a proper shard and the policy's actions take a variable number of draws (only a
     *         categorical action takes a fixed one, a single {@code nextDouble})
     */
    public long collectShard(ActorCriticPolicy policy, Rng rng, double gaeLambda, int firstCopy, int totalCopies) {
        if (firstCopy < 0 || firstCopy + numEnvs > totalCopies) {
            throw new IllegalArgumentException("a shard of " + numEnvs + " copies starting at copy " + firstCopy
                    + " does not fit in " + totalCopies + " copies");
        }
        if (totalCopies != numEnvs && !(policy.head() instanceof CategoricalHead)) {
            throw new IllegalArgumentException("a shard can skip the other copies' draws only for categorical actions"
                    + " (one draw each); this policy has a " + policy.head().getClass().getSimpleName());
        }
        long drawsAfter = totalCopies - firstCopy - numEnvs;
        buffer.clear();
        rolloutEpisodes.clear();
        for (int t = 0; t < buffer.numSteps(); t++) {
            System.arraycopy(envs.observations(), 0, observations, 0, observations.length);
            rng.skip(firstCopy);
            policy.actBatch(observations, numEnvs, rng, actions, logProbs, values);
            rng.skip(drawsAfter);
            envs.step(clipToBounds(actions));
            double[] stepRewards = envs.rewards();
            boolean[] terminated = envs.terminated();
            boolean[] truncated = envs.truncated();
            for (int i = 0; i < numEnvs; i++) {
                dones[i] = terminated[i] || truncated[i];
                boolean bootstrap = truncated[i] && !terminated[i];
                if (bootstrap) {
                    System.arraycopy(envs.finalObservations(), i * observationSize, finalObservation, 0, observationSize);
                    policy.values(finalObservation, 1, finalValue);
                }
                for (int j = 0; j < rewardDim; j++) {
                    double reward = stepRewards[i * rewardDim + j];
                    if (bootstrap) {
                        reward += gamma * finalValue[j];
                    }
                    rewards[i * rewardDim + j] = (float) reward;
                }
                if (dones[i]) {
                    recordEpisode(t, i, envs.finalInfo(i));
                }
            }
            buffer.add(observations, actions, rewards, dones, values, logProbs);
        }
        policy.values(envs.observations(), numEnvs, values);
        buffer.computeReturnsAndAdvantages(values, gamma, gaeLambda);
        return (long) buffer.numSteps() * numEnvs;
    }

    private float[] clipToBounds(float[] sampled) {
        if (actionBox == null) {
            return sampled;
        }
        for (int i = 0; i < numEnvs; i++) {
            for (int k = 0; k < actionSize; k++) {
                int j = i * actionSize + k;
                envActions[j] = Math.max(actionBox.low(k), Math.min(actionBox.high(k), sampled[j]));
            }
        }
        return envActions;
    }

    private void recordEpisode(int step, int copy, Map<String, Object> info) {
        Object stats = info == null ? null : info.get(RecordEpisodeStatistics.INFO_KEY);
        if (stats instanceof EpisodeStatistics episode) {
            rolloutEpisodes.add(new FinishedEpisode(step, copy, episode));
            recordEpisode(episode);
        }
    }

    /**
     * Adds an episode to the window behind {@link #meanEpisodeReturn()}, for a learner whose
     * episodes were collected elsewhere (in the order a local collection would record them).
     */
    public void recordEpisode(EpisodeStatistics episode) {
        recentEpisodes.addLast(episode);
        if (recentEpisodes.size() > EPISODE_WINDOW) {
            recentEpisodes.removeFirst();
        }
    }

    /** The episodes that ended during the last collection, in the order they were recorded. */
    public List<FinishedEpisode> episodesOfLastRollout() {
        return List.copyOf(rolloutEpisodes);
    }

    /**
     * The value estimates of the observations that follow the last collection, which GAE
     * bootstraps from: one per copy, valid until the next collection.
     */
    public float[] lastValues() {
        return values.clone();
    }

    @Override
    public void writeState(DataOutputStream out) throws IOException {
        StateCodec.writeTag(out, getClass().getSimpleName());
        out.writeInt(recentEpisodes.size());
        for (EpisodeStatistics episode : recentEpisodes) {
            StateCodec.writeDoubles(out, episode.returns());
            out.writeInt(episode.length());
        }
    }

    @Override
    public Restore readState(DataInputStream in) throws IOException {
        StateCodec.readTag(in, getClass().getSimpleName());
        int count = in.readInt();
        if (count < 0 || count > EPISODE_WINDOW) {
            throw new IOException("an episode window holds 0 to " + EPISODE_WINDOW + " episodes, found " + count);
        }
        List<EpisodeStatistics> episodes = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            double[] returns = StateCodec.readDoubles(in, envs.rewardDim(), "episode returns");
            int length = in.readInt();
            if (length < 1) {
                throw new IOException("an episode of length " + length);
            }
            episodes.add(new EpisodeStatistics(returns, length));
        }
        return () -> {
            recentEpisodes.clear();
            recentEpisodes.addAll(episodes);
        };
    }

    /** Whether any episode has finished yet. */
    public boolean hasEpisodes() {
        return !recentEpisodes.isEmpty();
    }

    /** Mean undiscounted return of the last {@link #EPISODE_WINDOW} finished episodes. */
    public double meanEpisodeReturn() {
        return recentEpisodes.stream().mapToDouble(EpisodeStatistics::episodeReturn).average().orElse(Double.NaN);
    }

    /** Mean undiscounted return vector of the last {@link #EPISODE_WINDOW} finished episodes, per objective. */
    public double[] meanEpisodeReturns() {
        double[] mean = new double[rewardDim];
        for (EpisodeStatistics episode : recentEpisodes) {
            double[] returns = episode.returns();
            for (int j = 0; j < rewardDim; j++) {
                mean[j] += returns[j] / recentEpisodes.size();
            }
        }
        return mean;
    }

    /** Mean length of the last {@link #EPISODE_WINDOW} finished episodes. */
    public double meanEpisodeLength() {
        return recentEpisodes.stream().mapToInt(EpisodeStatistics::length).average().orElse(Double.NaN);
    }
}

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
    private final Box actionBox;
    private final float[] observations;
    private final float[] actions;
    private final float[] envActions;
    private final float[] rewards;
    private final boolean[] dones;
    private final float[] values;
    private final float[] logProbs;
    private final float[] finalObservation;
    private final float[] finalValue = new float[1];
    private final ArrayDeque<EpisodeStatistics> recentEpisodes = new ArrayDeque<>();

    public RolloutCollector(VectorEnv envs, RolloutBuffer buffer, double gamma) {
        if (buffer.numEnvs() != envs.numEnvs() || buffer.observationSize() != envs.observationSize()) {
            throw new IllegalArgumentException("buffer of " + buffer.numEnvs() + " x " + buffer.observationSize()
                    + " does not fit " + envs.numEnvs() + " envs with observations of " + envs.observationSize());
        }
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
        rewards = new float[numEnvs];
        dones = new boolean[numEnvs];
        values = new float[numEnvs];
        logProbs = new float[numEnvs];
        finalObservation = new float[observationSize];
    }

    /**
     * Runs {@code buffer.numSteps()} steps of every copy with {@code policy}, sampling from
     * {@code rng}, then computes GAE advantages with {@code gaeLambda}. Returns the steps taken.
     */
    public long collect(ActorCriticPolicy policy, Rng rng, double gaeLambda) {
        buffer.clear();
        for (int t = 0; t < buffer.numSteps(); t++) {
            System.arraycopy(envs.observations(), 0, observations, 0, observations.length);
            policy.actBatch(observations, numEnvs, rng, actions, logProbs, values);
            envs.step(clipToBounds(actions));
            double[] stepRewards = envs.rewards();
            boolean[] terminated = envs.terminated();
            boolean[] truncated = envs.truncated();
            for (int i = 0; i < numEnvs; i++) {
                double reward = stepRewards[i];
                dones[i] = terminated[i] || truncated[i];
                if (truncated[i] && !terminated[i]) {
                    System.arraycopy(envs.finalObservations(), i * observationSize, finalObservation, 0, observationSize);
                    policy.values(finalObservation, 1, finalValue);
                    reward += gamma * finalValue[0];
                }
                rewards[i] = (float) reward;
                if (dones[i]) {
                    recordEpisode(envs.finalInfo(i));
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

    private void recordEpisode(Map<String, Object> info) {
        Object stats = info == null ? null : info.get(RecordEpisodeStatistics.INFO_KEY);
        if (stats instanceof EpisodeStatistics episode) {
            recentEpisodes.addLast(episode);
            if (recentEpisodes.size() > EPISODE_WINDOW) {
                recentEpisodes.removeFirst();
            }
        }
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

    /** Mean length of the last {@link #EPISODE_WINDOW} finished episodes. */
    public double meanEpisodeLength() {
        return recentEpisodes.stream().mapToInt(EpisodeStatistics::length).average().orElse(Double.NaN);
    }
}

package io.github.jrl.algorithms.onpolicy;

import io.github.jrl.core.buffer.RolloutBuffer;
import io.github.jrl.core.checkpoint.Stateful;
import io.github.jrl.core.env.Environment;
import io.github.jrl.core.random.Rng;
import io.github.jrl.core.vector.SyncVectorEnv;
import io.github.jrl.core.wrappers.RecordEpisodeStatistics;
import io.github.jrl.nd4j.policy.ActorCriticPolicy;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.Supplier;

/**
 * A rollout worker's part of an on-policy run (RLlib's {@code EnvRunner}): copies
 * {@code firstCopy .. firstCopy + numCopies - 1} of the run's {@code totalCopies}, seeded and
 * sampled exactly as those copies are in a single process, so that the {@link RolloutShard}s
 * of all workers assemble into the rollout a single process collects.
 */
public final class ShardCollector {

    private final int firstCopy;
    private final int totalCopies;
    private final SyncVectorEnv<float[], Object> envs;
    private final RolloutBuffer buffer;
    private final RolloutCollector collector;

    @SuppressWarnings("unchecked")
    public ShardCollector(Supplier<? extends Environment<float[], ?>> envFactory, int firstCopy, int numCopies,
            int totalCopies, int numSteps, double gamma) {
        if (firstCopy < 0 || numCopies <= 0 || firstCopy + numCopies > totalCopies) {
            throw new IllegalArgumentException("copies " + firstCopy + " to " + (firstCopy + numCopies - 1)
                    + " are not a shard of " + totalCopies + " copies");
        }
        this.firstCopy = firstCopy;
        this.totalCopies = totalCopies;
        // the action type is whatever the env takes; the vector env decodes it from its space
        Supplier<Environment<float[], Object>> typed = (Supplier<Environment<float[], Object>>) envFactory;
        envs = new SyncVectorEnv<>(() -> new RecordEpisodeStatistics<>(typed.get()), numCopies, firstCopy);
        buffer = new RolloutBuffer(numSteps, numCopies, envs.observationSize(), envs.actionSize());
        collector = new RolloutCollector(envs, buffer, gamma);
    }

    /** Resets the copies as a vector env of all copies reset with {@code seed} resets them. */
    public void reset(long seed) {
        envs.reset(seed);
    }

    /**
     * The next rollout of the shard, sampling from {@code actionRng} positioned where the whole
     * run's action stream is at the start of the rollout (it is advanced past this shard's last
     * draw, not to the end of the rollout).
     */
    public RolloutShard collect(ActorCriticPolicy policy, Rng actionRng, double gaeLambda) {
        collector.collectShard(policy, actionRng, gaeLambda, firstCopy, totalCopies);
        return RolloutShard.of(firstCopy, buffer, collector);
    }

    /**
     * The observations that follow the last collection ({@code numCopies x observation size}),
     * from which an asynchronous learner bootstraps with its own critic.
     */
    public float[] observations() {
        return envs.observations().clone();
    }

    /**
     * The state of the shard's copies (each environment mid-episode, with its generator, and the
     * current observations), for continuing them on another worker with {@link #restore}.
     */
    public byte[] saveState() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            envs.writeState(out);
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory cannot fail", e);
        }
        return bytes.toByteArray();
    }

    /**
     * Continues the copies whose state {@link #saveState} saved on a collector of the same shard:
     * the next {@link #collect} gives what that collector's next one would have.
     *
     * @throws IllegalArgumentException if the bytes are not the state of this shard's copies;
     *         nothing is restored then
     */
    public void restore(byte[] state) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(state))) {
            Stateful.Restore restore = envs.readState(in);
            if (in.read() != -1) {
                throw new IOException("bytes left after the state");
            }
            restore.apply();
        } catch (IOException e) {
            throw new IllegalArgumentException("not the state of copies " + firstCopy + ".." + (firstCopy
                    + numCopies() - 1) + " of " + totalCopies + ": " + e.getMessage(), e);
        }
    }

    public int firstCopy() {
        return firstCopy;
    }

    public int numCopies() {
        return buffer.numEnvs();
    }
}

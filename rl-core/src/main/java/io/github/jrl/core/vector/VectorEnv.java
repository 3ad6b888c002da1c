package io.github.jrl.core.vector;

import io.github.jrl.core.space.Space;
import java.util.Map;

/**
 * N copies of an environment stepped together, with observations, rewards and flags in flat
 * primitive buffers (row {@code i} belongs to copy {@code i}).
 *
 * <p><b>Autoreset</b> (Gymnasium 0.29's same-step autoreset): when copy {@code i} terminates or
 * is truncated, it is reset inside the same {@link #step}; row {@code i} of
 * {@link #observations()} then holds the first observation of the next episode, while
 * {@link #finalObservations()} holds the last observation of the finished one (what PPO
 * bootstraps from on truncation) and {@link #finalInfo(int)} its info map. Rows of
 * {@code finalObservations()} for copies that did not finish are stale and must not be read.
 *
 * <p><b>Seeding</b>: {@code reset(seed)} seeds copy {@code i} with
 * {@code Rng.forStream(seed, i).nextSeed()}: independent streams that depend only on the seed and
 * the index, so results do not depend on how copies are spread over threads. (Gymnasium uses
 * {@code seed + i}, which makes copy 1 of seed 0 replay copy 0 of seed 1.)
 *
 * <p>Buffers are owned by the vector env and overwritten by the next {@code step} or
 * {@code reset}: copy what must outlive it.
 */
public interface VectorEnv extends AutoCloseable {

    int numEnvs();

    Space<?> singleObservationSpace();

    Space<?> singleActionSpace();

    /** Floats per observation row ({@code singleObservationSpace().flatSize()}). */
    int observationSize();

    /** Floats per action row ({@code singleActionSpace().flatSize()}). */
    int actionSize();

    /** Reward components per copy. */
    int rewardDim();

    /** Seeds and resets every copy. */
    void reset(long seed);

    /**
     * Steps every copy with its row of {@code actions} ({@code numEnvs() * actionSize()} floats,
     * in the flat encoding of the action space: a discrete action is its index).
     */
    void step(float[] actions);

    /** {@code numEnvs() * observationSize()} floats: the current observation of every copy. */
    float[] observations();

    /** {@code numEnvs() * rewardDim()} rewards of the last step. */
    double[] rewards();

    boolean[] terminated();

    boolean[] truncated();

    /** Last observations of the episodes that ended in the last step; see the class comment. */
    float[] finalObservations();

    /** Info map of the last step of copy {@code i}'s finished episode, or {@code null} if it did not finish. */
    Map<String, Object> finalInfo(int i);

    @Override
    void close();
}

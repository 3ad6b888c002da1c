package io.github.jrl.algorithms.offline;

import io.github.jrl.core.random.Rng;

/**
 * An {@link OfflineLearner} that can keep learning online ({@link OfflineToOnline}): it also
 * explores, sampling from its current stochastic policy as its online reference does.
 */
public interface FineTunable extends OfflineLearner {

    /**
     * An environment action for the raw {@code observation}, sampled from the current policy with
     * {@code rng} ({@code float[]} for a box, {@code Integer} for discrete actions).
     */
    Object explore(float[] observation, Rng rng);
}

package io.github.jrl.algorithms.sac;

/**
 * The standard-normal noise that drives the squashed Gaussian policy while collecting
 * experience. SAC draws it independently at every step (white); temporally correlated noise
 * explores further in tasks where single steps barely move the state, such as
 * MountainCarContinuous-v0. Eberhard et al. 2023, "Pink Noise Is All You Need: Colored Noise
 * Exploration in Deep Reinforcement Learning", replace it by pink noise (power spectral density
 * {@code 1/f}), drawn per episode, and find it a better default than white or red noise across
 * tasks. Only collection changes: the policy, its log-probabilities and the losses are SAC's.
 */
public enum ExplorationNoise {
    /** Independent N(0, 1) at every step: SAC. */
    WHITE(0),
    /** Coloured noise with exponent 1 (Eberhard et al. 2023). */
    PINK(1);

    private final double beta;

    ExplorationNoise(double beta) {
        this.beta = beta;
    }

    /** The exponent of the power spectral density {@code 1/f^beta}. */
    public double beta() {
        return beta;
    }
}

package io.github.jrl.algorithms.preference;

/**
 * Which pairwise preference loss {@link DpoLoss} computes, as a function of the implicit reward
 * margin {@code h = (log pi(y_w) - log pi_ref(y_w)) - (log pi(y_l) - log pi_ref(y_l))} of a pair
 * (chosen {@code y_w}, rejected {@code y_l}). Names follow TRL's {@code DPOConfig.loss_type}.
 */
public enum DpoLossType {
    /**
     * DPO (Rafailov et al. 2023, "Direct Preference Optimization", eq. 7):
     * {@code -log sigma(beta h)}. With label smoothing {@code eps} it is conservative DPO (Mitchell
     * 2023, "A note on DPO with noisy preferences & relationship to IPO"): the labels are flipped
     * with probability {@code eps}, so the loss is the expected one,
     * {@code -(1 - eps) log sigma(beta h) - eps log sigma(-beta h)}.
     */
    SIGMOID,
    /**
     * Robust DPO (Chowdhury et al. 2024, "Provably Robust DPO: Aligning Language Models with Noisy
     * Feedback", eq. 9): the unbiased estimator of the clean loss under label-flip rate
     * {@code eps < 1/2}, {@code (-(1 - eps) log sigma(beta h) + eps log sigma(-beta h)) / (1 - 2 eps)}.
     */
    ROBUST,
    /** IPO (Azar et al. 2023, "A General Theoretical Paradigm to Understand Learning from Human Preferences", eq. 17): {@code (h - 1/(2 beta))^2}. */
    IPO,
    /**
     * SLiC's calibration hinge (Zhao et al. 2023, "SLiC-HF: Sequence Likelihood Calibration with
     * Human Feedback"), in the reference-normalised form of TRL's {@code hinge}:
     * {@code max(0, 1 - beta h)}, margin {@code delta = 1/beta}.
     */
    HINGE
}

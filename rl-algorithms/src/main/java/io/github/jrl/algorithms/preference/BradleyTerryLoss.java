package io.github.jrl.algorithms.preference;

/**
 * The reward-model loss of the Bradley–Terry preference model (Bradley and Terry 1952; Ouyang et
 * al. 2022, "Training language models to follow instructions with human feedback", eq. 1; TRL's
 * {@code RewardTrainer}): {@code P(y_w > y_l) = sigma(r(y_w) - r(y_l))}, minimised as
 * {@code -mean log sigma(r_w - r_l)}. A pure function of the rewards of the pairs.
 */
public final class BradleyTerryLoss {

    private BradleyTerryLoss() {
    }

    /**
     * The loss of {@code n} pairs, writing {@code dLoss/dr_w} into {@code dChosen} and
     * {@code dLoss/dr_l} into {@code dRejected}.
     */
    public static double loss(double[] chosen, double[] rejected, int n, double[] dChosen, double[] dRejected) {
        DpoLoss.requireLength(n, chosen, rejected, dChosen, dRejected);
        double loss = 0;
        for (int i = 0; i < n; i++) {
            double margin = chosen[i] - rejected[i];
            loss -= DpoLoss.logSigmoid(margin);
            double slope = -DpoLoss.sigmoid(-margin) / n;
            dChosen[i] = slope;
            dRejected[i] = -slope;
        }
        return loss / n;
    }

    /** Share of pairs whose chosen completion gets the strictly higher reward (TRL's {@code accuracy}). */
    public static double accuracy(double[] chosen, double[] rejected, int n) {
        DpoLoss.requireLength(n, chosen, rejected);
        int correct = 0;
        for (int i = 0; i < n; i++) {
            correct += chosen[i] > rejected[i] ? 1 : 0;
        }
        return (double) correct / n;
    }
}

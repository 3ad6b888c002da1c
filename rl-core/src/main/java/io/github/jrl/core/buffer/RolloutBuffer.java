package io.github.jrl.core.buffer;

import io.github.jrl.core.random.Rng;

/**
 * On-policy experience of {@code numSteps} steps of {@code numEnvs} environment copies, stored
 * time-major in primitive arrays (row {@code t * numEnvs + i}), with generalised advantage
 * estimation (Schulman et al. 2016, "High-Dimensional Continuous Control Using Generalized
 * Advantage Estimation") as Stable-Baselines3's {@code RolloutBuffer} computes it.
 *
 * <p>{@code dones[t]} marks that the episode of that copy ended at step {@code t} (terminated or
 * truncated), so nothing flows back across it. Truncated episodes are bootstrapped by the
 * collector, which adds {@code gamma * V(final observation)} to the last reward before storing
 * it; terminated ones are not (a terminal state has value 0).
 *
 * <p>With vector rewards ({@code rewardDim > 1}, multi-objective RL) the rewards, values,
 * advantages and returns hold {@code rewardDim} floats per row, objective-minor (element
 * {@code row * rewardDim + j}), and GAE runs per objective with the same {@code gamma} and
 * {@code lambda}, as a vector-valued critic needs (morl-baselines' {@code PGMORL} buffer).
 */
public final class RolloutBuffer {

    private final int numSteps;
    private final int numEnvs;
    private final int observationSize;
    private final int actionSize;
    private final int rewardDim;
    private final float[] observations;
    private final float[] actions;
    private final float[] rewards;
    private final boolean[] dones;
    private final float[] values;
    private final float[] logProbs;
    private final float[] advantages;
    private final float[] returns;
    private int step;

    /** A buffer of scalar rewards. */
    public RolloutBuffer(int numSteps, int numEnvs, int observationSize, int actionSize) {
        this(numSteps, numEnvs, observationSize, actionSize, 1);
    }

    /** A buffer of {@code rewardDim} rewards (and values, advantages, returns) per row. */
    public RolloutBuffer(int numSteps, int numEnvs, int observationSize, int actionSize, int rewardDim) {
        if (numSteps <= 0 || numEnvs <= 0 || observationSize <= 0 || actionSize <= 0 || rewardDim <= 0) {
            throw new IllegalArgumentException("all sizes must be positive, got steps=" + numSteps + ", envs=" + numEnvs
                    + ", observation=" + observationSize + ", action=" + actionSize + ", rewardDim=" + rewardDim);
        }
        this.rewardDim = rewardDim;
        this.numSteps = numSteps;
        this.numEnvs = numEnvs;
        this.observationSize = observationSize;
        this.actionSize = actionSize;
        int rows = numSteps * numEnvs;
        observations = new float[rows * observationSize];
        actions = new float[rows * actionSize];
        rewards = new float[rows * rewardDim];
        dones = new boolean[rows];
        values = new float[rows * rewardDim];
        logProbs = new float[rows];
        advantages = new float[rows * rewardDim];
        returns = new float[rows * rewardDim];
    }

    public int numSteps() {
        return numSteps;
    }

    public int numEnvs() {
        return numEnvs;
    }

    /** Rows in a full buffer: {@code numSteps * numEnvs}. */
    public int size() {
        return numSteps * numEnvs;
    }

    public int observationSize() {
        return observationSize;
    }

    public int actionSize() {
        return actionSize;
    }

    /** Rewards per row: 1, or the number of objectives. */
    public int rewardDim() {
        return rewardDim;
    }

    public boolean isFull() {
        return step == numSteps;
    }

    /** Empties the buffer for the next rollout. */
    public void clear() {
        step = 0;
    }

    /**
     * Appends one step of every copy: the observations the actions were chosen on, the actions,
     * the rewards (already bootstrapped on truncation), the end-of-episode flags, the value
     * estimates and log-probabilities of the actions under the collecting policy. Rewards and
     * values hold {@code rewardDim} floats per copy.
     */
    public void add(float[] stepObservations, float[] stepActions, float[] stepRewards, boolean[] stepDones,
            float[] stepValues, float[] stepLogProbs) {
        if (isFull()) {
            throw new IllegalStateException("the rollout buffer is full (" + numSteps + " steps); call clear()");
        }
        int row = step * numEnvs;
        System.arraycopy(stepObservations, 0, observations, row * observationSize, numEnvs * observationSize);
        System.arraycopy(stepActions, 0, actions, row * actionSize, numEnvs * actionSize);
        System.arraycopy(stepRewards, 0, rewards, row * rewardDim, numEnvs * rewardDim);
        System.arraycopy(stepDones, 0, dones, row, numEnvs);
        System.arraycopy(stepValues, 0, values, row * rewardDim, numEnvs * rewardDim);
        System.arraycopy(stepLogProbs, 0, logProbs, row, numEnvs);
        step++;
    }

    /**
     * GAE(gamma, lambda) advantages and returns ({@code advantage + value}) for the full buffer,
     * given the value estimates of the observations that follow the last step
     * ({@code rewardDim} per copy), per objective.
     */
    public void computeReturnsAndAdvantages(float[] lastValues, double gamma, double lambda) {
        if (!isFull()) {
            throw new IllegalStateException("GAE needs a full buffer; it holds " + step + " of " + numSteps + " steps");
        }
        if (!(gamma >= 0 && gamma <= 1) || !(lambda >= 0 && lambda <= 1)) {
            throw new IllegalArgumentException("gamma and lambda must be in [0, 1], got " + gamma + " and " + lambda);
        }
        for (int i = 0; i < numEnvs; i++) {
            for (int j = 0; j < rewardDim; j++) {
                double lastGae = 0;
                for (int t = numSteps - 1; t >= 0; t--) {
                    int row = t * numEnvs + i;
                    int k = row * rewardDim + j;
                    double nextValue = t == numSteps - 1 ? lastValues[i * rewardDim + j] : values[k + numEnvs * rewardDim];
                    double nextNonTerminal = dones[row] ? 0 : 1;
                    double delta = rewards[k] + gamma * nextValue * nextNonTerminal - values[k];
                    lastGae = delta + gamma * lambda * nextNonTerminal * lastGae;
                    advantages[k] = (float) lastGae;
                    returns[k] = (float) (lastGae + values[k]);
                }
            }
        }
    }

    /** Row indices of the whole buffer in a random order, cut into minibatches by the caller. */
    public int[] shuffledRows(Rng rng) {
        return rng.permutation(size());
    }

    public float[] observations() {
        return observations;
    }

    public float[] actions() {
        return actions;
    }

    public float[] rewards() {
        return rewards;
    }

    public boolean[] dones() {
        return dones;
    }

    public float[] values() {
        return values;
    }

    public float[] logProbs() {
        return logProbs;
    }

    public float[] advantages() {
        return advantages;
    }

    public float[] returns() {
        return returns;
    }

    /** Copies the observation rows {@code rows[from..from+count)} into {@code dst}. */
    public void gatherObservations(int[] rows, int from, int count, float[] dst) {
        gather(observations, observationSize, rows, from, count, dst);
    }

    /** Copies the action rows {@code rows[from..from+count)} into {@code dst}. */
    public void gatherActions(int[] rows, int from, int count, float[] dst) {
        gather(actions, actionSize, rows, from, count, dst);
    }

    /** Copies {@code source[rows[from..from+count)]} of a per-row array into {@code dst}. */
    public static void gather(float[] source, int[] rows, int from, int count, float[] dst) {
        for (int k = 0; k < count; k++) {
            dst[k] = source[rows[from + k]];
        }
    }

    /** Copies the {@code width}-float rows {@code rows[from..from+count)} of {@code source} into {@code dst}. */
    public static void gather(float[] source, int width, int[] rows, int from, int count, float[] dst) {
        for (int k = 0; k < count; k++) {
            System.arraycopy(source, rows[from + k] * width, dst, k * width, width);
        }
    }

    /**
     * Fraction of the variance of the returns that the values explain, {@code 1 - Var[R - V] / Var[R]}
     * (NaN when the returns have no variance), as the PPO references report it; over all
     * objectives together when rewards are vectors.
     */
    public double explainedVariance() {
        return explainedVariance(values, returns, size() * rewardDim);
    }

    static double explainedVariance(float[] predicted, float[] target, int n) {
        double meanT = 0;
        double meanD = 0;
        for (int k = 0; k < n; k++) {
            meanT += target[k];
            meanD += target[k] - predicted[k];
        }
        meanT /= n;
        meanD /= n;
        double varT = 0;
        double varD = 0;
        for (int k = 0; k < n; k++) {
            double t = target[k] - meanT;
            double d = target[k] - predicted[k] - meanD;
            varT += t * t;
            varD += d * d;
        }
        return varT == 0 ? Double.NaN : 1 - varD / varT;
    }

    @Override
    public String toString() {
        return "RolloutBuffer[" + step + "/" + numSteps + " steps x " + numEnvs + " envs]";
    }
}

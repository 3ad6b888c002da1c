package io.github.jrl.algorithms.multiobjective;

import java.util.Arrays;
import java.util.Objects;

/**
 * Pareto Q-learning hyperparameters, immutable and validated. Defaults are morl-baselines'
 * ({@code morl_baselines/multi_policy/pareto_q_learning/pql.py}).
 *
 * @param gamma discount of the learned Q-vectors ({@code gamma}; 0.8). 1 learns undiscounted
 *     returns, which episodic tasks such as deep-sea-treasure allow
 * @param initialEpsilon exploration rate at the start ({@code initial_epsilon}; 1.0)
 * @param finalEpsilon exploration rate after the decay ({@code final_epsilon}; 0.1)
 * @param epsilonDecaySteps steps over which epsilon decays linearly ({@code epsilon_decay_steps}; 100000)
 * @param setEvaluation how greedy action selection scores Q-sets ({@code action_eval}; hypervolume)
 * @param referencePoint hypervolume reference point ({@code ref_point}; no default): worse than
 *     the returns that matter in every objective. Q-vectors worse than it in some objective add no
 *     hypervolume to their action's score
 * @param seed seed of the episodes and of every exploration choice
 */
public record ParetoQLearningConfig(double gamma, double initialEpsilon, double finalEpsilon, long epsilonDecaySteps,
        SetEvaluation setEvaluation, double[] referencePoint, long seed) {

    public ParetoQLearningConfig {
        if (!(gamma >= 0 && gamma <= 1)) {
            throw new IllegalArgumentException("gamma must be in [0, 1], got " + gamma);
        }
        if (!(initialEpsilon >= 0 && initialEpsilon <= 1) || !(finalEpsilon >= 0 && finalEpsilon <= 1)) {
            throw new IllegalArgumentException("initialEpsilon and finalEpsilon must be in [0, 1], got "
                    + initialEpsilon + " and " + finalEpsilon);
        }
        if (epsilonDecaySteps < 0) {
            throw new IllegalArgumentException("epsilonDecaySteps must be >= 0, got " + epsilonDecaySteps);
        }
        Objects.requireNonNull(setEvaluation, "setEvaluation");
        if (referencePoint == null || referencePoint.length == 0
                || !Arrays.stream(referencePoint).allMatch(Double::isFinite)) {
            throw new IllegalArgumentException("referencePoint must have one finite value per objective, got "
                    + Arrays.toString(referencePoint));
        }
        referencePoint = referencePoint.clone();
    }

    /** morl-baselines' defaults with the given hypervolume reference point. */
    public static Builder builder(double... referencePoint) {
        return new Builder(referencePoint);
    }

    /** The exploration rate after {@code step} steps: linear from initial to final, then constant. */
    public double epsilon(long step) {
        if (step >= epsilonDecaySteps) {
            return finalEpsilon;
        }
        return initialEpsilon + (finalEpsilon - initialEpsilon) * step / epsilonDecaySteps;
    }

    @Override
    public double[] referencePoint() {
        return referencePoint.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ParetoQLearningConfig c && Double.compare(gamma, c.gamma) == 0
                && Double.compare(initialEpsilon, c.initialEpsilon) == 0
                && Double.compare(finalEpsilon, c.finalEpsilon) == 0 && epsilonDecaySteps == c.epsilonDecaySteps
                && setEvaluation == c.setEvaluation && Arrays.equals(referencePoint, c.referencePoint)
                && seed == c.seed;
    }

    @Override
    public int hashCode() {
        return Objects.hash(gamma, initialEpsilon, finalEpsilon, epsilonDecaySteps, setEvaluation,
                Arrays.hashCode(referencePoint), seed);
    }

    @Override
    public String toString() {
        return "ParetoQLearningConfig[gamma=" + gamma + ", initialEpsilon=" + initialEpsilon + ", finalEpsilon="
                + finalEpsilon + ", epsilonDecaySteps=" + epsilonDecaySteps + ", setEvaluation=" + setEvaluation
                + ", referencePoint=" + Arrays.toString(referencePoint) + ", seed=" + seed + "]";
    }

    /** Builds a {@link ParetoQLearningConfig}; starts from morl-baselines' defaults. */
    public static final class Builder {
        private final double[] referencePoint;
        private double gamma = 0.8;
        private double initialEpsilon = 1.0;
        private double finalEpsilon = 0.1;
        private long epsilonDecaySteps = 100_000;
        private SetEvaluation setEvaluation = SetEvaluation.HYPERVOLUME;
        private long seed = 0;

        private Builder(double[] referencePoint) {
            this.referencePoint = referencePoint.clone();
        }

        public Builder gamma(double v) {
            gamma = v;
            return this;
        }

        public Builder initialEpsilon(double v) {
            initialEpsilon = v;
            return this;
        }

        public Builder finalEpsilon(double v) {
            finalEpsilon = v;
            return this;
        }

        public Builder epsilonDecaySteps(long v) {
            epsilonDecaySteps = v;
            return this;
        }

        public Builder setEvaluation(SetEvaluation v) {
            setEvaluation = v;
            return this;
        }

        public Builder seed(long v) {
            seed = v;
            return this;
        }

        public ParetoQLearningConfig build() {
            return new ParetoQLearningConfig(gamma, initialEpsilon, finalEpsilon, epsilonDecaySteps, setEvaluation,
                    referencePoint, seed);
        }
    }
}

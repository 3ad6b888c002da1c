package io.github.jrl.algorithms.multiobjective;

import io.github.jrl.algorithms.ppo.PpoConfig;

/**
 * The settings of {@link CMorl}. The budget is {@code stage1Steps} for each of the
 * {@code C(weightDivisions + m - 1, m - 1)} stage-1 preferences of {@code m} objectives, plus
 * {@code extensionSteps} for each of the {@code policiesPerIteration x m} constrained runs of each
 * of the {@code extensionIterations} rounds.
 *
 * @param ppo the PPO settings of every run (its seed is replaced by one drawn from {@code seed}
 *     per run); observation normalisation must be off, because stage 2 moves networks between runs
 * @param weightDivisions stage-1 preferences are the Das-Dennis lattice with this many divisions;
 *     default 5, the 0.2 spacing of C-MORL's {@code --delta-weight} (inherited from PGMORL's warm-up)
 * @param stage1Steps environment steps per stage-1 policy
 * @param extensionIterations stage-2 rounds of selection and constrained extension
 * @param policiesPerIteration policies of the front extended per round, those of largest crowding
 *     distance (C-MORL's selection); default 3, so that with the two extremes (always infinitely
 *     crowded) at least one interior policy is extended
 * @param extensionSteps environment steps per constrained run
 * @param relaxation where the constraint of objective {@code i} sits between the selected point
 *     {@code p_i} and the next lower value {@code l_i} of that objective on the front:
 *     {@code b_i = p_i - (1 - relaxation) (p_i - l_i)}; default 0.5 (the middle of the gap)
 * @param multiplierLearningRate the Lagrange multipliers' step size ({@link ConstraintConfig})
 * @param normalization how the per-objective advantages are normalised
 * @param evaluationInterval every this many PPO updates (and at the end of every run) the policy
 *     is evaluated and offered to the Pareto archive
 * @param evaluationEpisodes deterministic episodes per evaluation (1 for deterministic envs)
 * @param seed the seed of every random choice of the run
 */
public record CMorlConfig(PpoConfig ppo, int weightDivisions, long stage1Steps, int extensionIterations,
        int policiesPerIteration, long extensionSteps, double relaxation, double multiplierLearningRate,
        AdvantageNormalization normalization, int evaluationInterval, int evaluationEpisodes, long seed) {

    public CMorlConfig {
        if (ppo == null || normalization == null) {
            throw new IllegalArgumentException("ppo and normalization must be given");
        }
        if (ppo.normalizeObservations() || ppo.normalizeRewards()) {
            throw new IllegalArgumentException("C-MORL moves networks between runs, whose normalisation statistics"
                    + " would differ: turn normalizeObservations and normalizeRewards off");
        }
        requirePositive(weightDivisions, "weightDivisions");
        requirePositive(stage1Steps, "stage1Steps");
        if (extensionIterations < 0) {
            throw new IllegalArgumentException("extensionIterations must be >= 0, got " + extensionIterations);
        }
        requirePositive(policiesPerIteration, "policiesPerIteration");
        requirePositive(extensionSteps, "extensionSteps");
        if (!(relaxation >= 0 && relaxation < 1)) {
            throw new IllegalArgumentException("relaxation must be in [0, 1), got " + relaxation);
        }
        if (!(multiplierLearningRate > 0) || Double.isInfinite(multiplierLearningRate)) {
            throw new IllegalArgumentException("multiplierLearningRate must be > 0 and finite, got "
                    + multiplierLearningRate);
        }
        requirePositive(evaluationInterval, "evaluationInterval");
        requirePositive(evaluationEpisodes, "evaluationEpisodes");
    }

    private static void requirePositive(long value, String name) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be >= 1, got " + value);
        }
    }

    /**
     * The defaults above with the given PPO settings, per-run budgets and seed; beside them
     * {@link AdvantageNormalization#PER_OBJECTIVE} (jrl's choice: Lagrange multipliers then weigh
     * objectives of any scale alike) and an evaluation of one episode after every update (enough
     * for deterministic environments; raise the episodes with {@link #withEvaluation} otherwise).
     */
    public static CMorlConfig of(PpoConfig ppo, long stage1Steps, int extensionIterations, long extensionSteps,
            long seed) {
        return new CMorlConfig(ppo, 5, stage1Steps, extensionIterations, 3, extensionSteps, 0.5,
                ConstraintConfig.DEFAULT_MULTIPLIER_LEARNING_RATE, AdvantageNormalization.PER_OBJECTIVE, 1, 1, seed);
    }

    public CMorlConfig withWeightDivisions(int divisions) {
        return new CMorlConfig(ppo, divisions, stage1Steps, extensionIterations, policiesPerIteration, extensionSteps,
                relaxation, multiplierLearningRate, normalization, evaluationInterval, evaluationEpisodes, seed);
    }

    public CMorlConfig withEvaluation(int interval, int episodes) {
        return new CMorlConfig(ppo, weightDivisions, stage1Steps, extensionIterations, policiesPerIteration,
                extensionSteps, relaxation, multiplierLearningRate, normalization, interval, episodes, seed);
    }

    public CMorlConfig withNormalization(AdvantageNormalization mode) {
        return new CMorlConfig(ppo, weightDivisions, stage1Steps, extensionIterations, policiesPerIteration,
                extensionSteps, relaxation, multiplierLearningRate, mode, evaluationInterval, evaluationEpisodes, seed);
    }
}

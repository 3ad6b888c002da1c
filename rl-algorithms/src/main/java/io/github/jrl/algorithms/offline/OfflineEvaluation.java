package io.github.jrl.algorithms.offline;

import io.github.jrl.core.callbacks.EvaluationResult;

/**
 * One evaluation of an offline run: the deterministic episodes after {@code step} gradient steps
 * and their mean return as a D4RL normalised score
 * ({@link io.github.jrl.core.dataset.DatasetInfo#normalizedScore}; NaN when the dataset has no
 * reference returns).
 */
public record OfflineEvaluation(long step, EvaluationResult result, double normalizedScore) {

    public double meanReturn() {
        return result.mean();
    }
}

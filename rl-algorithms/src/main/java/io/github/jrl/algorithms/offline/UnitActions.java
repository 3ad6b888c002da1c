package io.github.jrl.algorithms.offline;

import io.github.jrl.core.space.Box;

/**
 * Continuous actions between the environment's box and the (-1, 1) scale of a tanh-squashed actor,
 * {@code u = 2 (a - low) / (high - low) - 1}, the inverse of Stable-Baselines3's
 * {@code unscale_action} ({@code scale_action}). IQL and CQL fit their critics and their actor's
 * likelihood in this scale, as CORL's implementations do for D4RL's [-1, 1] boxes.
 */
final class UnitActions {

    private final float[] low;
    private final float[] high;

    /** @throws IllegalArgumentException if the box is unbounded */
    UnitActions(Box box) {
        if (!box.isBounded()) {
            throw new IllegalArgumentException("a squashed actor needs a bounded action box, got " + box);
        }
        low = box.low();
        high = box.high();
    }

    /** {@code n} environment actions into (-1, 1), clamped there (only float rounding crosses it). */
    void toUnit(float[] envActions, int n, float[] out) {
        int d = low.length;
        for (int j = 0; j < n * d; j++) {
            int k = j % d;
            float u = 2 * (envActions[j] - low[k]) / (high[k] - low[k]) - 1;
            out[j] = Math.max(-1f, Math.min(1f, u));
        }
    }

    /** One action in (-1, 1) back to the environment's box. */
    float[] toEnv(float[] unit, int offset) {
        float[] action = new float[low.length];
        for (int k = 0; k < action.length; k++) {
            float a = low[k] + 0.5f * (unit[offset + k] + 1f) * (high[k] - low[k]);
            action[k] = Math.max(low[k], Math.min(high[k], a));
        }
        return action;
    }
}

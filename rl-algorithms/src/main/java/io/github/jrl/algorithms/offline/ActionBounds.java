package io.github.jrl.algorithms.offline;

import io.github.jrl.core.space.Box;

/**
 * The squashing of a continuous actor's output into a bounded action box,
 * {@code a = offset + scale * tanh(z)} with {@code scale = (high - low) / 2} and
 * {@code offset = (high + low) / 2}: TD3's and TD3+BC's {@code max_action * torch.tanh(...)}
 * (github.com/sfujim/TD3_BC {@code TD3_BC.Actor}) for symmetric boxes, and Stable-Baselines3's
 * {@code unscale_action} for any bounded box. Offline learners work in the environment's own
 * action scale, as the dataset stores it, so the behaviour-cloning term has the reference's scale.
 */
public final class ActionBounds {

    private final float[] scale;
    private final float[] offset;
    private final float[] low;
    private final float[] high;

    /** @throws IllegalArgumentException if the box is unbounded */
    public ActionBounds(Box box) {
        if (!box.isBounded()) {
            throw new IllegalArgumentException("a squashed actor needs a bounded action box, got " + box);
        }
        int d = box.size();
        scale = new float[d];
        offset = new float[d];
        low = box.low();
        high = box.high();
        for (int k = 0; k < d; k++) {
            scale[k] = (high[k] - low[k]) / 2;
            offset[k] = (high[k] + low[k]) / 2;
        }
    }

    public int size() {
        return scale.length;
    }

    /** {@code offset_k + scale_k tanh(z)} for action dimension {@code k}. */
    public float squash(int k, double z) {
        return (float) (offset[k] + scale[k] * Math.tanh(z));
    }

    /** {@code da/dz = scale_k (1 - tanh(z)^2)}, the derivative of {@link #squash}. */
    public double derivative(int k, double z) {
        double t = Math.tanh(z);
        return scale[k] * (1 - t * t);
    }

    /** {@code max_action} of TD3: half the width of dimension {@code k} (the noise clip and policy noise scale with it). */
    public float scale(int k) {
        return scale[k];
    }

    /** Clamps {@code value} into dimension {@code k}'s interval (TD3's {@code clamp(-max_action, max_action)}). */
    public float clip(int k, double value) {
        return (float) Math.max(low[k], Math.min(high[k], value));
    }
}

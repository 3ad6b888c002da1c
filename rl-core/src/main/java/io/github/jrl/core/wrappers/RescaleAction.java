package io.github.jrl.core.wrappers;

import io.github.jrl.core.env.Environment;
import io.github.jrl.core.env.InvalidActionException;
import io.github.jrl.core.env.Step;
import io.github.jrl.core.env.Wrapper;
import io.github.jrl.core.space.Box;

/**
 * Exposes a bounded continuous action space as {@code [min, max]} in every dimension (commonly
 * {@code [-1, 1]}, the range of a tanh-squashed policy) and maps it affinely onto the
 * environment's bounds (Gymnasium's {@code RescaleAction}). Actions outside {@code [min, max]}
 * raise.
 */
public final class RescaleAction<O> extends Wrapper<O, float[]> {

    private final Box target;
    private final Box exposed;

    public RescaleAction(Environment<O, float[]> env, float min, float max) {
        super(env);
        if (!(env.actionSpace() instanceof Box box) || !box.isBounded()) {
            throw new IllegalArgumentException("RescaleAction needs a bounded Box action space, got " + env.actionSpace());
        }
        if (!(min < max)) {
            throw new IllegalArgumentException("RescaleAction needs min < max, got [" + min + ", " + max + "]");
        }
        this.target = box;
        float[] low = new float[box.size()];
        float[] high = new float[box.size()];
        java.util.Arrays.fill(low, min);
        java.util.Arrays.fill(high, max);
        this.exposed = new Box(low, high, box.shape());
    }

    @Override
    public Box actionSpace() {
        return exposed;
    }

    @Override
    public Step<O> step(float[] action) {
        if (!exposed.contains(action)) {
            throw InvalidActionException.outside(id(), action, exposed);
        }
        float[] mapped = new float[action.length];
        for (int i = 0; i < action.length; i++) {
            double fraction = ((double) action[i] - exposed.low(i)) / ((double) exposed.high(i) - exposed.low(i));
            mapped[i] = (float) (target.low(i) + ((double) target.high(i) - target.low(i)) * fraction);
            // float rounding must not push the mapped action out of the target box
            mapped[i] = Math.max(target.low(i), Math.min(target.high(i), mapped[i]));
        }
        return env.step(mapped);
    }
}

package io.github.jrl.core.wrappers;

import io.github.jrl.core.env.Environment;
import io.github.jrl.core.env.InvalidActionException;
import io.github.jrl.core.env.Step;
import io.github.jrl.core.env.Wrapper;
import io.github.jrl.core.space.Box;

/**
 * Clips continuous actions into the bounds of the action {@link Box} (Gymnasium's
 * {@code ClipAction}); the wrapper's action space is unbounded. NaN is still rejected: clipping
 * would turn it into an arbitrary bound.
 */
public final class ClipAction<O> extends Wrapper<O, float[]> {

    private final Box bounds;
    private final Box unbounded;

    public ClipAction(Environment<O, float[]> env) {
        super(env);
        if (!(env.actionSpace() instanceof Box box)) {
            throw new IllegalArgumentException("ClipAction needs a Box action space, got " + env.actionSpace());
        }
        this.bounds = box;
        this.unbounded = new Box(fill(box.size(), Float.NEGATIVE_INFINITY), fill(box.size(), Float.POSITIVE_INFINITY),
                box.shape());
    }

    private static float[] fill(int n, float v) {
        float[] a = new float[n];
        java.util.Arrays.fill(a, v);
        return a;
    }

    @Override
    public Box actionSpace() {
        return unbounded;
    }

    @Override
    public Step<O> step(float[] action) {
        if (!unbounded.contains(action)) {
            throw InvalidActionException.outside(id(), action, unbounded);
        }
        float[] clipped = new float[action.length];
        for (int i = 0; i < action.length; i++) {
            clipped[i] = Math.max(bounds.low(i), Math.min(bounds.high(i), action[i]));
        }
        return env.step(clipped);
    }
}

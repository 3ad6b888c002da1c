package io.github.jrl.core.wrappers;

import io.github.jrl.core.env.Environment;
import io.github.jrl.core.env.Step;
import io.github.jrl.core.env.Wrapper;
import io.github.jrl.core.multiobjective.Scalarization;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Turns a vector reward into the scalar {@code w . r} (MO-Gymnasium's {@code LinearReward}); the
 * original vector stays available under {@code "vector_reward"} in the info map.
 */
public final class LinearScalarization<O, A> extends Wrapper<O, A> {

    public static final String VECTOR_REWARD_KEY = "vector_reward";

    private final double[] weights;

    public LinearScalarization(Environment<O, A> env, double... weights) {
        super(env);
        if (weights.length != env.rewardDim()) {
            throw new IllegalArgumentException(env.id() + " has " + env.rewardDim() + " reward components but "
                    + weights.length + " weights were given: " + Arrays.toString(weights));
        }
        for (double w : weights) {
            if (!Double.isFinite(w)) {
                throw new IllegalArgumentException("weights must be finite, got " + Arrays.toString(weights));
            }
        }
        this.weights = weights.clone();
    }

    public double[] weights() {
        return weights.clone();
    }

    @Override
    public int rewardDim() {
        return 1;
    }

    @Override
    public Step<O> step(A action) {
        Step<O> step = env.step(action);
        double[] vector = step.rewards();
        double scalar = Scalarization.linear().utility(vector, weights);
        Map<String, Object> info = new HashMap<>(step.info());
        info.put(VECTOR_REWARD_KEY, vector);
        return step.withReward(scalar).withInfo(Map.copyOf(info));
    }
}

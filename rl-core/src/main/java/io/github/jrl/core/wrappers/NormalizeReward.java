package io.github.jrl.core.wrappers;

import io.github.jrl.core.checkpoint.StateCodec;
import io.github.jrl.core.env.Environment;
import io.github.jrl.core.env.Reset;
import io.github.jrl.core.env.Step;
import io.github.jrl.core.env.Wrapper;
import io.github.jrl.core.stats.RunningMeanStd;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Map;

/**
 * Scales scalar rewards by the running standard deviation of the discounted return,
 * {@code r / sqrt(var(G) + epsilon)} with {@code G <- gamma * G + r} (Gymnasium's
 * {@code NormalizeReward}; Engstrom et al. 2020, "Implementation Matters in Deep Policy
 * Gradients"). Defaults gamma 0.99 and epsilon 1e-8 are Gymnasium's. Unlike Gymnasium 0.29,
 * which only clears {@code G} on termination, {@code G} restarts with every episode, as in
 * Stable-Baselines3's {@code VecNormalize}: a truncated episode's return does not leak into the
 * next one. Its saved state is the statistics and the running discounted return.
 */
public final class NormalizeReward<O, A> extends Wrapper<O, A> {

    private final RunningMeanStd statistics = new RunningMeanStd(1);
    private final double gamma;
    private final double epsilon;
    private double discountedReturn;
    private boolean updating = true;

    public NormalizeReward(Environment<O, A> env) {
        this(env, 0.99, 1e-8);
    }

    public NormalizeReward(Environment<O, A> env, double gamma, double epsilon) {
        super(env);
        if (env.rewardDim() != 1) {
            throw new IllegalArgumentException("NormalizeReward needs a scalar reward; " + env.id() + " has "
                    + env.rewardDim() + " components (scalarise it first)");
        }
        if (!(gamma >= 0 && gamma <= 1) || !(epsilon > 0)) {
            throw new IllegalArgumentException("need gamma in [0, 1] and epsilon > 0, got gamma=" + gamma + ", epsilon=" + epsilon);
        }
        this.gamma = gamma;
        this.epsilon = epsilon;
    }

    public RunningMeanStd statistics() {
        return statistics;
    }

    public void setUpdating(boolean updating) {
        this.updating = updating;
    }

    @Override
    public Reset<O> reset(long seed, Map<String, ?> options) {
        discountedReturn = 0;
        return env.reset(seed, options);
    }

    @Override
    public Reset<O> reset(Map<String, ?> options) {
        discountedReturn = 0;
        return env.reset(options);
    }

    @Override
    public void writeState(DataOutputStream out) throws IOException {
        StateCodec.writeTag(out, getClass().getSimpleName());
        statistics.snapshot().writeTo(out);
        out.writeDouble(discountedReturn);
        super.writeState(out);
    }

    @Override
    public Restore readState(DataInputStream in) throws IOException {
        StateCodec.readTag(in, getClass().getSimpleName());
        RunningMeanStd.Snapshot saved = statistics.readSnapshot(in);
        double savedReturn = in.readDouble();
        Restore inner = super.readState(in);
        return () -> {
            inner.apply();
            statistics.restore(saved);
            discountedReturn = savedReturn;
        };
    }

    @Override
    public Step<O> step(A action) {
        Step<O> step = env.step(action);
        discountedReturn = discountedReturn * gamma + step.reward();
        if (updating) {
            statistics.update(discountedReturn);
        }
        double scaled = step.reward() / Math.sqrt(statistics.var(0) + epsilon);
        if (step.done()) {
            discountedReturn = 0;
        }
        return step.withReward(scaled);
    }
}

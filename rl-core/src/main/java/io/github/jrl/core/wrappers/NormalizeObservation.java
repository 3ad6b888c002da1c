package io.github.jrl.core.wrappers;

import io.github.jrl.core.checkpoint.StateCodec;
import io.github.jrl.core.env.Environment;
import io.github.jrl.core.env.Reset;
import io.github.jrl.core.env.Step;
import io.github.jrl.core.env.Wrapper;
import io.github.jrl.core.space.Box;
import io.github.jrl.core.stats.RunningMeanStd;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Map;

/**
 * Normalises float observations to zero mean and unit variance with a running estimate,
 * {@code (obs - mean) / sqrt(var + epsilon)}, updated with every observation while
 * {@linkplain #setUpdating updating} (Gymnasium's {@code NormalizeObservation}, epsilon 1e-8).
 * Freeze the statistics for evaluation, and save them with {@link #statistics()} to deploy a
 * policy. Its saved state is the statistics; whether they are updating is the caller's setting
 * and is not saved.
 */
public final class NormalizeObservation<A> extends Wrapper<float[], A> {

    /** Gymnasium's default. */
    public static final double DEFAULT_EPSILON = 1e-8;

    private final RunningMeanStd statistics;
    private final double epsilon;
    private final Box observationSpace;
    private boolean updating = true;

    public NormalizeObservation(Environment<float[], A> env) {
        this(env, DEFAULT_EPSILON);
    }

    public NormalizeObservation(Environment<float[], A> env, double epsilon) {
        super(env);
        if (!(env.observationSpace() instanceof Box box)) {
            throw new IllegalArgumentException("NormalizeObservation needs a Box observation space, got " + env.observationSpace());
        }
        if (!(epsilon > 0)) {
            throw new IllegalArgumentException("epsilon must be positive, got " + epsilon);
        }
        this.epsilon = epsilon;
        this.statistics = new RunningMeanStd(box.size());
        float[] low = new float[box.size()];
        float[] high = new float[box.size()];
        java.util.Arrays.fill(low, Float.NEGATIVE_INFINITY);
        java.util.Arrays.fill(high, Float.POSITIVE_INFINITY);
        this.observationSpace = new Box(low, high, box.shape());
    }

    @Override
    public Box observationSpace() {
        return observationSpace;
    }

    /** The running statistics; snapshot and restore them to save and load normalisation. */
    public RunningMeanStd statistics() {
        return statistics;
    }

    /** Whether new observations update the statistics (turn off for evaluation). */
    public void setUpdating(boolean updating) {
        this.updating = updating;
    }

    @Override
    public Reset<float[]> reset(long seed, Map<String, ?> options) {
        Reset<float[]> reset = env.reset(seed, options);
        return new Reset<>(normalize(reset.observation()), reset.info());
    }

    @Override
    public Reset<float[]> reset(Map<String, ?> options) {
        Reset<float[]> reset = env.reset(options);
        return new Reset<>(normalize(reset.observation()), reset.info());
    }

    @Override
    public void writeState(DataOutputStream out) throws IOException {
        StateCodec.writeTag(out, getClass().getSimpleName());
        statistics.snapshot().writeTo(out);
        super.writeState(out);
    }

    @Override
    public Restore readState(DataInputStream in) throws IOException {
        StateCodec.readTag(in, getClass().getSimpleName());
        RunningMeanStd.Snapshot saved = statistics.readSnapshot(in);
        Restore inner = super.readState(in);
        return () -> {
            inner.apply();
            statistics.restore(saved);
        };
    }

    @Override
    public Step<float[]> step(A action) {
        Step<float[]> step = env.step(action);
        return step.withObservation(normalize(step.observation()));
    }

    private float[] normalize(float[] observation) {
        if (updating) {
            statistics.update(observation);
        }
        float[] out = new float[observation.length];
        statistics.normalize(observation, out, epsilon);
        return out;
    }
}

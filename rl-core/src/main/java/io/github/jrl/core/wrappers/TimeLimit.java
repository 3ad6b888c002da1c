package io.github.jrl.core.wrappers;

import io.github.jrl.core.checkpoint.StateCodec;
import io.github.jrl.core.env.Environment;
import io.github.jrl.core.env.Reset;
import io.github.jrl.core.env.Step;
import io.github.jrl.core.env.Wrapper;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Map;

/**
 * Truncates episodes after {@code maxEpisodeSteps} steps (Gymnasium's {@code TimeLimit}): the
 * step that reaches the limit has {@code truncated = true}, whether or not it also terminated.
 * This is the only source of truncation in jrl. Stepping after a truncation without a reset
 * raises. Its saved state is the step count and whether the episode was truncated.
 */
public final class TimeLimit<O, A> extends Wrapper<O, A> {

    private final int maxEpisodeSteps;
    private int elapsedSteps;
    private boolean truncated;

    public TimeLimit(Environment<O, A> env, int maxEpisodeSteps) {
        super(env);
        if (maxEpisodeSteps <= 0) {
            throw new IllegalArgumentException("maxEpisodeSteps must be positive, got " + maxEpisodeSteps);
        }
        this.maxEpisodeSteps = maxEpisodeSteps;
    }

    public int maxEpisodeSteps() {
        return maxEpisodeSteps;
    }

    /** Steps taken since the last reset. */
    public int elapsedSteps() {
        return elapsedSteps;
    }

    @Override
    public Reset<O> reset(long seed, Map<String, ?> options) {
        Reset<O> reset = env.reset(seed, options);
        elapsedSteps = 0;
        truncated = false;
        return reset;
    }

    @Override
    public Reset<O> reset(Map<String, ?> options) {
        Reset<O> reset = env.reset(options);
        elapsedSteps = 0;
        truncated = false;
        return reset;
    }

    @Override
    public void writeState(DataOutputStream out) throws IOException {
        StateCodec.writeTag(out, getClass().getSimpleName());
        out.writeInt(elapsedSteps);
        out.writeBoolean(truncated);
        super.writeState(out);
    }

    @Override
    public Restore readState(DataInputStream in) throws IOException {
        StateCodec.readTag(in, getClass().getSimpleName());
        int savedSteps = in.readInt();
        boolean savedTruncated = in.readBoolean();
        if (savedSteps < 0 || savedSteps > maxEpisodeSteps) {
            throw new IOException("TimeLimit: " + savedSteps + " elapsed steps, outside [0, " + maxEpisodeSteps
                    + "] (saved under another time limit?)");
        }
        Restore inner = super.readState(in);
        return () -> {
            inner.apply();
            elapsedSteps = savedSteps;
            truncated = savedTruncated;
        };
    }

    @Override
    public Step<O> step(A action) {
        if (truncated) {
            throw new IllegalStateException(id() + ": step() called after the episode was truncated at "
                    + maxEpisodeSteps + " steps; call reset() first");
        }
        Step<O> step = env.step(action);
        elapsedSteps++;
        if (elapsedSteps >= maxEpisodeSteps) {
            truncated = true;
            return step.withTruncated(true, step.info());
        }
        return step;
    }
}

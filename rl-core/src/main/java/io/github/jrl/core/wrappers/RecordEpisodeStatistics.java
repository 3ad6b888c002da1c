package io.github.jrl.core.wrappers;

import io.github.jrl.core.checkpoint.StateCodec;
import io.github.jrl.core.env.Environment;
import io.github.jrl.core.env.Reset;
import io.github.jrl.core.env.Step;
import io.github.jrl.core.env.Wrapper;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * Accumulates the undiscounted return (per reward component) and length of each episode and
 * adds an {@link EpisodeStatistics} under {@code "episode"} to the info of its last step, as
 * Gymnasium's {@code RecordEpisodeStatistics} (wall-clock time is left out: it would make runs
 * irreproducible). Put it inside normalisation wrappers to record raw returns. Its saved state is
 * the running episode's return and length.
 */
public final class RecordEpisodeStatistics<O, A> extends Wrapper<O, A> {

    public static final String INFO_KEY = "episode";

    private final double[] returns;
    private int length;

    public RecordEpisodeStatistics(Environment<O, A> env) {
        super(env);
        returns = new double[env.rewardDim()];
    }

    @Override
    public Reset<O> reset(long seed, Map<String, ?> options) {
        clear();
        return env.reset(seed, options);
    }

    @Override
    public Reset<O> reset(Map<String, ?> options) {
        clear();
        return env.reset(options);
    }

    private void clear() {
        java.util.Arrays.fill(returns, 0);
        length = 0;
    }

    @Override
    public void writeState(DataOutputStream out) throws IOException {
        StateCodec.writeTag(out, getClass().getSimpleName());
        StateCodec.writeDoubles(out, returns);
        out.writeInt(length);
        super.writeState(out);
    }

    @Override
    public Restore readState(DataInputStream in) throws IOException {
        StateCodec.readTag(in, getClass().getSimpleName());
        double[] savedReturns = StateCodec.readDoubles(in, returns.length, "RecordEpisodeStatistics returns");
        int savedLength = in.readInt();
        if (savedLength < 0) {
            throw new IOException("RecordEpisodeStatistics: negative episode length " + savedLength);
        }
        Restore inner = super.readState(in);
        return () -> {
            inner.apply();
            System.arraycopy(savedReturns, 0, returns, 0, returns.length);
            length = savedLength;
        };
    }

    @Override
    public Step<O> step(A action) {
        Step<O> step = env.step(action);
        for (int k = 0; k < returns.length; k++) {
            returns[k] += step.reward(k);
        }
        length++;
        if (!step.done()) {
            return step;
        }
        Map<String, Object> info = new HashMap<>(step.info());
        info.put(INFO_KEY, new EpisodeStatistics(returns, length));
        return step.withInfo(Map.copyOf(info));
    }
}

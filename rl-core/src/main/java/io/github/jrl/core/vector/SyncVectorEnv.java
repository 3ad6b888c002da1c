package io.github.jrl.core.vector;

import io.github.jrl.core.env.Environment;
import java.util.function.Supplier;

/** A {@link VectorEnv} that steps its copies one after another on the calling thread. */
public final class SyncVectorEnv<O, A> extends AbstractVectorEnv<O, A> {

    public SyncVectorEnv(Supplier<? extends Environment<O, A>> factory, int numEnvs) {
        this(factory, numEnvs, 0);
    }

    /**
     * Copies {@code firstStream .. firstStream + numEnvs - 1} of a larger vector env: copy
     * {@code i} here is seeded as copy {@code firstStream + i} there (a rollout worker's shard).
     */
    public SyncVectorEnv(Supplier<? extends Environment<O, A>> factory, int numEnvs, int firstStream) {
        super(factory, numEnvs, firstStream);
    }

    @Override
    void runOverCopies(boolean step) {
        if (step) {
            stepRange(0, numEnvs());
        } else {
            resetRange(0, numEnvs());
        }
    }
}

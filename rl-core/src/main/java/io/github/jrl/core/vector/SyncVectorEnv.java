package io.github.jrl.core.vector;

import io.github.jrl.core.env.Environment;
import java.util.function.Supplier;

/** A {@link VectorEnv} that steps its copies one after another on the calling thread. */
public final class SyncVectorEnv<O, A> extends AbstractVectorEnv<O, A> {

    public SyncVectorEnv(Supplier<? extends Environment<O, A>> factory, int numEnvs) {
        super(factory, numEnvs);
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

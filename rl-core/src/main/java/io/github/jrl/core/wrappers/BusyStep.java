package io.github.jrl.core.wrappers;

import io.github.jrl.core.env.Environment;
import io.github.jrl.core.env.Step;
import io.github.jrl.core.env.Wrapper;

/**
 * Burns a fixed amount of CPU on every step ({@code work} rounds of a xorshift loop), leaving the
 * episode untouched: a stand-in for an expensive simulator, for measuring how rollout throughput
 * scales with workers. Fixed work rather than a fixed time, so that contention for cores shows
 * in the measurements as it would with a real simulator.
 */
public final class BusyStep<O, A> extends Wrapper<O, A> {

    private final int work;
    /** The loop's result, kept so that the JIT cannot drop the loop. */
    private long sink;

    public BusyStep(Environment<O, A> env, int work) {
        super(env);
        if (work < 0) {
            throw new IllegalArgumentException("work per step must be non-negative rounds, got " + work);
        }
        this.work = work;
    }

    @Override
    public Step<O> step(A action) {
        long x = sink | 1;
        for (int i = 0; i < work; i++) {
            x ^= x << 13;
            x ^= x >>> 7;
            x ^= x << 17;
        }
        sink = x;
        return env.step(action);
    }
}

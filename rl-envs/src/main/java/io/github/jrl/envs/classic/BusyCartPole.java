package io.github.jrl.envs.classic;

import io.github.jrl.core.wrappers.BusyStep;
import io.github.jrl.envs.EnvRegistry;
import io.github.jrl.envs.EnvSpec;
import java.util.Map;

/**
 * {@value #ID}: CartPole-v1 burning {@code work} rounds of CPU per step ({@link BusyStep}), the
 * expensive environment of the scale-out measurements (docs/scale-out.md). Its episodes are
 * CartPole's, step for step.
 */
public final class BusyCartPole {

    public static final String ID = "jrl/BusyCartPole-v1";
    /** Rounds of work per step unless the {@code work} kwarg says otherwise (about 0.1 ms here). */
    public static final int DEFAULT_WORK = 100_000;

    private BusyCartPole() {
    }

    public static void register(EnvRegistry registry) {
        registry.register(new EnvSpec(ID, 500, Map.of(),
                kwargs -> new BusyStep<>(new CartPole(), kwargs.getInt("work", DEFAULT_WORK))));
    }
}

package io.github.jrl.envs;

import io.github.jrl.core.env.Environment;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * A registered environment: its id, the default time limit ({@code 0} when the reference
 * registers none, as for {@code CliffWalking-v0}), the keyword arguments the id implies (e.g.
 * {@code FrozenLake8x8-v1} is {@code FrozenLake-v1} with {@code map_name="8x8"}), and the
 * constructor.
 */
public record EnvSpec(String id, int maxEpisodeSteps, Map<String, Object> defaultKwargs,
        Function<EnvKwargs, Environment<?, ?>> factory) {

    public EnvSpec {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(factory, "factory");
        defaultKwargs = Map.copyOf(defaultKwargs);
        if (maxEpisodeSteps < 0) {
            throw new IllegalArgumentException(id + ": maxEpisodeSteps must be >= 0 (0 for none), got " + maxEpisodeSteps);
        }
    }

    public EnvSpec(String id, int maxEpisodeSteps, Function<EnvKwargs, Environment<?, ?>> factory) {
        this(id, maxEpisodeSteps, Map.of(), factory);
    }

    public boolean hasTimeLimit() {
        return maxEpisodeSteps > 0;
    }
}

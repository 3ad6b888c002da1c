package io.github.jrl.core.env;

import java.util.Map;
import java.util.Objects;

/**
 * What {@link Environment#reset} returns: the first observation of an episode and an info map.
 *
 * @param <O> observation type
 */
public record Reset<O>(O observation, Map<String, Object> info) {

    public Reset {
        Objects.requireNonNull(observation, "observation");
        Objects.requireNonNull(info, "info");
    }

    public static <O> Reset<O> of(O observation) {
        return new Reset<>(observation, Map.of());
    }
}

package io.github.jrl.envs.toytext;

import io.github.jrl.envs.EnvKwargs;
import io.github.jrl.envs.EnvRegistry;
import io.github.jrl.envs.EnvSpec;
import java.util.List;
import java.util.Map;

/**
 * Registers Gymnasium 0.29.1's toy-text environments under its ids, time limits and keyword
 * arguments ({@code gymnasium/envs/__init__.py}).
 */
public final class ToyTextEnvs {

    private ToyTextEnvs() {
    }

    public static void register(EnvRegistry registry) {
        registry.register(new EnvSpec("FrozenLake-v1", 100, Map.of("map_name", "4x4"), ToyTextEnvs::frozenLake));
        registry.register(new EnvSpec("FrozenLake8x8-v1", 200, Map.of("map_name", "8x8"), ToyTextEnvs::frozenLake));
        registry.register(new EnvSpec("CliffWalking-v0", 0, kwargs -> new CliffWalking()));
        registry.register(new EnvSpec("Taxi-v3", 200, kwargs -> new Taxi()));
    }

    /** As the reference: {@code desc}, when given, takes precedence over {@code map_name}. */
    private static FrozenLake frozenLake(EnvKwargs kwargs) {
        List<String> desc = kwargs.getStringList("desc");
        String mapName = kwargs.getString("map_name", "4x4");
        boolean slippery = kwargs.getBoolean("is_slippery", true);
        return new FrozenLake(kwargs.envId(), desc != null ? desc : FrozenLake.map(mapName), slippery);
    }
}

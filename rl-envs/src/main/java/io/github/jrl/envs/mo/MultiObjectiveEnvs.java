package io.github.jrl.envs.mo;

import io.github.jrl.envs.EnvRegistry;
import io.github.jrl.envs.EnvSpec;
import io.github.jrl.envs.classic.MountainCar;
import java.util.Map;

/** Registers this family's environments, under MO-Gymnasium 1.0.1's ids and time limits. */
public final class MultiObjectiveEnvs {

    private MultiObjectiveEnvs() {
    }

    public static void register(EnvRegistry registry) {
        registry.register(new EnvSpec("deep-sea-treasure-v0", 100, DeepSeaTreasure::fromKwargs));
        registry.register(new EnvSpec("deep-sea-treasure-concave-v0", 100, Map.of("dst_map", "concave"),
                DeepSeaTreasure::fromKwargs));
        registry.register(new EnvSpec("four-room-v0", 200, FourRoom::fromKwargs));
        registry.register(new EnvSpec("resource-gathering-v0", 100, kwargs -> new ResourceGathering(kwargs.envId())));
        registry.register(new EnvSpec(MoMountainCar.ID, 200,
                kwargs -> new MoMountainCar(kwargs.getDouble("goal_velocity", MountainCar.DEFAULT_GOAL_VELOCITY))));
    }
}

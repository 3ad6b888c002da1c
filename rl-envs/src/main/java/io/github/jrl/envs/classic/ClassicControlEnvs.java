package io.github.jrl.envs.classic;

import io.github.jrl.envs.EnvRegistry;
import io.github.jrl.envs.EnvSpec;
import java.util.Map;

/**
 * Registers Gymnasium 0.29.1's classic-control environments under their ids and time limits
 * ({@code gymnasium/envs/__init__.py}), with the constructor keyword arguments the reference
 * accepts ({@code render_mode} aside: jrl does not render).
 */
public final class ClassicControlEnvs {

    private ClassicControlEnvs() {
    }

    public static void register(EnvRegistry registry) {
        registry.register(new EnvSpec(CartPole.ID, 500, Map.of(), kwargs -> new CartPole()));
        registry.register(new EnvSpec(MountainCar.ID, 200, Map.of(),
                kwargs -> new MountainCar(kwargs.getDouble("goal_velocity", MountainCar.DEFAULT_GOAL_VELOCITY))));
        registry.register(new EnvSpec(MountainCarContinuous.ID, 999, Map.of(),
                kwargs -> new MountainCarContinuous(
                        kwargs.getDouble("goal_velocity", MountainCarContinuous.DEFAULT_GOAL_VELOCITY))));
        registry.register(new EnvSpec(Pendulum.ID, 200, Map.of(),
                kwargs -> new Pendulum(kwargs.getDouble("g", Pendulum.DEFAULT_GRAVITY))));
        registry.register(new EnvSpec(Acrobot.ID, 500, Map.of(), kwargs -> new Acrobot()));
    }
}

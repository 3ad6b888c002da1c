package io.github.jrl.envs.classic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.jrl.core.env.Environment;
import io.github.jrl.core.wrappers.TimeLimit;
import io.github.jrl.envs.EnvRegistry;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClassicControlEnvsTest {

    private static final Map<String, Integer> TIME_LIMITS = Map.of(
            "CartPole-v1", 500, "Acrobot-v1", 500, "MountainCar-v0", 200,
            "MountainCarContinuous-v0", 999, "Pendulum-v1", 200);

    @Test
    void registersTheFiveEnvironmentsWithGymnasiumTimeLimits() {
        EnvRegistry registry = new EnvRegistry();
        ClassicControlEnvs.register(registry);
        assertEquals(TIME_LIMITS.keySet(), registry.ids());
        TIME_LIMITS.forEach((id, limit) -> {
            assertEquals(limit, registry.spec(id).maxEpisodeSteps(), id);
            Environment<?, ?> env = registry.make(id);
            assertInstanceOf(TimeLimit.class, env, id);
            assertEquals(limit, ((TimeLimit<?, ?>) env).maxEpisodeSteps());
            assertEquals(id, env.unwrapped().id());
            assertInstanceOf(ClassicControlEnv.class, env.unwrapped());
        });
    }

    @Test
    void unknownKwargsAreRejectedByEveryEnvironment() {
        EnvRegistry registry = EnvRegistry.defaults();
        for (String id : TIME_LIMITS.keySet()) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> registry.make(id, Map.of("bogus", 1)), id);
            assertTrue(e.getMessage().contains("bogus"), e.getMessage());
        }
    }
}

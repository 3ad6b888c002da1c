package io.github.jrl.algorithms.ppo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Hyperparameters of rl-baselines3-zoo's {@code hyperparams/ppo.yml} (Raffin, "RL Baselines3
 * Zoo", 2020), on top of Stable-Baselines3's defaults. Each preset is a config file shipped as a
 * resource, {@code io/github/jrl/algorithms/ppo/presets/<name>.yml}, named after the environment
 * it is for and read with {@link PpoConfigFile}: the numbers live there only.
 */
public final class PpoPresets {

    /** The presets jrl ships. */
    public static final List<String> NAMES = List.of("CartPole-v1", "Acrobot-v1", "Pendulum-v1");

    private PpoPresets() {
    }

    /** {@code CartPole-v1}. */
    public static PpoConfig cartPole() {
        return forEnv("CartPole-v1");
    }

    /** {@code Acrobot-v1}, with observation and reward normalisation. */
    public static PpoConfig acrobot() {
        return forEnv("Acrobot-v1");
    }

    /** {@code Pendulum-v1}, without the zoo's gSDE exploration, which jrl does not implement yet. */
    public static PpoConfig pendulum() {
        return forEnv("Pendulum-v1");
    }

    /**
     * The preset {@code name}, one of {@link #NAMES}: the id of the environment it is for.
     *
     * @throws IllegalArgumentException naming the presets there are, if there is none of that name
     */
    public static PpoConfig forEnv(String name) {
        if (!NAMES.contains(name)) {
            throw new IllegalArgumentException("no PPO preset '" + name + "'; the presets are " + NAMES);
        }
        String resource = "presets/" + name + ".yml";
        try (InputStream in = PpoPresets.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("the PPO preset resource " + resource + " is missing from the jar");
            }
            return PpoConfigFile.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "PPO preset " + name,
                    PpoConfig.builder().build());
        } catch (IOException e) {
            throw new UncheckedIOException("reading the PPO preset " + resource, e);
        }
    }
}

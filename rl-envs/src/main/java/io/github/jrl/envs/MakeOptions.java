package io.github.jrl.envs;

import java.util.Map;

/**
 * How {@link EnvRegistry#make(String, MakeOptions)} builds an environment, after Gymnasium's
 * {@code make(id, max_episode_steps=..., disable_env_checker=..., **kwargs)}.
 *
 * @param kwargs constructor keyword arguments that override the registered ones
 * @param maxEpisodeSteps the time limit; {@code null} keeps the registered one, {@code 0} means none
 * @param disableEnvChecker {@code true} leaves out the {@link io.github.jrl.core.wrappers.EnvChecker},
 *     so that continuous actions outside the action space reach the environment, which then
 *     behaves as the reference does (most clip them). Meant for parity checks against the
 *     reference; by default such actions raise.
 */
public record MakeOptions(Map<String, Object> kwargs, Integer maxEpisodeSteps, boolean disableEnvChecker) {

    public MakeOptions {
        kwargs = Map.copyOf(kwargs);
        if (maxEpisodeSteps != null && maxEpisodeSteps < 0) {
            throw new IllegalArgumentException("maxEpisodeSteps must be >= 0 (0 for no limit), got " + maxEpisodeSteps);
        }
    }

    public static MakeOptions defaults() {
        return new MakeOptions(Map.of(), null, false);
    }

    public MakeOptions withKwargs(Map<String, ?> newKwargs) {
        return new MakeOptions(Map.copyOf(newKwargs), maxEpisodeSteps, disableEnvChecker);
    }

    public MakeOptions withMaxEpisodeSteps(int steps) {
        return new MakeOptions(kwargs, steps, disableEnvChecker);
    }

    public MakeOptions withEnvCheckerDisabled() {
        return new MakeOptions(kwargs, maxEpisodeSteps, true);
    }
}

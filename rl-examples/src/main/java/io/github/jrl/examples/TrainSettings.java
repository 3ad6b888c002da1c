package io.github.jrl.examples;

import static io.github.jrl.algorithms.config.ConfigField.integer;
import static io.github.jrl.algorithms.config.ConfigField.longInteger;
import static io.github.jrl.algorithms.config.ConfigField.text;

import io.github.jrl.algorithms.config.ConfigSchema;
import io.github.jrl.envs.Envs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * What {@code train} was asked to do besides the algorithm's hyperparameters: the algorithm, the
 * environment, the total steps, and the checkpoint and evaluation intervals. A run writes them to
 * {@code run.yml} in its directory (as rl-baselines3-zoo keeps its command-line arguments in
 * {@code args.yml}), so that {@code train --resume} continues the run exactly as it was started.
 *
 * @param algo the algorithm, one of {@link #ALGORITHMS}
 * @param env the registered environment id
 * @param steps environment steps of the whole run
 * @param checkpointEvery steps between checkpoints
 * @param evalEvery steps between evaluations; 0 for none
 * @param evalEpisodes episodes of each evaluation, and of the final one
 */
record TrainSettings(String algo, String env, long steps, long checkpointEvery, long evalEvery, int evalEpisodes) {

    /** The file in a run directory. */
    static final String FILE = "run.yml";
    static final List<String> ALGORITHMS = List.of("ppo", "sac");

    private static final ConfigSchema<TrainSettings, Builder> SCHEMA = new ConfigSchema<>(Builder::new, Builder::build,
            List.of(text("algo", TrainSettings::algo, (b, v) -> b.algo = v),
                text("env", TrainSettings::env, (b, v) -> b.env = v),
                longInteger("steps", TrainSettings::steps, (b, v) -> b.steps = v),
                longInteger("checkpointEvery", TrainSettings::checkpointEvery, (b, v) -> b.checkpointEvery = v),
                longInteger("evalEvery", TrainSettings::evalEvery, (b, v) -> b.evalEvery = v),
                integer("evalEpisodes", TrainSettings::evalEpisodes, (b, v) -> b.evalEpisodes = v)));

    TrainSettings {
        if (algo == null || !ALGORITHMS.contains(algo)) {
            throw new IllegalArgumentException("algo must be one of " + ALGORITHMS + ", got '" + algo + "'");
        }
        Envs.registry().spec(env);
        if (steps <= 0 || checkpointEvery <= 0 || evalEpisodes <= 0) {
            throw new IllegalArgumentException("steps, checkpointEvery and evalEpisodes must be positive, got " + steps
                    + ", " + checkpointEvery + " and " + evalEpisodes);
        }
        if (evalEvery < 0) {
            throw new IllegalArgumentException("evalEvery must be >= 0 (0 for no periodic evaluation), got " + evalEvery);
        }
    }

    /** Writes {@code run.yml} into {@code runDir}, atomically. */
    void write(Path runDir) throws IOException {
        SCHEMA.writeYaml(runDir.resolve(FILE), this);
    }

    /**
     * The settings in {@code runDir}'s {@code run.yml}.
     *
     * @throws IllegalArgumentException if there is none, or it is invalid, naming what is wrong
     */
    static TrainSettings read(Path runDir) throws IOException {
        Path file = runDir.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(runDir + " is not a run directory: it has no " + FILE);
        }
        return SCHEMA.read(file, null);
    }

    /** The values {@link #SCHEMA} reads; empty when there is no base, as {@code run.yml} lists every field. */
    private static final class Builder {
        private String algo;
        private String env;
        private long steps;
        private long checkpointEvery;
        private long evalEvery;
        private int evalEpisodes;

        Builder(TrainSettings base) {
            if (base != null) {
                algo = base.algo;
                env = base.env;
                steps = base.steps;
                checkpointEvery = base.checkpointEvery;
                evalEvery = base.evalEvery;
                evalEpisodes = base.evalEpisodes;
            }
        }

        TrainSettings build() {
            return new TrainSettings(algo, env, steps, checkpointEvery, evalEvery, evalEpisodes);
        }
    }
}

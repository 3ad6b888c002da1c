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
    static final List<String> ALGORITHMS = List.of("ppo");

    private static final ConfigSchema<TrainSettings, Builder> SCHEMA = new ConfigSchema<>(Builder::new, Builder::build,
            List.of(text("algo", TrainSettings::algo, Builder::algo),
                text("env", TrainSettings::env, Builder::env),
                longInteger("steps", TrainSettings::steps, Builder::steps),
                longInteger("checkpointEvery", TrainSettings::checkpointEvery, Builder::checkpointEvery),
                longInteger("evalEvery", TrainSettings::evalEvery, Builder::evalEvery),
                integer("evalEpisodes", TrainSettings::evalEpisodes, Builder::evalEpisodes)));

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

    /** Builds {@link TrainSettings} for {@link #SCHEMA}; starts empty when there is no base, as {@code run.yml} lists every field. */
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

        void algo(String value) {
            algo = value;
        }

        void env(String value) {
            env = value;
        }

        void steps(long value) {
            steps = value;
        }

        void checkpointEvery(long value) {
            checkpointEvery = value;
        }

        void evalEvery(long value) {
            evalEvery = value;
        }

        void evalEpisodes(int value) {
            evalEpisodes = value;
        }

        TrainSettings build() {
            return new TrainSettings(algo, env, steps, checkpointEvery, evalEvery, evalEpisodes);
        }
    }
}

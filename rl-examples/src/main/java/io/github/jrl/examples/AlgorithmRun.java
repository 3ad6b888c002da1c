package io.github.jrl.examples;

import io.github.jrl.algorithms.ppo.Ppo;
import io.github.jrl.algorithms.ppo.PpoConfig;
import io.github.jrl.algorithms.ppo.PpoConfigFile;
import io.github.jrl.algorithms.ppo.PpoPresets;
import io.github.jrl.algorithms.sac.Sac;
import io.github.jrl.algorithms.sac.SacConfig;
import io.github.jrl.algorithms.sac.SacConfigFile;
import io.github.jrl.algorithms.sac.SacPresets;
import io.github.jrl.core.checkpoint.Checkpoint;
import io.github.jrl.core.env.Environment;
import io.github.jrl.core.train.Callback;
import io.github.jrl.core.train.Trainer;
import io.github.jrl.envs.Envs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;

/**
 * What {@code train} drives, whichever algorithm it is: the trainer, the hyperparameters it writes
 * into the run directory, the deployable policy it saves. One implementation per algorithm of
 * {@link TrainSettings#ALGORITHMS}; {@link #start} and {@link #resume} pick it by name.
 */
interface AlgorithmRun {

    /** The algorithm's name as logs show it ({@code PPO}). */
    String displayName();

    long seed();

    Trainer<float[], Object> trainer();

    void learn(long totalSteps, List<Callback> callbacks);

    /** Writes the fully resolved hyperparameters to {@code file} (YAML). */
    void writeConfig(Path file) throws IOException;

    /** Writes the deployable policy, as {@code eval} loads it. */
    void savePolicy(Path file) throws IOException;

    /** Wall time the trainer has spent in its training loop. */
    double trainingSeconds();

    /**
     * A new run of {@code algo} on {@code envId} with the hyperparameters of {@code preset} (when
     * given), then of {@code configFile} (when given) over it or over the algorithm's defaults,
     * and {@code seed} (when given); with neither preset nor file, the preset named after the env.
     *
     * @throws IllegalArgumentException if the algorithm is unknown, the file missing, or there is
     *     no preset to fall back to
     */
    static AlgorithmRun start(String algo, String envId, String preset, Path configFile, Long seed) throws IOException {
        if (configFile != null && !Files.isRegularFile(configFile)) {
            throw new IllegalArgumentException("--config: no file " + configFile);
        }
        String presetName = preset != null ? preset : configFile == null ? envId : null;
        boolean presetFromEnv = preset == null && configFile == null;
        Supplier<Environment<float[], Object>> envs = () -> Envs.make(envId);
        return switch (algo) {
            case "ppo" -> {
                requirePresetForEnv(presetFromEnv, "PPO", envId, PpoPresets.NAMES);
                PpoConfig base = presetName != null ? PpoPresets.forEnv(presetName) : PpoConfig.builder().build();
                PpoConfig config = configFile != null ? PpoConfigFile.read(configFile, base) : base;
                yield new PpoRun(new Ppo(seed == null ? config : config.toBuilder().seed(seed).build(), envs));
            }
            case "sac" -> {
                requirePresetForEnv(presetFromEnv, "SAC", envId, SacPresets.NAMES);
                SacConfig base = presetName != null ? SacPresets.forEnv(presetName) : SacConfig.builder().build();
                SacConfig config = configFile != null ? SacConfigFile.read(configFile, base) : base;
                yield new SacRun(new Sac(seed == null ? config : config.toBuilder().seed(seed).build(), envs));
            }
            default -> throw new IllegalArgumentException("unknown algorithm '" + algo + "'; one of "
                    + TrainSettings.ALGORITHMS);
        };
    }

    /** With neither {@code --preset} nor {@code --config}, the env must have a preset of its own. */
    private static void requirePresetForEnv(boolean presetFromEnv, String algorithm, String envId,
            List<String> presets) {
        if (presetFromEnv && !presets.contains(envId)) {
            throw new IllegalArgumentException("there is no " + algorithm + " preset for " + envId + " (presets: "
                    + presets + "); give its hyperparameters with --config FILE, or a preset with --preset NAME");
        }
    }

    /** The run of {@code algo} on {@code envId} that wrote {@code checkpoint}, continued from it. */
    static AlgorithmRun resume(String algo, String envId, Checkpoint checkpoint) throws IOException {
        Supplier<Environment<float[], Object>> envs = () -> Envs.make(envId);
        return switch (algo) {
            case "ppo" -> new PpoRun(Ppo.resume(Ppo.configOf(checkpoint), envs, checkpoint));
            case "sac" -> new SacRun(Sac.resume(Sac.configOf(checkpoint), envs, checkpoint));
            default -> throw new IllegalArgumentException("unknown algorithm '" + algo + "'; one of "
                    + TrainSettings.ALGORITHMS);
        };
    }

    /** PPO (Schulman et al. 2017). */
    record PpoRun(Ppo ppo) implements AlgorithmRun {
        @Override
        public String displayName() {
            return "PPO";
        }

        @Override
        public long seed() {
            return ppo.config().seed();
        }

        @Override
        public Trainer<float[], Object> trainer() {
            return ppo;
        }

        @Override
        public void learn(long totalSteps, List<Callback> callbacks) {
            ppo.learn(totalSteps, callbacks);
        }

        @Override
        public void writeConfig(Path file) throws IOException {
            PpoConfigFile.write(file, ppo.config());
        }

        @Override
        public void savePolicy(Path file) throws IOException {
            ppo.policy().save(file);
        }

        @Override
        public double trainingSeconds() {
            return ppo.timings().totalSeconds();
        }
    }

    /** SAC (Haarnoja et al. 2018), discrete SAC for discrete actions. */
    record SacRun(Sac sac) implements AlgorithmRun {
        @Override
        public String displayName() {
            return "SAC";
        }

        @Override
        public long seed() {
            return sac.config().seed();
        }

        @Override
        public Trainer<float[], Object> trainer() {
            return sac;
        }

        @Override
        public void learn(long totalSteps, List<Callback> callbacks) {
            sac.learn(totalSteps, callbacks);
        }

        @Override
        public void writeConfig(Path file) throws IOException {
            SacConfigFile.write(file, sac.config());
        }

        @Override
        public void savePolicy(Path file) throws IOException {
            sac.policy().save(file);
        }

        @Override
        public double trainingSeconds() {
            return sac.timings().totalSeconds();
        }
    }
}

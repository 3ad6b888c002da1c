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
 * What {@code train} and {@code sweep} drive, whichever algorithm it is: the trainer, the
 * hyperparameters it writes into the run directory, the deployable policy it saves. One
 * implementation per algorithm of {@link TrainSettings#ALGORITHMS}; {@link #start},
 * {@link #fromConfig} and {@link #resume} pick it by name, and {@code sweep} builds its trials'
 * configs with {@link #resolveConfig} and {@link #override}.
 */
public interface AlgorithmRun {

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
    public static AlgorithmRun start(String algo, String envId, String preset, Path configFile, Long seed)
            throws IOException {
        if (configFile != null && !Files.isRegularFile(configFile)) {
            throw new IllegalArgumentException("--config: no file " + configFile);
        }
        Supplier<Environment<float[], Object>> envs = () -> Envs.make(envId);
        return switch (algo) {
            case "ppo" -> {
                PpoConfig base = ppoBase(envId, preset, configFile != null);
                PpoConfig config = configFile != null ? PpoConfigFile.read(configFile, base) : base;
                yield new PpoRun(new Ppo(seed == null ? config : config.toBuilder().seed(seed).build(), envs));
            }
            case "sac" -> {
                SacConfig base = sacBase(envId, preset, configFile != null);
                SacConfig config = configFile != null ? SacConfigFile.read(configFile, base) : base;
                yield new SacRun(new Sac(seed == null ? config : config.toBuilder().seed(seed).build(), envs));
            }
            default -> throw unknown(algo);
        };
    }

    /**
     * The hyperparameters {@link #start} resolves, as YAML (every field), with the config given as
     * text rather than a file: the preset, then {@code config} (YAML fields; {@code source} names
     * it in errors; null for none) over it, or over the algorithm's defaults when {@code config}
     * is given without a preset.
     *
     * @throws IllegalArgumentException if the algorithm is unknown, a field invalid, or there is no
     *     preset to fall back to
     */
    public static String resolveConfig(String algo, String envId, String preset, String config, String source) {
        return switch (algo) {
            case "ppo" -> {
                PpoConfig base = ppoBase(envId, preset, config != null);
                yield PpoConfigFile.toYaml(config == null ? base : PpoConfigFile.parse(config, source, base));
            }
            case "sac" -> {
                SacConfig base = sacBase(envId, preset, config != null);
                yield SacConfigFile.toYaml(config == null ? base : SacConfigFile.parse(config, source, base));
            }
            default -> throw unknown(algo);
        };
    }

    /**
     * {@code overrides} (YAML fields; {@code source} names them in errors) over the full config
     * {@code config} (as {@link #resolveConfig} gives it), then {@code seed}, as YAML: every field.
     *
     * @throws IllegalArgumentException if a field is unknown or its value invalid, naming it
     */
    public static String override(String algo, String config, String overrides, String source, long seed) {
        return switch (algo) {
            case "ppo" -> PpoConfigFile.toYaml(PpoConfigFile.parse(overrides, source,
                    PpoConfigFile.parse(config, source, PpoConfig.builder().build())).toBuilder().seed(seed).build());
            case "sac" -> SacConfigFile.toYaml(SacConfigFile.parse(overrides, source,
                    SacConfigFile.parse(config, source, SacConfig.builder().build())).toBuilder().seed(seed).build());
            default -> throw unknown(algo);
        };
    }

    /** A new run of {@code algo} on {@code envId} with the hyperparameters of the full YAML {@code config}. */
    public static AlgorithmRun fromConfig(String algo, String envId, String config) {
        Supplier<Environment<float[], Object>> envs = () -> Envs.make(envId);
        return switch (algo) {
            case "ppo" -> new PpoRun(new Ppo(PpoConfigFile.parse(config, "config", PpoConfig.builder().build()), envs));
            case "sac" -> new SacRun(new Sac(SacConfigFile.parse(config, "config", SacConfig.builder().build()), envs));
            default -> throw unknown(algo);
        };
    }

    /** The preset {@code --preset} names, else with no config the one named after the env, else the defaults. */
    private static PpoConfig ppoBase(String envId, String preset, boolean withConfig) {
        requirePresetForEnv(preset == null && !withConfig, "PPO", envId, PpoPresets.NAMES);
        String name = preset != null ? preset : withConfig ? null : envId;
        return name != null ? PpoPresets.forEnv(name) : PpoConfig.builder().build();
    }

    private static SacConfig sacBase(String envId, String preset, boolean withConfig) {
        requirePresetForEnv(preset == null && !withConfig, "SAC", envId, SacPresets.NAMES);
        String name = preset != null ? preset : withConfig ? null : envId;
        return name != null ? SacPresets.forEnv(name) : SacConfig.builder().build();
    }

    private static IllegalArgumentException unknown(String algo) {
        return new IllegalArgumentException("unknown algorithm '" + algo + "'; one of " + TrainSettings.ALGORITHMS);
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
    public static AlgorithmRun resume(String algo, String envId, Checkpoint checkpoint) throws IOException {
        Supplier<Environment<float[], Object>> envs = () -> Envs.make(envId);
        return switch (algo) {
            case "ppo" -> new PpoRun(Ppo.resume(Ppo.configOf(checkpoint), envs, checkpoint));
            case "sac" -> new SacRun(Sac.resume(Sac.configOf(checkpoint), envs, checkpoint));
            default -> throw unknown(algo);
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

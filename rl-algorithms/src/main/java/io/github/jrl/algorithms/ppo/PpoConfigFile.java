package io.github.jrl.algorithms.ppo;

import static io.github.jrl.algorithms.config.ConfigField.choice;
import static io.github.jrl.algorithms.config.ConfigField.flag;
import static io.github.jrl.algorithms.config.ConfigField.integer;
import static io.github.jrl.algorithms.config.ConfigField.integers;
import static io.github.jrl.algorithms.config.ConfigField.longInteger;
import static io.github.jrl.algorithms.config.ConfigField.optionalReal;
import static io.github.jrl.algorithms.config.ConfigField.real;
import static io.github.jrl.algorithms.config.ConfigField.schedule;

import io.github.jrl.algorithms.config.ConfigField;
import io.github.jrl.algorithms.config.ConfigSchema;
import io.github.jrl.algorithms.ppo.PpoConfig.Builder;
import io.github.jrl.nd4j.nn.Activation;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * {@link PpoConfig} as a YAML or JSON file: one field per config component, under the
 * component's name ({@code numEnvs: 8}, {@code learningRate: lin_1e-3}), each overriding the
 * base it is read over (Stable-Baselines3's defaults, or a preset). Schedules use
 * rl-baselines3-zoo's notation; {@code null} switches off {@code clipRangeVf}, {@code targetKl}
 * (their NaN) and gradient clipping ({@code maxGradNorm}'s infinity). A field under its zoo name
 * ({@code n_envs}) is refused with a hint to jrl's.
 *
 * <pre>{@code
 * numEnvs: 8
 * numSteps: 32
 * learningRate: lin_1e-3
 * targetKl: null
 * }</pre>
 */
public final class PpoConfigFile {

    private static final ConfigSchema<PpoConfig, Builder> SCHEMA = new ConfigSchema<>(PpoConfig::toBuilder,
            Builder::build, List.of(
                zoo("n_envs", integer("numEnvs", PpoConfig::numEnvs, Builder::numEnvs)),
                zoo("n_steps", integer("numSteps", PpoConfig::numSteps, Builder::numSteps)),
                zoo("batch_size", integer("batchSize", PpoConfig::batchSize, Builder::batchSize)),
                zoo("n_epochs", integer("numEpochs", PpoConfig::numEpochs, Builder::numEpochs)),
                real("gamma", PpoConfig::gamma, Builder::gamma),
                zoo("gae_lambda", real("gaeLambda", PpoConfig::gaeLambda, Builder::gaeLambda)),
                zoo("clip_range", schedule("clipRange", PpoConfig::clipRange, Builder::clipRange)),
                zoo("clip_range_vf", optionalReal("clipRangeVf", PpoConfig::clipRangeVf, Builder::clipRangeVf, Double.NaN)),
                zoo("normalize_advantage", flag("normalizeAdvantage", PpoConfig::normalizeAdvantage,
                        Builder::normalizeAdvantage)),
                zoo("ent_coef", real("entCoef", PpoConfig::entCoef, Builder::entCoef)),
                zoo("vf_coef", real("vfCoef", PpoConfig::vfCoef, Builder::vfCoef)),
                zoo("max_grad_norm", optionalReal("maxGradNorm", PpoConfig::maxGradNorm, Builder::maxGradNorm,
                        Double.POSITIVE_INFINITY)),
                zoo("target_kl", optionalReal("targetKl", PpoConfig::targetKl, Builder::targetKl, Double.NaN)),
                zoo("learning_rate", schedule("learningRate", PpoConfig::learningRate, Builder::learningRate)),
                real("adamEpsilon", PpoConfig::adamEpsilon, Builder::adamEpsilon),
                zoo("net_arch", integers("hiddenSizes", PpoConfig::hiddenSizes, Builder::hiddenSizes)),
                zoo("activation_fn", choice("activation", Activation.class, PpoConfig::activation, Builder::activation)),
                zoo("log_std_init", real("logStdInit", PpoConfig::logStdInit, Builder::logStdInit)),
                flag("normalizeObservations", PpoConfig::normalizeObservations, Builder::normalizeObservations),
                flag("normalizeRewards", PpoConfig::normalizeRewards, Builder::normalizeRewards),
                longInteger("seed", PpoConfig::seed, Builder::seed)));

    private PpoConfigFile() {
    }

    /** {@code field}, whose name in rl-baselines3-zoo's files is {@code zooName}. */
    private static ConfigField<PpoConfig, Builder> zoo(String zooName, ConfigField<PpoConfig, Builder> field) {
        return field.referenceName(zooName);
    }

    /** The field names, in the order {@link #toYaml} writes them. */
    public static List<String> fieldNames() {
        return SCHEMA.fieldNames();
    }

    /**
     * Reads a {@code .yml}, {@code .yaml} or {@code .json} file over {@code base}.
     *
     * @throws IllegalArgumentException naming the file, the field and what is wrong with it
     */
    public static PpoConfig read(Path file, PpoConfig base) throws IOException {
        return SCHEMA.read(file, base);
    }

    /** Reads YAML or JSON {@code text} over {@code base}; {@code source} names it in errors. */
    public static PpoConfig parse(String text, String source, PpoConfig base) {
        return SCHEMA.parse(text, source, base);
    }

    /**
     * Every field of {@code config} as YAML: what a run writes into its directory and its
     * checkpoints, and what {@link #parse} reads back to an equal config.
     *
     * @throws IllegalArgumentException if a schedule has no file notation (see {@link ConfigField#schedule})
     */
    public static String toYaml(PpoConfig config) {
        return SCHEMA.toYaml(config);
    }

    /** Writes {@link #toYaml} to {@code file} atomically. */
    public static void write(Path file, PpoConfig config) throws IOException {
        SCHEMA.writeYaml(file, config);
    }

    /** The fields in which {@code a} and {@code b} differ, as {@code name: a vs b}. */
    public static List<String> differences(PpoConfig a, PpoConfig b) {
        return SCHEMA.differences(a, b);
    }
}

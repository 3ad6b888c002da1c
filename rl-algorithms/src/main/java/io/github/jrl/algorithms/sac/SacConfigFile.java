package io.github.jrl.algorithms.sac;

import static io.github.jrl.algorithms.config.ConfigField.choice;
import static io.github.jrl.algorithms.config.ConfigField.integer;
import static io.github.jrl.algorithms.config.ConfigField.integers;
import static io.github.jrl.algorithms.config.ConfigField.longInteger;
import static io.github.jrl.algorithms.config.ConfigField.optionalReal;
import static io.github.jrl.algorithms.config.ConfigField.real;
import static io.github.jrl.algorithms.config.ConfigField.schedule;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.github.jrl.algorithms.config.ConfigField;
import io.github.jrl.algorithms.config.ConfigSchema;
import io.github.jrl.algorithms.sac.SacConfig.Builder;
import io.github.jrl.nd4j.nn.Activation;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * {@link SacConfig} as a YAML or JSON file, one field per config component under its jrl name,
 * each overriding the base it is read over (Stable-Baselines3's defaults, or a preset), as
 * {@code PpoConfigFile} does for PPO. The temperature takes SB3's notation: {@code entCoef: auto}
 * (learned, starting at 1), {@code auto_0.1} (learned, starting at 0.1) or a number (fixed);
 * {@code targetEntropy: null} is the reference's choice. A field under its zoo name
 * ({@code buffer_size}) is refused with a hint to jrl's.
 *
 * <pre>{@code
 * learningRate: 1e-3
 * entCoef: auto_0.1
 * hiddenSizes: [64, 64]
 * }</pre>
 */
public final class SacConfigFile {

    private static final String AUTO = "auto";

    private static final ConfigSchema<SacConfig, Builder> SCHEMA = new ConfigSchema<>(SacConfig::toBuilder,
            Builder::build, List.of(
                zoo("n_envs", integer("numEnvs", SacConfig::numEnvs, Builder::numEnvs)),
                zoo("buffer_size", integer("bufferSize", SacConfig::bufferSize, Builder::bufferSize)),
                zoo("learning_starts", integer("learningStarts", SacConfig::learningStarts, Builder::learningStarts)),
                zoo("batch_size", integer("batchSize", SacConfig::batchSize, Builder::batchSize)),
                real("tau", SacConfig::tau, Builder::tau),
                real("gamma", SacConfig::gamma, Builder::gamma),
                zoo("train_freq", integer("trainFreq", SacConfig::trainFreq, Builder::trainFreq)),
                zoo("gradient_steps", integer("gradientSteps", SacConfig::gradientSteps, Builder::gradientSteps)),
                zoo("target_update_interval", integer("targetUpdateInterval", SacConfig::targetUpdateInterval,
                        Builder::targetUpdateInterval)),
                zoo("learning_rate", schedule("learningRate", SacConfig::learningRate, Builder::learningRate)),
                real("adamEpsilon", SacConfig::adamEpsilon, Builder::adamEpsilon),
                zoo("ent_coef", new ConfigField<>("entCoef", null, SacConfigFile::entCoefNode, SacConfigFile::applyEntCoef)),
                zoo("target_entropy", optionalReal("targetEntropy", SacConfig::targetEntropy, Builder::targetEntropy,
                        Double.NaN)),
                zoo("net_arch", integers("hiddenSizes", SacConfig::hiddenLayers,
                        (b, v) -> b.hiddenSizes(Arrays.stream(v).boxed().toArray(Integer[]::new)))),
                zoo("activation_fn", choice("activation", Activation.class, SacConfig::activation, Builder::activation)),
                choice("explorationNoise", ExplorationNoise.class, SacConfig::explorationNoise,
                        Builder::explorationNoise),
                integer("noiseSequenceLength", SacConfig::noiseSequenceLength, Builder::noiseSequenceLength),
                longInteger("seed", SacConfig::seed, Builder::seed)));

    private SacConfigFile() {
    }

    private static ConfigField<SacConfig, Builder> zoo(String zooName, ConfigField<SacConfig, Builder> field) {
        return field.referenceName(zooName);
    }

    private static JsonNode entCoefNode(SacConfig config) {
        return config.autoEntCoef() ? TextNode.valueOf(AUTO + "_" + config.entCoef())
                : DoubleNode.valueOf(config.entCoef());
    }

    /** SB3's {@code ent_coef}: {@code auto}, {@code auto_<initial>} or a fixed number. */
    private static void applyEntCoef(Builder builder, JsonNode value) {
        if (value.isNumber()) {
            builder.fixedEntCoef(value.doubleValue());
            return;
        }
        if (!value.isTextual()) {
            throw new IllegalArgumentException("entCoef must be 'auto', 'auto_<initial alpha>' or a number, got "
                    + value);
        }
        String text = value.textValue().trim().toLowerCase(Locale.ROOT);
        try {
            if (text.equals(AUTO)) {
                builder.autoEntCoef(1.0);
            } else if (text.startsWith(AUTO + "_")) {
                builder.autoEntCoef(Double.parseDouble(text.substring(AUTO.length() + 1)));
            } else {
                builder.fixedEntCoef(Double.parseDouble(text));
            }
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("entCoef must be 'auto', 'auto_<initial alpha>' or a number, got "
                    + value, e);
        }
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
    public static SacConfig read(Path file, SacConfig base) throws IOException {
        return SCHEMA.read(file, base);
    }

    /** Reads YAML or JSON {@code text} over {@code base}; {@code source} names it in errors. */
    public static SacConfig parse(String text, String source, SacConfig base) {
        return SCHEMA.parse(text, source, base);
    }

    /** Every field of {@code config} as YAML, which {@link #parse} reads back to an equal config. */
    public static String toYaml(SacConfig config) {
        return SCHEMA.toYaml(config);
    }

    /** Writes {@link #toYaml} to {@code file} atomically. */
    public static void write(Path file, SacConfig config) throws IOException {
        SCHEMA.writeYaml(file, config);
    }

    /** The fields in which {@code a} and {@code b} differ, as {@code name: a vs b}. */
    public static List<String> differences(SacConfig a, SacConfig b) {
        return SCHEMA.differences(a, b);
    }
}

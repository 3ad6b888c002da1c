package io.github.jrl.algorithms.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.github.jrl.core.checkpoint.AtomicFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * How an immutable config maps to a YAML or JSON file of {@code field: value} pairs, read with
 * Jackson: the fields a file may hold ({@link ConfigField}), each applied to the builder of a base
 * config (defaults or a preset), so a file need only list what it changes, as
 * rl-baselines3-zoo's hyperparameter files list what differs from Stable-Baselines3's defaults.
 *
 * <p>Reading refuses an unknown field (naming the known ones), a repeated field, a value of the
 * wrong type (naming the field and the type expected), and whatever the config's own validation
 * refuses (its messages name the field and the allowed range), always prefixed with where the
 * text came from. Writing gives every field, in a fixed order, as YAML: the fully resolved config
 * of a run, which reads back to an equal config.
 *
 * @param <C> the config type
 * @param <B> its builder
 */
public final class ConfigSchema<C, B> {

    private static final ObjectMapper YAML = YAMLMapper.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private final Map<String, ConfigField<C, B>> fields = new LinkedHashMap<>();
    private final Function<C, B> toBuilder;
    private final Function<B, C> build;

    /**
     * @param toBuilder a builder starting from a config's values
     * @param build the builder's validating {@code build}
     */
    public ConfigSchema(Function<C, B> toBuilder, Function<B, C> build, List<ConfigField<C, B>> fields) {
        this.toBuilder = toBuilder;
        this.build = build;
        for (ConfigField<C, B> field : fields) {
            if (this.fields.put(field.name(), field) != null) {
                throw new IllegalArgumentException("field '" + field.name() + "' is listed twice");
            }
        }
    }

    /** The field names, in the order files are written. */
    public List<String> fieldNames() {
        return List.copyOf(fields.keySet());
    }

    /**
     * Reads {@code file} (YAML if it ends in {@code .yml} or {@code .yaml}, JSON if in
     * {@code .json}) over {@code base}.
     *
     * @throws IllegalArgumentException naming the file and what is wrong in it
     * @throws IOException if it cannot be read
     */
    public C read(Path file, C base) throws IOException {
        String name = file.getFileName().toString();
        ObjectMapper mapper;
        if (name.endsWith(".yml") || name.endsWith(".yaml")) {
            mapper = YAML;
        } else if (name.endsWith(".json")) {
            mapper = JSON;
        } else {
            throw new IllegalArgumentException("config file " + file + ": expected a .yml, .yaml or .json file");
        }
        return parse(mapper, Files.readString(file, StandardCharsets.UTF_8), "config file " + file, base);
    }

    /** Reads YAML (or JSON, which YAML includes) {@code text} over {@code base}; {@code source} names it in errors. */
    public C parse(String text, String source, C base) {
        return parse(YAML, text, source, base);
    }

    private C parse(ObjectMapper mapper, String text, String source, C base) {
        JsonNode root;
        try {
            root = mapper.readTree(text);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new IllegalArgumentException(source + ": not valid " + (mapper == JSON ? "JSON" : "YAML") + ": "
                    + e.getOriginalMessage() + (at == null ? "" : " (line " + at.getLineNr() + ", column "
                    + at.getColumnNr() + ")"), e);
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            root = JsonNodeFactory.instance.objectNode(); // an empty file changes nothing
        }
        if (!root.isObject()) {
            throw new IllegalArgumentException(source + ": expected a mapping of field names to values, got " + root);
        }
        B builder = toBuilder.apply(base);
        for (Map.Entry<String, JsonNode> entry : root.properties()) {
            ConfigField<C, B> field = fields.get(entry.getKey());
            if (field == null) {
                throw new IllegalArgumentException(source + ": unknown field '" + entry.getKey() + "'" + hint(entry.getKey())
                        + "; the fields are " + fields.keySet());
            }
            try {
                field.reader().accept(builder, entry.getValue());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(source + ": " + field.name() + ": " + e.getMessage(), e);
            }
        }
        try {
            return build.apply(builder);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(source + ": " + e.getMessage(), e);
        }
    }

    private String hint(String unknown) {
        for (ConfigField<C, B> field : fields.values()) {
            if (unknown.equals(field.referenceName())) {
                return " (rl-baselines3-zoo's name for " + field.name() + ")";
            }
        }
        return "";
    }

    /**
     * Every field of {@code config} as YAML, in the schema's order.
     *
     * @throws IllegalArgumentException if a value has no notation in a file (a schedule other
     *         than a constant or a linear decay to zero), naming the field
     */
    public String toYaml(C config) {
        try {
            return YAML.writeValueAsString(tree(config));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("YAML of a config tree", e);
        }
    }

    /** Writes {@link #toYaml} to {@code file} atomically. */
    public void writeYaml(Path file, C config) throws IOException {
        byte[] yaml = toYaml(config).getBytes(StandardCharsets.UTF_8);
        AtomicFile.write(file, out -> out.write(yaml));
    }

    /** The fields whose values differ, as {@code name: a vs b}, in the schema's order. */
    public List<String> differences(C a, C b) {
        ObjectNode left = tree(a);
        ObjectNode right = tree(b);
        List<String> differences = new ArrayList<>();
        for (String name : fields.keySet()) {
            if (!left.get(name).equals(right.get(name))) {
                differences.add(name + ": " + left.get(name) + " vs " + right.get(name));
            }
        }
        return differences;
    }

    private ObjectNode tree(C config) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        fields.values().forEach(field -> node.set(field.name(), field.writer().apply(config)));
        return node;
    }
}

package io.github.jrl.algorithms.preference;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.jrl.core.checkpoint.AtomicFile;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Preference datasets as JSON lines, one object per line with TRL's field names: paired data
 * {@code {"prompt", "chosen", "rejected"}} ({@link PreferencePair}) and unpaired data
 * {@code {"prompt", "completion", "label"}} ({@link UnpairedExample}), as the Hugging Face
 * datasets TRL trains on store them. Other fields are ignored, as TRL's trainers drop unused
 * columns; blank lines are skipped. Files are written atomically ({@link AtomicFile}).
 */
public final class PreferenceJsonl {

    private static final ObjectMapper JSON = new ObjectMapper();

    private PreferenceJsonl() {
    }

    /**
     * @throws IllegalArgumentException naming the file and line of a line that is not a JSON
     *     object, lacks a field, or has a field that is not a non-empty string
     */
    public static List<PreferencePair> readPairs(Path file) throws IOException {
        return read(file, node -> new PreferencePair(text(node, "prompt"), text(node, "chosen"), text(node, "rejected")));
    }

    /** As {@link #readPairs}; {@code label} must be a JSON boolean. */
    public static List<UnpairedExample> readUnpaired(Path file) throws IOException {
        return read(file, node -> {
            JsonNode label = node.get("label");
            if (label == null || !label.isBoolean()) {
                throw new IllegalArgumentException("field 'label' must be a boolean (true for a desirable completion), got "
                        + (label == null ? "nothing" : label));
            }
            return new UnpairedExample(text(node, "prompt"), text(node, "completion"), label.booleanValue());
        });
    }

    public static void writePairs(Path file, List<PreferencePair> pairs) throws IOException {
        write(file, pairs, (pair, node) -> node.put("prompt", pair.prompt()).put("chosen", pair.chosen())
                .put("rejected", pair.rejected()));
    }

    public static void writeUnpaired(Path file, List<UnpairedExample> examples) throws IOException {
        write(file, examples, (example, node) -> node.put("prompt", example.prompt())
                .put("completion", example.completion()).put("label", example.label()));
    }

    private static <T> List<T> read(Path file, Function<JsonNode, T> parse) throws IOException {
        List<T> records = new ArrayList<>();
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            for (int number = 1; (line = reader.readLine()) != null; number++) {
                if (line.isBlank()) {
                    continue;
                }
                try {
                    JsonNode node = JSON.readTree(line);
                    if (node == null || !node.isObject()) {
                        throw new IllegalArgumentException("expected a JSON object, got " + abbreviate(line));
                    }
                    records.add(parse.apply(node));
                } catch (JsonProcessingException | IllegalArgumentException e) {
                    String reason = e instanceof JsonProcessingException json ? "not valid JSON: " + json.getOriginalMessage()
                            : e.getMessage();
                    throw new IllegalArgumentException(file + " line " + number + ": " + reason, e);
                }
            }
        }
        return records;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw new IllegalArgumentException("field '" + field + "' must be a non-empty string, got "
                    + (value == null ? "nothing" : value.getNodeType().toString().toLowerCase()));
        }
        return value.textValue();
    }

    private interface Fields<T> {
        void put(T record, ObjectNode node);
    }

    private static <T> void write(Path file, List<T> records, Fields<T> fields) throws IOException {
        AtomicFile.write(file, (OutputStream out) -> {
            for (T record : records) {
                ObjectNode node = JSON.createObjectNode();
                fields.put(record, node);
                out.write(JSON.writeValueAsBytes(node));
                out.write('\n');
            }
        });
    }

    private static String abbreviate(String line) {
        return line.length() <= 60 ? line : line.substring(0, 60) + "...";
    }
}

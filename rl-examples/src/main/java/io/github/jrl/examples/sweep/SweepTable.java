package io.github.jrl.examples.sweep;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.jrl.core.checkpoint.AtomicFile;
import io.github.jrl.core.metrics.MetricsCsv;
import io.github.jrl.core.sweep.SweepResult;
import io.github.jrl.core.sweep.TrialResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A sweep's results as one table, one row per trial in the sweep's order (Ray Tune's
 * {@code ResultGrid.get_dataframe()}): {@code results.csv} with the trial's index, status, seed,
 * parameters, last reported step, last and best value, wall time and error; {@code results.json}
 * with the same and each trial's reported curve. Both are written atomically. Non-finite values
 * are written as {@code NaN}, in JSON as the string {@code "NaN"} (as Jackson writes them).
 */
public final class SweepTable {

    public static final String CSV = "results.csv";
    public static final String JSON = "results.json";

    private static final ObjectMapper MAPPER = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private SweepTable() {
    }

    /** Writes {@value #CSV} and {@value #JSON} into {@code dir}. */
    public static void write(Path dir, SweepSpec spec, SweepResult result) throws IOException {
        List<String> params = result.trials().isEmpty() ? List.of()
                : List.copyOf(result.trials().get(0).spec().params().keySet());
        StringBuilder csv = new StringBuilder();
        List<String> header = new ArrayList<>(List.of("trial", "status", "seed"));
        header.addAll(params);
        header.addAll(List.of("last_step", "last_value", "best_value", "seconds", "error"));
        csv.append(MetricsCsv.formatLine(header)).append('\n');
        ObjectNode json = MAPPER.createObjectNode();
        json.put("metric", spec.metric()).put("scheduler", spec.trialScheduler().toString());
        ArrayNode trials = json.putArray("trials");
        for (TrialResult t : result.trials()) {
            List<String> row = new ArrayList<>(List.of(Integer.toString(t.spec().index()), t.status().name(),
                    Long.toString(t.spec().seed())));
            params.forEach(p -> row.add(String.valueOf(t.spec().params().get(p))));
            row.addAll(List.of(Long.toString(t.history().lastStep()), Double.toString(t.lastValue()),
                    Double.toString(t.bestValue()), String.format(Locale.ROOT, "%.1f", t.seconds()),
                    t.error() == null ? "" : t.error().replace('\n', ' ')));
            csv.append(MetricsCsv.formatLine(row)).append('\n');
            ObjectNode node = trials.addObject();
            node.put("trial", t.spec().index()).put("status", t.status().name()).put("seed", t.spec().seed());
            node.set("params", MAPPER.valueToTree(t.spec().params()));
            node.put("last_step", t.history().lastStep()).put("last_value", t.lastValue())
                    .put("best_value", t.bestValue()).put("seconds", t.seconds()).put("error", t.error());
            node.set("steps", MAPPER.valueToTree(t.history().steps()));
            node.set("values", MAPPER.valueToTree(t.history().values()));
        }
        byte[] csvBytes = csv.toString().getBytes(StandardCharsets.UTF_8);
        AtomicFile.write(dir.resolve(CSV), out -> out.write(csvBytes));
        byte[] jsonBytes = MAPPER.writeValueAsBytes(json);
        AtomicFile.write(dir.resolve(JSON), out -> out.write(jsonBytes));
    }
}

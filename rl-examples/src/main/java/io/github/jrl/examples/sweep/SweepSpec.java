package io.github.jrl.examples.sweep;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.github.jrl.core.checkpoint.AtomicFile;
import io.github.jrl.core.metrics.MetricNames;
import io.github.jrl.core.sweep.Asha;
import io.github.jrl.core.sweep.MedianStoppingRule;
import io.github.jrl.core.sweep.SearchSpace;
import io.github.jrl.core.sweep.SearchSpace.Choice;
import io.github.jrl.core.sweep.SearchSpace.Dimension;
import io.github.jrl.core.sweep.SearchSpace.Grid;
import io.github.jrl.core.sweep.SearchSpace.LogUniform;
import io.github.jrl.core.sweep.SearchSpace.Uniform;
import io.github.jrl.core.sweep.TrialScheduler;
import io.github.jrl.core.sweep.TrialSpec;
import io.github.jrl.envs.Envs;
import io.github.jrl.examples.AlgorithmRun;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Everything a sweep does, as the command line gives it or a YAML file holds it; a sweep writes
 * its own to {@code sweep.yml} in its directory, so {@code sweep --spec DIR/sweep.yml} runs it again.
 *
 * <pre>{@code
 * algo: ppo
 * env: CartPole-v1
 * preset: CartPole-v1          # optional; as train's --preset
 * config: {numEnvs: 4}         # optional; fields over the preset for every trial, as train's --config
 * steps: 20000                 # environment steps per trial
 * reportEvery: 2000            # steps between reports of the metric
 * metric: charts/episodic_return
 * samples: 1                   # repetitions of the grid, each with fresh draws
 * sweepSeed: 0
 * seeds: [0, 1]                # optional; without, trial i's seed is drawn from stream i of sweepSeed
 * space:
 *   learningRate: {grid: [0.001, 0.0003]}
 *   gaeLambda: {uniform: [0.9, 0.99]}
 *   entCoef: {logUniform: [0.0001, 0.01]}
 *   activation: {choice: [tanh, relu]}
 * scheduler: asha              # none, median or asha
 * gracePeriod: 2000            # steps before any early stop, ASHA's first rung
 * reductionFactor: 3           # ASHA
 * minSamples: 3                # median stopping rule
 * concurrency: 2
 * }</pre>
 *
 * @param config YAML fields over the preset for every trial; null for none
 * @param scheduler one of {@link #SCHEDULERS}
 */
public record SweepSpec(String algo, String env, String preset, String config, long steps, long reportEvery,
        String metric, int samples, long sweepSeed, List<Long> seeds, List<Dimension> space, String scheduler,
        long gracePeriod, double reductionFactor, int minSamples, int concurrency) {

    /** The file a sweep writes into its directory. */
    public static final String FILE = "sweep.yml";
    public static final List<String> SCHEDULERS = List.of("none", "median", "asha");
    public static final String DEFAULT_ALGO = "ppo";
    public static final String DEFAULT_ENV = "CartPole-v1";
    /** A short budget, a fifth of the zoo's CartPole-v1 run: sweeps try many configs, then train the best longer. */
    public static final long DEFAULT_STEPS = 20_000;
    public static final String DEFAULT_METRIC = MetricNames.EPISODIC_RETURN;
    /** Ray Tune's default: every trial runs its whole budget. */
    public static final String DEFAULT_SCHEDULER = "none";

    private static final ObjectMapper YAML = YAMLMapper.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
    private static final Set<String> FIELDS = Set.of("algo", "env", "preset", "config", "steps", "reportEvery", "metric",
            "samples", "sweepSeed", "seeds", "space", "scheduler", "gracePeriod", "reductionFactor", "minSamples",
            "concurrency");
    private static final List<String> DOMAINS = List.of("grid", "uniform", "logUniform", "choice");

    public SweepSpec {
        Envs.registry().spec(env);
        if (steps < 1 || reportEvery < 1 || reportEvery > steps) {
            throw new IllegalArgumentException("steps must be >= 1 and reportEvery in [1, steps], got steps " + steps
                    + " and reportEvery " + reportEvery);
        }
        if (metric == null || metric.isBlank()) {
            throw new IllegalArgumentException("metric must name a metric the trainer logs, e.g. charts/episodic_return");
        }
        if (!SCHEDULERS.contains(scheduler)) {
            throw new IllegalArgumentException("scheduler must be one of " + SCHEDULERS + ", got '" + scheduler + "'");
        }
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be >= 1, got " + concurrency);
        }
        seeds = List.copyOf(seeds);
        space = List.copyOf(space);
        searchSpace(space, seeds).size(samples);
        schedulerOf(scheduler, gracePeriod, steps, reductionFactor, minSamples);
        // the base config resolves now, so a wrong field or algorithm is refused before any trial starts
        AlgorithmRun.resolveConfig(algo, env, preset, config, "config");
    }

    /**
     * Ten reports per trial, as the command line's {@code --report-every} defaults: with η = 3, room
     * for ASHA's rungs at a tenth, three tenths and nine tenths of the budget.
     */
    public static long defaultReportEvery(long steps) {
        return Math.max(1, steps / 10);
    }

    public SearchSpace searchSpace() {
        return searchSpace(space, seeds);
    }

    private static SearchSpace searchSpace(List<Dimension> space, List<Long> seeds) {
        SearchSpace searchSpace = new SearchSpace();
        space.forEach(searchSpace::add);
        if (!seeds.isEmpty()) {
            searchSpace.seeds(seeds);
        }
        return searchSpace;
    }

    /** The trials, in the sweep's order. */
    public List<TrialSpec> trials() {
        return searchSpace().expand(samples, sweepSeed);
    }

    public TrialScheduler trialScheduler() {
        return schedulerOf(scheduler, gracePeriod, steps, reductionFactor, minSamples);
    }

    private static TrialScheduler schedulerOf(String name, long gracePeriod, long steps, double reductionFactor,
            int minSamples) {
        return switch (name) {
            case "none" -> TrialScheduler.NONE;
            case "median" -> new MedianStoppingRule(gracePeriod, minSamples);
            default -> new Asha(gracePeriod, steps, reductionFactor);
        };
    }

    /** The hyperparameters every trial starts from: the preset, then {@link #config} over it (YAML, every field). */
    public String baseConfig() {
        return AlgorithmRun.resolveConfig(algo, env, preset, config, "config");
    }

    /** This spec as YAML, every field. */
    public String toYaml() {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("algo", algo).put("env", env).put("preset", preset);
        root.set("config", config == null ? null : readTree(config, "config"));
        root.put("steps", steps).put("reportEvery", reportEvery).put("metric", metric).put("samples", samples)
                .put("sweepSeed", sweepSeed);
        seeds.forEach(root.putArray("seeds")::add);
        ObjectNode dims = root.putObject("space");
        for (Dimension d : space) {
            ObjectNode domain = dims.putObject(d.name());
            if (d instanceof Grid g) {
                domain.set("grid", YAML.valueToTree(g.values()));
            } else if (d instanceof Uniform u) {
                domain.putArray("uniform").add(u.low()).add(u.high());
            } else if (d instanceof LogUniform u) {
                domain.putArray("logUniform").add(u.low()).add(u.high());
            } else if (d instanceof Choice c) {
                domain.set("choice", YAML.valueToTree(c.values()));
            }
        }
        root.put("scheduler", scheduler).put("gracePeriod", gracePeriod).put("reductionFactor", reductionFactor)
                .put("minSamples", minSamples).put("concurrency", concurrency);
        try {
            return YAML.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("YAML of a sweep spec", e);
        }
    }

    /** Writes {@link #toYaml} into {@code dir}'s {@value #FILE}, atomically. */
    public void write(Path dir) throws IOException {
        byte[] yaml = toYaml().getBytes(StandardCharsets.UTF_8);
        AtomicFile.write(dir.resolve(FILE), out -> out.write(yaml));
    }

    /**
     * Reads a sweep spec file; fields left out take the command line's defaults.
     *
     * @throws IllegalArgumentException naming the file, the field and what is wrong with it
     */
    public static SweepSpec read(Path file) throws IOException {
        return parse(Files.readString(file, StandardCharsets.UTF_8), "sweep spec " + file);
    }

    /** Reads a sweep spec from YAML {@code text}; {@code source} names it in errors. */
    public static SweepSpec parse(String text, String source) {
        JsonNode root = readTree(text, source);
        if (!root.isObject()) {
            throw new IllegalArgumentException(source + ": expected a mapping of fields to values, got " + root);
        }
        root.fieldNames().forEachRemaining(name -> {
            if (!FIELDS.contains(name)) {
                throw new IllegalArgumentException(source + ": unknown field '" + name + "'; the fields are "
                        + List.copyOf(new TreeSet<>(FIELDS)));
            }
        });
        try {
            long steps = longOr(root, "steps", DEFAULT_STEPS);
            long reportEvery = longOr(root, "reportEvery", defaultReportEvery(steps));
            List<Long> seeds = new ArrayList<>();
            root.path("seeds").forEach(s -> seeds.add(integer(s, "seeds")));
            JsonNode config = root.path("config");
            JsonNode reductionFactor = root.path("reductionFactor");
            if (!reductionFactor.isMissingNode() && !reductionFactor.isNumber()) {
                throw new IllegalArgumentException("reductionFactor: expected a number, got " + reductionFactor);
            }
            return new SweepSpec(text(root, "algo", DEFAULT_ALGO), text(root, "env", DEFAULT_ENV),
                    text(root, "preset", null), config.isMissingNode() || config.isNull() ? null : config.toString(),
                    steps, reportEvery, text(root, "metric", DEFAULT_METRIC),
                    Math.toIntExact(longOr(root, "samples", 1)), longOr(root, "sweepSeed", 0), seeds,
                    dimensions(root.path("space")), text(root, "scheduler", DEFAULT_SCHEDULER),
                    longOr(root, "gracePeriod", reportEvery), reductionFactor.asDouble(Asha.DEFAULT_REDUCTION_FACTOR),
                    Math.toIntExact(longOr(root, "minSamples", MedianStoppingRule.DEFAULT_MIN_SAMPLES)),
                    Math.toIntExact(longOr(root, "concurrency", 1)));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(source + ": " + e.getMessage(), e);
        }
    }

    private static List<Dimension> dimensions(JsonNode space) {
        List<Dimension> dimensions = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> entries = space.fields();
        while (entries.hasNext()) {
            Map.Entry<String, JsonNode> entry = entries.next();
            String name = entry.getKey();
            JsonNode domain = entry.getValue();
            if (!domain.isObject() || domain.size() != 1 || !DOMAINS.contains(domain.fieldNames().next())
                    || !domain.elements().next().isArray()) {
                throw new IllegalArgumentException("space: " + name + ": expected one of " + DOMAINS
                        + " with a list, e.g. {grid: [0.001, 0.0003]} or {uniform: [0.9, 0.99]}, got " + domain);
            }
            String kind = domain.fieldNames().next();
            ArrayNode values = (ArrayNode) domain.get(kind);
            List<Object> list = new ArrayList<>();
            values.forEach(v -> list.add(YAML.convertValue(v, Object.class)));
            dimensions.add(switch (kind) {
                case "grid" -> new Grid(name, list);
                case "choice" -> new Choice(name, list);
                default -> {
                    if (values.size() != 2 || !values.get(0).isNumber() || !values.get(1).isNumber()) {
                        throw new IllegalArgumentException("space: " + name + ": " + kind + " takes [low, high], got "
                                + values);
                    }
                    double low = values.get(0).asDouble();
                    double high = values.get(1).asDouble();
                    yield kind.equals("uniform") ? new Uniform(name, low, high) : new LogUniform(name, low, high);
                }
            });
        }
        return dimensions;
    }

    /** The parameters of a trial as YAML fields, what {@link AlgorithmRun#override} reads. */
    public static String overridesYaml(Map<String, Object> params) {
        try {
            return YAML.writeValueAsString(new LinkedHashMap<>(params));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("YAML of trial parameters " + params, e);
        }
    }

    private static JsonNode readTree(String text, String source) {
        try {
            JsonNode node = YAML.readTree(text);
            return node == null ? JsonNodeFactory.instance.objectNode() : node;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(source + ": not valid YAML: " + e.getOriginalMessage(), e);
        }
    }

    private static String text(JsonNode root, String field, String otherwise) {
        JsonNode v = root.get(field);
        if (v == null || v.isNull()) {
            return otherwise;
        }
        if (!v.isTextual()) {
            throw new IllegalArgumentException(field + ": expected text, got " + v);
        }
        return v.textValue();
    }

    private static long longOr(JsonNode root, String field, long otherwise) {
        JsonNode v = root.get(field);
        return v == null || v.isNull() ? otherwise : integer(v, field);
    }

    private static long integer(JsonNode v, String field) {
        if (!v.canConvertToExactIntegral() || !v.canConvertToLong()) {
            throw new IllegalArgumentException(field + ": expected an integer, got " + v);
        }
        return v.asLong();
    }
}

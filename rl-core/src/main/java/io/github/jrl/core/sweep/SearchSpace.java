package io.github.jrl.core.sweep;

import io.github.jrl.core.random.Rng;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The hyperparameters a sweep tries, as Ray Tune's {@code param_space} describes them: grid
 * dimensions ({@code tune.grid_search}) are crossed with one another, sampled dimensions
 * ({@code tune.uniform}, {@code tune.loguniform}, {@code tune.choice}) are drawn afresh for every
 * trial, and the whole grid is repeated {@code samples} times ({@code num_samples}). Seeds are a
 * dimension of their own, crossed like a grid and kept out of the parameters: each trial trains
 * with its seed, and a space without seeds gives trial {@code i} the seed drawn from stream
 * {@code i} of the sweep's seed.
 *
 * <p>Expansion order is fixed: sample after sample, grid points in row-major order of the
 * dimensions as added (the last varies fastest), seeds innermost. Trial {@code i}'s sampled values
 * come from stream {@code i} of the sweep seed ({@link Rng#forStream}), so they depend on the seed
 * and the index only, never on how many trials run at once.
 */
public final class SearchSpace {

    /** One named hyperparameter and the values it takes. */
    public sealed interface Dimension permits Grid, Uniform, LogUniform, Choice {
        String name();
    }

    /** Every value, crossed with the other grid dimensions. */
    public record Grid(String name, List<Object> values) implements Dimension {
        public Grid {
            values = nonEmpty(name, values);
        }
    }

    /** A real drawn uniformly from {@code [low, high)}. */
    public record Uniform(String name, double low, double high) implements Dimension {
        public Uniform {
            if (!(Double.isFinite(low) && Double.isFinite(high) && low < high)) {
                throw new IllegalArgumentException(name + ": uniform needs finite low < high, got [" + low + ", " + high + ")");
            }
        }
    }

    /** A real whose logarithm is uniform on {@code [log low, log high)}, for scales such as learning rates. */
    public record LogUniform(String name, double low, double high) implements Dimension {
        public LogUniform {
            if (!(low > 0 && Double.isFinite(high) && low < high)) {
                throw new IllegalArgumentException(name + ": log-uniform needs 0 < low < high, got [" + low + ", " + high
                        + ")");
            }
        }
    }

    /** One of the values, each equally likely. */
    public record Choice(String name, List<Object> values) implements Dimension {
        public Choice {
            values = nonEmpty(name, values);
        }
    }

    /** The parameter name under which seeds are given; it cannot also be a dimension. */
    public static final String SEED = "seed";

    private final Map<String, Dimension> dimensions = new LinkedHashMap<>();
    private final List<Long> seeds = new ArrayList<>();

    /** Adds a grid dimension. */
    public SearchSpace grid(String name, List<?> values) {
        return add(new Grid(name, List.copyOf(values)));
    }

    public SearchSpace uniform(String name, double low, double high) {
        return add(new Uniform(name, low, high));
    }

    public SearchSpace logUniform(String name, double low, double high) {
        return add(new LogUniform(name, low, high));
    }

    public SearchSpace choice(String name, List<?> values) {
        return add(new Choice(name, List.copyOf(values)));
    }

    /**
     * Every trial is run once per seed.
     *
     * @throws IllegalArgumentException if there are none, a seed repeats, or seeds were given already
     */
    public SearchSpace seeds(List<Long> values) {
        if (!seeds.isEmpty()) {
            throw new IllegalArgumentException("seeds are given twice: " + seeds + " and " + values);
        }
        if (values.isEmpty() || values.stream().distinct().count() != values.size()) {
            throw new IllegalArgumentException("seeds must be a non-empty list of distinct values, got " + values);
        }
        seeds.addAll(values);
        return this;
    }

    /**
     * Adds a dimension.
     *
     * @throws IllegalArgumentException if its name is blank, {@value #SEED} (give seeds with
     *         {@link #seeds}), or taken
     */
    public SearchSpace add(Dimension dimension) {
        String name = dimension.name();
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a dimension needs a name, got " + (name == null ? "null" : "'" + name + "'"));
        }
        if (name.equals(SEED)) {
            throw new IllegalArgumentException("'" + SEED + "' is not a dimension: give the seeds with seeds(...)"
                    + " (--seeds on the command line)");
        }
        if (dimensions.putIfAbsent(name, dimension) != null) {
            throw new IllegalArgumentException("dimension '" + name + "' is given twice");
        }
        return this;
    }

    /** How many trials {@link #expand} gives: {@code samples} times the grid's points times the seeds. */
    public int size(int samples) {
        long size = requirePositive(samples) * (long) Math.max(1, seeds.size());
        for (Dimension d : dimensions.values()) {
            if (d instanceof Grid g) {
                size *= g.values().size();
                if (size > Integer.MAX_VALUE) {
                    throw new IllegalArgumentException("the sweep has more than " + Integer.MAX_VALUE + " trials");
                }
            }
        }
        return Math.toIntExact(size);
    }

    /**
     * The trials, in the order described above.
     *
     * @param samples repetitions of the grid, each with fresh draws of the sampled dimensions
     * @param sweepSeed the seed of every draw and of the derived trial seeds
     */
    public List<TrialSpec> expand(int samples, long sweepSeed) {
        int size = size(samples);
        List<Grid> grids = new ArrayList<>();
        dimensions.values().forEach(d -> {
            if (d instanceof Grid g) {
                grids.add(g);
            }
        });
        int seedCount = Math.max(1, seeds.size());
        List<TrialSpec> trials = new ArrayList<>(size);
        for (int index = 0; index < size; index++) {
            Rng rng = Rng.forStream(sweepSeed, index);
            // mixed-radix digits of the index: seed innermost, then the grids from last to first
            int rest = index / seedCount;
            Object[] gridValues = new Object[grids.size()];
            for (int g = grids.size() - 1; g >= 0; g--) {
                List<Object> values = grids.get(g).values();
                gridValues[g] = values.get(rest % values.size());
                rest /= values.size();
            }
            Map<String, Object> params = new LinkedHashMap<>();
            int g = 0;
            for (Dimension d : dimensions.values()) {
                params.put(d.name(), d instanceof Grid ? gridValues[g++] : sample(d, rng));
            }
            long seed = seeds.isEmpty() ? rng.nextSeed() : seeds.get(index % seedCount);
            trials.add(new TrialSpec(index, params, seed));
        }
        return List.copyOf(trials);
    }

    private static Object sample(Dimension d, Rng rng) {
        if (d instanceof Uniform u) {
            return rng.nextDouble(u.low(), u.high());
        }
        if (d instanceof LogUniform u) {
            return Math.exp(rng.nextDouble(Math.log(u.low()), Math.log(u.high())));
        }
        Choice c = (Choice) d;
        return c.values().get(rng.nextInt(c.values().size()));
    }

    private static int requirePositive(int samples) {
        if (samples < 1) {
            throw new IllegalArgumentException("samples must be >= 1, got " + samples);
        }
        return samples;
    }

    private static List<Object> nonEmpty(String name, List<Object> values) {
        Objects.requireNonNull(values, name);
        if (values.isEmpty()) {
            throw new IllegalArgumentException(name + ": needs at least one value");
        }
        return List.copyOf(values);
    }
}

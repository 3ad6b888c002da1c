package io.github.jrl.examples.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What {@code jrl bench offline} was asked for: algorithms x environments x dataset kinds x seeds,
 * each run with {@code steps} gradient steps unless {@code envSteps} gives its environment another
 * budget (which then applies to every algorithm on that environment's datasets).
 */
record OfflineGrid(List<String> algorithms, List<String> envs, List<String> kinds, List<Long> seeds, int steps,
        Map<String, Integer> envSteps, int evalEvery, long datasetSeed) {

    /** One line of the tables: an algorithm on one dataset. */
    record Row(String algorithm, String env, String kind) {
    }

    OfflineGrid {
        algorithms = List.copyOf(algorithms);
        envs = List.copyOf(envs);
        kinds = List.copyOf(kinds);
        seeds = List.copyOf(seeds);
        envSteps = new LinkedHashMap<>(envSteps);
        if (steps <= 0) {
            throw new IllegalArgumentException("--steps must be positive, got " + steps);
        }
        for (Map.Entry<String, Integer> budget : envSteps.entrySet()) {
            if (!envs.contains(budget.getKey())) {
                throw new IllegalArgumentException("--env-steps names " + budget.getKey()
                        + ", which is not among --envs " + envs);
            }
            if (budget.getValue() == null || budget.getValue() <= 0) {
                throw new IllegalArgumentException("--env-steps " + budget.getKey()
                        + " must be a positive step count, got " + budget.getValue());
            }
        }
    }

    int stepsFor(String env) {
        return envSteps.getOrDefault(env, steps);
    }

    /** Every (algorithm, dataset) pair, environment first, then dataset kind, then algorithm. */
    List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        envs.forEach(env -> kinds.forEach(kind -> algorithms.forEach(a -> rows.add(new Row(a, env, kind)))));
        return rows;
    }

    /** Whether a finished run is one this grid asked for, at whatever budget. */
    boolean requested(OfflineRunResult run) {
        return algorithms.contains(run.algorithm()) && envs.contains(run.env()) && kinds.contains(run.kind())
                && seeds.contains(run.seed());
    }

    /** Whether a finished run is one this grid asked for, at its environment's budget. */
    boolean atBudget(OfflineRunResult run) {
        return requested(run) && run.steps() == stepsFor(run.env());
    }

    String budgetSentence() {
        String perEnv = envs.stream().filter(envSteps::containsKey)
                .map(env -> String.format(Locale.ROOT, "%d on %s", envSteps.get(env), env))
                .collect(Collectors.joining(", "));
        return String.format(Locale.ROOT, "%d gradient steps", steps) + (perEnv.isEmpty() ? "" : " (" + perEnv + ")");
    }

    String commandLine() {
        String perEnv = envSteps.isEmpty() ? "" : " --env-steps " + envSteps.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(","));
        return String.format(Locale.ROOT, "jrl bench offline --algos %s --envs %s --kinds %s --seeds %s --steps %d%s "
                + "--eval-every %d --dataset-seed %d", String.join(",", algorithms), String.join(",", envs),
                String.join(",", kinds), seeds.stream().map(String::valueOf).collect(Collectors.joining(",")), steps,
                perEnv, evalEvery, datasetSeed);
    }
}

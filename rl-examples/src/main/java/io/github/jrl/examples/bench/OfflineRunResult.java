package io.github.jrl.examples.bench;

import java.util.Locale;

/**
 * One finished run of {@code jrl bench offline}: a line of its tab-separated results file. The
 * first five fields (algorithm, environment, dataset kind, seed, gradient steps) identify the run.
 */
record OfflineRunResult(String algorithm, String env, String kind, long seed, int steps, double meanReturn,
        double score, double seconds) {

    static String key(String algorithm, String env, String kind, long seed, int steps) {
        return algorithm + "\t" + env + "\t" + kind + "\t" + seed + "\t" + steps;
    }

    String key() {
        return key(algorithm, env, kind, seed, steps);
    }

    String line() {
        return String.format(Locale.ROOT, "%s\t%.4f\t%.4f\t%.1f", key(), meanReturn, score, seconds);
    }

    static OfflineRunResult parse(String line) {
        String[] f = line.split("\t");
        if (f.length != 8) {
            throw new IllegalArgumentException("malformed results line (expected 8 tab-separated fields): " + line);
        }
        return new OfflineRunResult(f[0], f[1], f[2], Long.parseLong(f[3]), Integer.parseInt(f[4]),
                Double.parseDouble(f[5]), Double.parseDouble(f[6]), Double.parseDouble(f[7]));
    }
}

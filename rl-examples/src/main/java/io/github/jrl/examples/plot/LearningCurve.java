package io.github.jrl.examples.plot;

import io.github.jrl.core.metrics.MetricsCsv;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * One run's curve of a metric against environment steps, e.g. {@code charts/episodic_return}
 * (SB3's mean training return) or {@code eval/mean_reward}, with strictly increasing steps.
 *
 * @param label the run's name in a legend
 */
public record LearningCurve(String label, double[] steps, double[] values) {

    public LearningCurve {
        if (steps.length == 0 || steps.length != values.length) {
            throw new IllegalArgumentException(label + ": a curve needs at least one point and one value per step, got "
                    + steps.length + " steps and " + values.length + " values");
        }
        for (int i = 1; i < steps.length; i++) {
            if (!(steps[i] > steps[i - 1])) {
                throw new IllegalArgumentException(label + ": steps must increase, but step " + steps[i] + " follows "
                        + steps[i - 1]);
            }
        }
        steps = steps.clone();
        values = values.clone();
    }

    @Override
    public double[] steps() {
        return steps.clone();
    }

    @Override
    public double[] values() {
        return values.clone();
    }

    /**
     * Reads {@code metric} from a run directory's {@code metrics.csv} (or from a CSV file given
     * directly), labelled with the directory's name. Rows where the metric is empty or not finite
     * (no episode had finished yet) have no point; where a resumed run logged a step again, the
     * later row wins, as it comes from the run that continued.
     *
     * @throws NoSuchFileException if the run has no metrics CSV
     * @throws IOException if the CSV is malformed (naming the line)
     * @throws IllegalArgumentException if the CSV has no such column or no finite value in it
     */
    public static LearningCurve read(Path run, String metric) throws IOException {
        boolean isDirectory = Files.isDirectory(run);
        Path csv = isDirectory ? run.resolve(MetricsCsv.FILE_NAME) : run;
        if (!Files.isRegularFile(csv)) {
            throw new NoSuchFileException(csv.toString(), null, isDirectory
                    ? "run directory " + run + " has no " + MetricsCsv.FILE_NAME + " (a training run writes one)"
                    : "no such run directory or metrics CSV");
        }
        MetricsCsv.Series series = MetricsCsv.read(csv).series(metric);
        Map<Double, Double> byStep = new TreeMap<>();
        for (int i = 0; i < series.steps().length; i++) {
            if (Double.isFinite(series.values()[i])) {
                byStep.put((double) series.steps()[i], series.values()[i]);
            }
        }
        if (byStep.isEmpty()) {
            throw new IllegalArgumentException(csv + ": column '" + metric + "' has no finite value to plot");
        }
        Path named = isDirectory ? run : csv.toAbsolutePath().getParent();
        String label = named == null || named.getFileName() == null ? csv.toString() : named.getFileName().toString();
        return new LearningCurve(label, byStep.keySet().stream().mapToDouble(Double::doubleValue).toArray(),
                byStep.values().stream().mapToDouble(Double::doubleValue).toArray());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LearningCurve c && c.label.equals(label) && Arrays.equals(c.steps, steps)
                && Arrays.equals(c.values, values);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * label.hashCode() + Arrays.hashCode(steps)) + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "LearningCurve[" + label + ", " + steps.length + " points]";
    }
}

package io.github.jrl.examples.plot;

import io.github.jrl.core.metrics.MetricNames;
import io.github.jrl.core.metrics.MetricsCsv;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code jrl plot RUN...}: learning curves of one or more runs as a PNG. Each run directory holds
 * the {@code metrics.csv} its training wrote, with SB3's logger keys as columns.
 */
@Command(name = "plot", mixinStandardHelpOptions = true,
        description = "Plot learning curves (a metric versus environment steps) of one or more runs as a PNG;"
                + " several runs (seeds) are overlaid with their mean and spread.")
public final class PlotCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "RUN",
            description = "Run directories (each with a " + MetricsCsv.FILE_NAME + ") or metrics CSV files.")
    List<Path> runs;

    @Option(names = {"-o", "--output"}, defaultValue = "learning_curve.png",
            description = "PNG file to write (default: ${DEFAULT-VALUE}).")
    Path output;

    @Option(names = "--metric", defaultValue = MetricNames.EPISODIC_RETURN,
            description = "Column to plot (default: ${DEFAULT-VALUE}, the mean training return;"
                    + " " + MetricNames.EVAL_MEAN_REWARD + " for evaluations).")
    String metric;

    @Option(names = "--band", defaultValue = "std",
            description = "Spread of several runs: std (mean +- one standard deviation), minmax, or none (the runs alone)"
                    + " (default: ${DEFAULT-VALUE}).")
    String band;

    @Option(names = "--title", description = "Chart title (default: the run's name, or the number of runs).")
    String title;

    @Option(names = "--width", defaultValue = "800", description = "Width in pixels (default: ${DEFAULT-VALUE}).")
    int width;

    @Option(names = "--height", defaultValue = "500", description = "Height in pixels (default: ${DEFAULT-VALUE}).")
    int height;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Spread spread;
        try {
            spread = Spread.parse(band);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--band: " + e.getMessage());
        }
        try {
            List<LearningCurve> curves = new ArrayList<>();
            for (Path run : runs) {
                curves.add(LearningCurve.read(run, metric));
            }
            String chartTitle = title != null ? title : curves.size() == 1 ? curves.get(0).label() : curves.size() + " runs";
            LearningCurvePlot.savePng(LearningCurvePlot.chart(curves, metric, spread, chartTitle, width, height), output);
        } catch (IOException | IllegalArgumentException e) {
            spec.commandLine().getErr().println("plot: " + e.getMessage());
            return 1;
        }
        spec.commandLine().getOut().println("wrote " + output);
        return 0;
    }
}

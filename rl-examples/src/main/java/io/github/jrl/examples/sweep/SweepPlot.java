package io.github.jrl.examples.sweep;

import io.github.jrl.core.sweep.SweepResult;
import io.github.jrl.core.sweep.TrialResult;
import io.github.jrl.examples.plot.LearningCurve;
import io.github.jrl.examples.plot.LearningCurvePlot;
import io.github.jrl.examples.plot.Spread;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

/**
 * Every trial's reported curve in one PNG ({@code curves.png}), drawn by {@link LearningCurvePlot}
 * without a mean or band: a trial stopped early is a short line. Reports without a value (NaN)
 * have no point; a trial with none is left out.
 */
public final class SweepPlot {

    public static final String FILE = "curves.png";

    private SweepPlot() {
    }

    /** Writes {@value #FILE} into {@code dir}; nothing when no trial reported a value. */
    public static void write(Path dir, SweepSpec spec, SweepResult result) throws IOException {
        List<LearningCurve> curves = new ArrayList<>();
        for (TrialResult t : result.trials()) {
            int[] finite = IntStream.range(0, t.history().size()).filter(i -> Double.isFinite(t.history().value(i)))
                    .toArray();
            if (finite.length > 0) {
                curves.add(new LearningCurve(label(t), IntStream.of(finite).mapToDouble(t.history()::step).toArray(),
                        IntStream.of(finite).mapToDouble(t.history()::value).toArray()));
            }
        }
        if (!curves.isEmpty()) {
            String title = spec.algo().toUpperCase(Locale.ROOT) + " " + spec.env() + ": " + result.trials().size()
                    + " trials, scheduler " + spec.scheduler();
            LearningCurvePlot.savePng(LearningCurvePlot.chart(curves, spec.metric(), Spread.NONE, title, 1000, 600),
                    dir.resolve(FILE));
        }
    }

    /** {@code #3 learningRate=0.001 seed=1}. */
    static String label(TrialResult t) {
        StringBuilder label = new StringBuilder("#").append(t.spec().index());
        t.spec().params().forEach((name, value) -> label.append(' ').append(name).append('=').append(value));
        return label.append(" seed=").append(t.spec().seed()).toString();
    }
}

package io.github.jrl.core.sweep;

import java.util.Arrays;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;

/** Quantiles of the finite values, interpolated linearly as NumPy's {@code nanpercentile} (Hyndman and Fan's type 7). */
final class Quantile {

    private Quantile() {
    }

    /** The {@code q}-th quantile ({@code q} in (0, 1]) of the finite values; NaN when there are none. */
    static double of(double[] values, double q) {
        double[] finite = Arrays.stream(values).filter(Double::isFinite).toArray();
        if (finite.length == 0) {
            return Double.NaN;
        }
        return new Percentile().withEstimationType(Percentile.EstimationType.R_7).evaluate(finite, 100 * q);
    }
}

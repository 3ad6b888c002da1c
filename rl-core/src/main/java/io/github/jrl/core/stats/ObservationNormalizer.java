package io.github.jrl.core.stats;

/**
 * Frozen observation normalisation, {@code clip((x - mean) / sqrt(var + epsilon), -clip, clip)}:
 * what a policy trained behind {@link io.github.jrl.core.vector.VecNormalize} applies to raw
 * observations when deployed.
 */
public final class ObservationNormalizer {

    private final RunningMeanStd statistics;
    private final double epsilon;
    private final double clip;

    public ObservationNormalizer(RunningMeanStd.Snapshot statistics, double epsilon, double clip) {
        if (!(epsilon > 0) || !(clip > 0)) {
            throw new IllegalArgumentException("epsilon and clip must be positive, got " + epsilon + " and " + clip);
        }
        this.statistics = new RunningMeanStd(statistics.mean().length);
        this.statistics.restore(statistics);
        this.epsilon = epsilon;
        this.clip = clip;
    }

    public RunningMeanStd.Snapshot statistics() {
        return statistics.snapshot();
    }

    public double epsilon() {
        return epsilon;
    }

    public double clip() {
        return clip;
    }

    public int size() {
        return statistics.size();
    }

    /** Normalises {@code rows} observations of {@code raw} into {@code out}. */
    public void normalize(float[] raw, float[] out, int rows) {
        statistics.normalize(raw, out, rows, epsilon, clip);
    }
}

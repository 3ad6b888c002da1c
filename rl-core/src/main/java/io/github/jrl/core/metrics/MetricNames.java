package io.github.jrl.core.metrics;

import java.util.Locale;
import java.util.Map;

/**
 * Names of the metrics every trainer and tool in jrl shares. Training metrics are spelled as
 * CleanRL logs them ({@code charts/episodic_return}, {@code charts/SPS}; losses such as
 * {@code losses/approx_kl} are named by their algorithm), evaluation metrics as
 * Stable-Baselines3's {@code EvalCallback} ({@code eval/mean_reward}), so that curves can be
 * compared with runs of either key for key.
 */
public final class MetricNames {

    /** Mean undiscounted return of the last 100 finished training episodes. */
    public static final String EPISODIC_RETURN = "charts/episodic_return";
    /** Mean length of the last 100 finished training episodes. */
    public static final String EPISODIC_LENGTH = "charts/episodic_length";
    /** Environment steps per second of wall-clock time since training started. */
    public static final String SPS = "charts/SPS";
    /** Mean return of the episodes of the latest periodic evaluation. */
    public static final String EVAL_MEAN_REWARD = "eval/mean_reward";
    /** Standard deviation (population) of the returns of the latest periodic evaluation. */
    public static final String EVAL_STD_REWARD = "eval/std_reward";
    /** Mean episode length of the latest periodic evaluation. */
    public static final String EVAL_MEAN_EP_LENGTH = "eval/mean_ep_length";

    /** Reserved: the step column of CSV files and the step field of JSON lines. */
    public static final String STEP = "step";

    private MetricNames() {
    }

    /**
     * Checks a sink's arguments.
     *
     * @throws IllegalArgumentException naming the step or metric that is invalid and what is expected
     */
    static void check(long step, Map<String, Double> metrics) {
        if (step < 0) {
            throw new IllegalArgumentException("step must be >= 0, got " + step);
        }
        metrics.forEach((name, value) -> {
            checkName(name);
            if (value == null) {
                throw new IllegalArgumentException("metric '" + name + "' at step " + step + " has no value (null)");
            }
        });
    }

    static void checkName(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a metric name must be non-blank, got " + (name == null ? "null" : "'" + name + "'"));
        }
        if (name.equals(STEP)) {
            throw new IllegalArgumentException("'" + STEP + "' is reserved for the step column; rename the metric");
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isISOControl(c)) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "metric name '%s' contains the control character U+%04X at index %d; names are printable text"
                                + " such as 'train/loss'", name.replaceAll("\\p{Cntrl}", "?"), (int) c, i));
            }
        }
    }
}

package io.github.jrl.envs.classic;

import java.util.Map;

/**
 * The interval of a uniform initial-state distribution, read from reset options the way
 * Gymnasium 0.29.1's {@code classic_control/utils.py} ({@code maybe_parse_reset_bounds},
 * {@code verify_number_and_cast}) reads them: {@code "low"} and {@code "high"} override the
 * environment's defaults independently, and {@code low > high} is an error.
 *
 * <p>Unlike the reference, non-numeric and non-finite values are rejected here: Python's
 * {@code float()} would also accept numeric strings and {@code nan}, which only make a corrupt
 * initial state.
 *
 * @param low lower bound of every drawn state component
 * @param high upper bound of every drawn state component
 */
public record ResetBounds(double low, double high) {

    /**
     * The bounds given by {@code options}, falling back to {@code defaultLow}/{@code defaultHigh}.
     * Only reads the keys {@code "low"} and {@code "high"}; rejecting other keys is the caller's job.
     */
    public static ResetBounds parse(String envId, Map<String, ?> options, double defaultLow, double defaultHigh) {
        double low = options.containsKey("low") ? number(envId, "low", options.get("low")) : defaultLow;
        double high = options.containsKey("high") ? number(envId, "high", options.get("high")) : defaultHigh;
        if (low > high) {
            throw new IllegalArgumentException(envId + ": reset option low (" + low
                    + ") must not be greater than high (" + high + ")");
        }
        return new ResetBounds(low, high);
    }

    /** The value of reset option {@code key} as a finite double. */
    public static double number(String envId, String key, Object value) {
        if (value instanceof Number n && Double.isFinite(n.doubleValue())) {
            return n.doubleValue();
        }
        throw new IllegalArgumentException(envId + ": reset option '" + key + "' must be a finite number, got "
                + value + (value == null ? "" : " (" + value.getClass().getSimpleName() + ")"));
    }
}

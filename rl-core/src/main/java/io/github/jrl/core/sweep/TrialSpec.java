package io.github.jrl.core.sweep;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One trial of a sweep: its position in the sweep's order, the hyperparameters it overrides
 * (name to value, in the search space's order: a number, a string, a boolean or a list of them) and the seed it trains with.
 */
public record TrialSpec(int index, Map<String, Object> params, long seed) {

    public TrialSpec {
        if (index < 0) {
            throw new IllegalArgumentException("a trial index must be >= 0, got " + index);
        }
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }
}

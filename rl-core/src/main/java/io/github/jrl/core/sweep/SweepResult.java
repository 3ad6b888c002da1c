package io.github.jrl.core.sweep;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Every trial's result, in the sweep's order. */
public record SweepResult(List<TrialResult> trials) {

    public SweepResult {
        trials = List.copyOf(trials);
    }

    /** The trial with the highest last reported value (ties: the earlier); empty if none has a finite one. */
    public Optional<TrialResult> best() {
        return trials.stream().filter(t -> Double.isFinite(t.lastValue()))
                .max(Comparator.comparingDouble(TrialResult::lastValue).thenComparing(t -> -t.spec().index()));
    }

    public long count(TrialResult.Status status) {
        return trials.stream().filter(t -> t.status() == status).count();
    }
}

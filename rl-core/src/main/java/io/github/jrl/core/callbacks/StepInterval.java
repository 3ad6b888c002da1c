package io.github.jrl.core.callbacks;

/**
 * Fires once each time the step count crosses a multiple of {@code every}. A trainer's step count
 * advances by a whole rollout per update, so "every N steps" means at the first update at or past
 * each multiple of N, as SB3's callbacks count {@code num_timesteps}.
 */
final class StepInterval {

    private final long every;
    private long next;

    StepInterval(long every, String name) {
        if (every < 1) {
            throw new IllegalArgumentException(name + " must be >= 1, got " + every);
        }
        this.every = every;
        this.next = every;
    }

    /** Starts counting from {@code stepsDone} (non-zero when a run resumes). */
    void start(long stepsDone) {
        next = (stepsDone / every + 1) * every;
    }

    boolean due(long stepsDone) {
        if (stepsDone < next) {
            return false;
        }
        start(stepsDone);
        return true;
    }
}

package io.github.jrl.core.train;

import java.util.List;

/**
 * The callback protocol of {@code learn(totalSteps, callbacks)}, shared by the trainers: the
 * callbacks' {@link Callback#onTrainingStart} once per trainer (not again when {@code learn} is
 * called to continue), then rounds of collection and update until the trainer has taken
 * {@code totalSteps} environment steps or a callback asks to stop, with
 * {@link Callback#onUpdate} after every round, then {@link Callback#onTrainingEnd}.
 */
public final class TrainingLoop {

    /** One round of a trainer: collect experience and update, setting the trainer's latest metrics. */
    @FunctionalInterface
    public interface Round {
        /** @param totalSteps the run's total, over which schedules progress */
        void run(long totalSteps);
    }

    private boolean started;

    /**
     * Runs {@code round} on {@code trainer} until {@code trainer.stepsDone() >= totalSteps} or a
     * callback returns {@code false}.
     *
     * @throws IllegalArgumentException if {@code totalSteps} is not positive
     */
    public void run(Trainer<?, ?> trainer, long totalSteps, List<Callback> callbacks, Round round) {
        if (totalSteps <= 0) {
            throw new IllegalArgumentException("totalSteps must be positive, got " + totalSteps);
        }
        if (!started) {
            callbacks.forEach(c -> c.onTrainingStart(trainer));
            started = true;
        }
        boolean keepGoing = true;
        while (keepGoing && trainer.stepsDone() < totalSteps) {
            round.run(totalSteps);
            for (Callback callback : callbacks) {
                keepGoing &= callback.onUpdate(trainer);
            }
        }
        callbacks.forEach(c -> c.onTrainingEnd(trainer));
    }
}

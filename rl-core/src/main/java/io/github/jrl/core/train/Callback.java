package io.github.jrl.core.train;

/**
 * Hooks a trainer calls around its updates (Stable-Baselines3's {@code BaseCallback}): periodic
 * evaluation, checkpoints, early stopping, logging.
 */
public interface Callback {

    default void onTrainingStart(Trainer<?, ?> trainer) {
    }

    /**
     * Called after every update, with the update's metrics in {@link Trainer#latestMetrics()}.
     *
     * @return {@code false} to stop training after this update
     */
    default boolean onUpdate(Trainer<?, ?> trainer) {
        return true;
    }

    default void onTrainingEnd(Trainer<?, ?> trainer) {
    }
}

package io.github.jrl.algorithms.offline;

import io.github.jrl.core.buffer.ReplayBuffer;
import io.github.jrl.core.checkpoint.Stateful;
import io.github.jrl.core.policy.Policy;
import java.util.Map;

/**
 * An offline RL algorithm's learning half (Tianshou's Algorithm, d3rlpy's {@code *Impl}): the
 * networks, their optimisers and the gradient step. {@link OfflineTrainer} owns the loop around
 * it: sampling batches from the dataset, evaluating, logging and checkpointing.
 *
 * <p>As a {@link Stateful} it writes and restores everything a run needs to continue exactly
 * (parameters, target networks, optimiser moments, its own generators), so the trainer's
 * checkpoint holds it in one section. Its {@code toString()} names the algorithm and its config:
 * the checkpoint stores it and refuses to resume a learner that describes itself otherwise.
 */
public interface OfflineLearner extends Stateful {

    /** Transitions per gradient step, from the algorithm's config (e.g. TD3+BC's 256). */
    int batchSize();

    /**
     * One gradient update on {@code batch} (the trainer owns the batch and overwrites it next
     * time). Returns the update's metrics by name, named as the Python peers log them
     * ({@code losses/actor_loss}, {@code losses/qf1_loss}, ...; CleanRL's sections, d3rlpy's
     * quantities).
     *
     * @throws ArithmeticException if a loss is not finite, naming it
     */
    Map<String, Double> update(ReplayBuffer.Batch batch);

    /**
     * A deployable copy of the current policy, acting on raw environment observations with the
     * environment's actions ({@code float[]} for a box, {@code Integer} for discrete actions).
     * Evaluation calls {@link Policy#actDeterministic}.
     */
    Policy<float[], Object> policy();
}

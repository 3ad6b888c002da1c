package io.github.jrl.distributed;

/** Tells a worker that the learner is done: the worker stops (and {@link RolloutWorkerMain} with it). */
public record StopWorker() implements RolloutMessage {
}

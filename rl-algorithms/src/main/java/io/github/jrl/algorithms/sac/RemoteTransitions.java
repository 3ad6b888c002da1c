package io.github.jrl.algorithms.sac;

import io.github.jrl.core.buffer.ReplayBuffer;
import io.github.jrl.core.wrappers.EpisodeStatistics;
import io.github.jrl.nd4j.policy.ActorPolicy;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * SAC's experience collected by remote workers (RLlib's EnvRunners feeding an off-policy
 * learner's replay buffer): workers step their copies on their own, with the last actor
 * snapshot they were sent, and the learner adds what arrived to its replay buffer between
 * training rounds. Module {@code rl-distributed} implements it on Pekko actors.
 */
public interface RemoteTransitions {

    /**
     * Starts the workers: copy {@code i} reset with a seed from {@code Rng.forStream(envSeed, i)},
     * exploration drawn from streams of {@code explorationSeed}, actions uniformly random (SB3's
     * {@code learning_starts} phase) until the first policy is broadcast; {@code policy} gives a
     * copy of the actor, whose action encoding the workers use from the start.
     */
    void start(long envSeed, long explorationSeed, Supplier<ActorPolicy> policy);

    /**
     * Adds to {@code buffer} every chunk that has arrived, waiting (bounded) for at least one,
     * reports the episodes that ended in them, and returns the transitions added.
     */
    long drainInto(ReplayBuffer buffer, Consumer<EpisodeStatistics> episodes);

    /**
     * Tells the workers' side that the learner has taken {@code gradientSteps} gradient steps in
     * all; it broadcasts a copy from {@code policy} when its interval has passed.
     */
    void trained(long gradientSteps, Supplier<ActorPolicy> policy);
}

package io.github.jrl.core.vector;

import io.github.jrl.core.checkpoint.StateCodec;
import io.github.jrl.core.checkpoint.Stateful;
import io.github.jrl.core.env.Environment;
import io.github.jrl.core.env.InvalidActionException;
import io.github.jrl.core.env.Reset;
import io.github.jrl.core.env.Step;
import io.github.jrl.core.random.Rng;
import io.github.jrl.core.space.Space;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The buffers and per-copy stepping shared by {@link SyncVectorEnv} and
 * {@link ThreadedVectorEnv}; they differ only in how they spread {@link #stepRange} and
 * {@link #resetRange} over threads.
 *
 * <p>The saved state ({@link Stateful}) is every copy's state and the current observations; the
 * outputs of the last step (rewards, flags, final observations and infos) describe a step that
 * is over and are not saved. Saving and restoring run on the calling thread between steps.
 */
abstract class AbstractVectorEnv<O, A> implements VectorEnv, Stateful {

    private final List<Environment<O, A>> envs;
    private final Space<O> observationSpace;
    private final Space<A> actionSpace;
    private final int observationSize;
    private final int actionSize;
    private final int rewardDim;
    private final float[] observations;
    private final float[] finalObservations;
    private final double[] rewards;
    private final boolean[] terminated;
    private final boolean[] truncated;
    private final Map<String, Object>[] finalInfos;
    private final A[] pendingActions;
    private final int firstStream;
    private long pendingSeed;
    private boolean wasReset;

    /**
     * @param firstStream the seed-stream index of copy 0: copy {@code i} is reset with a seed from
     *     {@code Rng.forStream(seed, firstStream + i)}, so that a shard of a larger vector env
     *     (one rollout worker's copies) seeds its copies exactly as the whole one would
     */
    @SuppressWarnings("unchecked")
    AbstractVectorEnv(Supplier<? extends Environment<O, A>> factory, int numEnvs, int firstStream) {
        if (numEnvs <= 0) {
            throw new IllegalArgumentException("a vector env needs at least one copy, got " + numEnvs);
        }
        if (firstStream < 0) {
            throw new IllegalArgumentException("the first seed stream must be non-negative, got " + firstStream);
        }
        this.firstStream = firstStream;
        envs = new ArrayList<>(numEnvs);
        for (int i = 0; i < numEnvs; i++) {
            envs.add(factory.get());
        }
        Environment<O, A> first = envs.get(0);
        observationSpace = first.observationSpace();
        actionSpace = first.actionSpace();
        rewardDim = first.rewardDim();
        for (Environment<O, A> env : envs) {
            if (env == first) {
                continue;
            }
            if (!env.observationSpace().equals(observationSpace) || !env.actionSpace().equals(actionSpace)
                    || env.rewardDim() != rewardDim) {
                throw new IllegalArgumentException("all copies of a vector env need the same spaces and reward dimension; "
                        + first.id() + " and " + env.id() + " differ");
            }
        }
        observationSize = observationSpace.flatSize();
        actionSize = actionSpace.flatSize();
        observations = new float[numEnvs * observationSize];
        finalObservations = new float[numEnvs * observationSize];
        rewards = new double[numEnvs * rewardDim];
        terminated = new boolean[numEnvs];
        truncated = new boolean[numEnvs];
        finalInfos = new Map[numEnvs];
        pendingActions = (A[]) new Object[numEnvs];
    }

    @Override
    public final int numEnvs() {
        return envs.size();
    }

    @Override
    public final Space<O> singleObservationSpace() {
        return observationSpace;
    }

    @Override
    public final Space<A> singleActionSpace() {
        return actionSpace;
    }

    @Override
    public final int observationSize() {
        return observationSize;
    }

    @Override
    public final int actionSize() {
        return actionSize;
    }

    @Override
    public final int rewardDim() {
        return rewardDim;
    }

    @Override
    public final void reset(long seed) {
        pendingSeed = seed;
        runOverCopies(false);
        wasReset = true;
    }

    @Override
    public final void step(float[] actions) {
        if (!wasReset) {
            throw new IllegalStateException("step() called before reset(seed) on a vector env of " + envs.get(0).id());
        }
        if (actions.length != envs.size() * actionSize) {
            throw new IllegalArgumentException("expected " + envs.size() + " x " + actionSize + " = "
                    + envs.size() * actionSize + " action floats, got " + actions.length);
        }
        // Decode and check every row before stepping any copy, so bad input leaves no copy half-stepped.
        for (int i = 0; i < pendingActions.length; i++) {
            A action = actionSpace.readFlat(actions, i * actionSize);
            if (!actionSpace.contains(action)) {
                throw new InvalidActionException("copy " + i + " of " + envs.get(i).id() + " got action "
                        + actionSpace.format(action) + ", which is outside its action space " + actionSpace);
            }
            pendingActions[i] = action;
        }
        runOverCopies(true);
    }

    /** Runs {@link #stepRange} (or {@link #resetRange}) over all copies, in one thread or several. */
    abstract void runOverCopies(boolean step);

    final void resetRange(int from, int to) {
        for (int i = from; i < to; i++) {
            Reset<O> reset = envs.get(i).reset(Rng.forStream(pendingSeed, firstStream + i).nextSeed());
            observationSpace.writeFlat(reset.observation(), observations, i * observationSize);
            terminated[i] = false;
            truncated[i] = false;
            finalInfos[i] = null;
            for (int k = 0; k < rewardDim; k++) {
                rewards[i * rewardDim + k] = 0;
            }
        }
    }

    final void stepRange(int from, int to) {
        for (int i = from; i < to; i++) {
            Environment<O, A> env = envs.get(i);
            Step<O> step = env.step(pendingActions[i]);
            step.copyRewards(rewards, i * rewardDim);
            terminated[i] = step.terminated();
            truncated[i] = step.truncated();
            if (step.done()) {
                observationSpace.writeFlat(step.observation(), finalObservations, i * observationSize);
                finalInfos[i] = step.info();
                observationSpace.writeFlat(env.reset().observation(), observations, i * observationSize);
            } else {
                finalInfos[i] = null;
                observationSpace.writeFlat(step.observation(), observations, i * observationSize);
            }
        }
    }

    @Override
    public final void writeState(DataOutputStream out) throws IOException {
        StateCodec.writeTag(out, "VectorEnv");
        out.writeInt(envs.size());
        out.writeBoolean(wasReset);
        for (Environment<O, A> env : envs) {
            Stateful.of(env).writeState(out);
        }
        StateCodec.writeFloats(out, observations);
    }

    @Override
    public final Restore readState(DataInputStream in) throws IOException {
        StateCodec.readTag(in, "VectorEnv");
        int copies = in.readInt();
        if (copies != envs.size()) {
            throw new IOException("the state of a vector env of " + copies + " copies cannot be restored into one of "
                    + envs.size());
        }
        boolean savedWasReset = in.readBoolean();
        List<Restore> restores = new ArrayList<>(copies);
        for (int i = 0; i < copies; i++) {
            try {
                restores.add(Stateful.of(envs.get(i)).readState(in));
            } catch (IOException e) {
                throw new IOException("copy " + i + ": " + e.getMessage(), e);
            }
        }
        float[] savedObservations = StateCodec.readFloats(in, observations.length, "vector env observations");
        return () -> {
            restores.forEach(Restore::apply);
            System.arraycopy(savedObservations, 0, observations, 0, observations.length);
            wasReset = savedWasReset;
        };
    }

    @Override
    public final float[] observations() {
        return observations;
    }

    @Override
    public final double[] rewards() {
        return rewards;
    }

    @Override
    public final boolean[] terminated() {
        return terminated;
    }

    @Override
    public final boolean[] truncated() {
        return truncated;
    }

    @Override
    public final float[] finalObservations() {
        return finalObservations;
    }

    @Override
    public final Map<String, Object> finalInfo(int i) {
        return finalInfos[i];
    }

    @Override
    public void close() {
        for (Environment<O, A> env : envs) {
            env.close();
        }
    }
}

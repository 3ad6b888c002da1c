package io.github.jrl.core.vector;

import io.github.jrl.core.checkpoint.StateCodec;
import io.github.jrl.core.checkpoint.Stateful;
import io.github.jrl.core.space.Space;
import io.github.jrl.core.stats.ObservationNormalizer;
import io.github.jrl.core.stats.RunningMeanStd;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Map;

/**
 * Observation and reward normalisation over all copies of a vector env with shared running
 * statistics, as Stable-Baselines3's {@code VecNormalize} (which rl-baselines3-zoo's
 * {@code normalize: true} turns on): observations become
 * {@code clip((obs - mean) / sqrt(var + eps), -clipObs, clipObs)}; rewards are divided by the
 * running standard deviation of the discounted return and clipped to {@code +-clipReward}.
 * The clipping bounds (10 and 10 by default) are the reference's; pass infinity to disable.
 *
 * <p>Statistics update only while {@link #setTraining training}; freeze them for evaluation and
 * save them ({@link #observationStatistics()}) with the policy, which needs them to act.
 * {@link #rawRewards()} keeps the unnormalised rewards of the last step.
 *
 * <p>Its saved state ({@link Stateful}) is both statistics, each copy's discounted return, the
 * normalised observations and the inner vector env's state; the training switch is the caller's
 * setting and is not saved.
 */
public final class VecNormalize implements VectorEnv, Stateful {

    public static final double DEFAULT_CLIP = 10.0;
    public static final double DEFAULT_EPSILON = 1e-8;

    private final VectorEnv env;
    private final boolean normalizeObservations;
    private final boolean normalizeRewards;
    private final double gamma;
    private final double clipObservation;
    private final double clipReward;
    private final double epsilon;
    private final RunningMeanStd observationStatistics;
    private final RunningMeanStd returnStatistics = new RunningMeanStd(1);
    private final float[] observations;
    private final float[] finalObservations;
    private final double[] rewards;
    private final double[] discountedReturns;
    private boolean training = true;

    public VecNormalize(VectorEnv env, boolean normalizeObservations, boolean normalizeRewards, double gamma) {
        this(env, normalizeObservations, normalizeRewards, gamma, DEFAULT_CLIP, DEFAULT_CLIP, DEFAULT_EPSILON);
    }

    public VecNormalize(VectorEnv env, boolean normalizeObservations, boolean normalizeRewards, double gamma,
            double clipObservation, double clipReward, double epsilon) {
        if (!(gamma >= 0 && gamma <= 1) || !(clipObservation > 0) || !(clipReward > 0) || !(epsilon > 0)) {
            throw new IllegalArgumentException("VecNormalize needs gamma in [0, 1] and positive clips and epsilon, got gamma="
                    + gamma + ", clipObs=" + clipObservation + ", clipReward=" + clipReward + ", epsilon=" + epsilon);
        }
        if (normalizeRewards && env.rewardDim() != 1) {
            throw new IllegalArgumentException("reward normalisation needs scalar rewards; the env has " + env.rewardDim()
                    + " components");
        }
        this.env = env;
        this.normalizeObservations = normalizeObservations;
        this.normalizeRewards = normalizeRewards;
        this.gamma = gamma;
        this.clipObservation = clipObservation;
        this.clipReward = clipReward;
        this.epsilon = epsilon;
        this.observationStatistics = new RunningMeanStd(env.observationSize());
        this.observations = new float[env.numEnvs() * env.observationSize()];
        this.finalObservations = new float[observations.length];
        this.rewards = new double[env.numEnvs() * env.rewardDim()];
        this.discountedReturns = new double[env.numEnvs()];
    }

    public void setTraining(boolean training) {
        this.training = training;
    }

    public boolean isTraining() {
        return training;
    }

    public RunningMeanStd observationStatistics() {
        return observationStatistics;
    }

    public RunningMeanStd returnStatistics() {
        return returnStatistics;
    }

    /** The current observation statistics, frozen, for a policy to act on raw observations. */
    public ObservationNormalizer frozenNormalizer() {
        return new ObservationNormalizer(observationStatistics.snapshot(), epsilon, clipObservation);
    }

    private void normalize(float[] raw, float[] out, int rows) {
        if (normalizeObservations) {
            observationStatistics.normalize(raw, out, rows, epsilon, clipObservation);
        } else {
            System.arraycopy(raw, 0, out, 0, rows * env.observationSize());
        }
    }

    public boolean normalizesObservations() {
        return normalizeObservations;
    }

    @Override
    public void reset(long seed) {
        env.reset(seed);
        java.util.Arrays.fill(discountedReturns, 0);
        if (training && normalizeObservations) {
            observationStatistics.update(env.observations(), 0, env.numEnvs());
        }
        normalize(env.observations(), observations, env.numEnvs());
    }

    @Override
    public void step(float[] actions) {
        env.step(actions);
        int n = env.numEnvs();
        boolean[] terminated = env.terminated();
        boolean[] truncated = env.truncated();
        // final observations use the statistics before this step's update, as SB3 does
        normalize(env.finalObservations(), finalObservations, n);
        if (training && normalizeObservations) {
            observationStatistics.update(env.observations(), 0, n);
        }
        normalize(env.observations(), observations, n);
        double[] raw = env.rewards();
        if (!normalizeRewards) {
            System.arraycopy(raw, 0, rewards, 0, raw.length);
            return;
        }
        for (int i = 0; i < n; i++) {
            discountedReturns[i] = discountedReturns[i] * gamma + raw[i];
            if (training) {
                returnStatistics.update(discountedReturns[i]);
            }
        }
        double scale = Math.sqrt(returnStatistics.var(0) + epsilon);
        for (int i = 0; i < n; i++) {
            rewards[i] = Math.max(-clipReward, Math.min(clipReward, raw[i] / scale));
            if (terminated[i] || truncated[i]) {
                discountedReturns[i] = 0;
            }
        }
    }

    @Override
    public void writeState(DataOutputStream out) throws IOException {
        StateCodec.writeTag(out, getClass().getSimpleName());
        observationStatistics.snapshot().writeTo(out);
        returnStatistics.snapshot().writeTo(out);
        StateCodec.writeDoubles(out, discountedReturns);
        StateCodec.writeFloats(out, observations);
        Stateful.of(env).writeState(out);
    }

    @Override
    public Restore readState(DataInputStream in) throws IOException {
        StateCodec.readTag(in, getClass().getSimpleName());
        RunningMeanStd.Snapshot savedObservationStatistics = observationStatistics.readSnapshot(in);
        RunningMeanStd.Snapshot savedReturnStatistics = returnStatistics.readSnapshot(in);
        double[] savedReturns = StateCodec.readDoubles(in, discountedReturns.length, "VecNormalize discounted returns");
        float[] savedObservations = StateCodec.readFloats(in, observations.length, "VecNormalize observations");
        Restore inner = Stateful.of(env).readState(in);
        return () -> {
            inner.apply();
            observationStatistics.restore(savedObservationStatistics);
            returnStatistics.restore(savedReturnStatistics);
            System.arraycopy(savedReturns, 0, discountedReturns, 0, discountedReturns.length);
            System.arraycopy(savedObservations, 0, observations, 0, observations.length);
        };
    }

    /** The rewards of the last step before normalisation. */
    public double[] rawRewards() {
        return env.rewards();
    }

    @Override
    public float[] observations() {
        return observations;
    }

    @Override
    public float[] finalObservations() {
        return finalObservations;
    }

    @Override
    public double[] rewards() {
        return rewards;
    }

    @Override
    public boolean[] terminated() {
        return env.terminated();
    }

    @Override
    public boolean[] truncated() {
        return env.truncated();
    }

    @Override
    public Map<String, Object> finalInfo(int i) {
        return env.finalInfo(i);
    }

    @Override
    public int numEnvs() {
        return env.numEnvs();
    }

    @Override
    public Space<?> singleObservationSpace() {
        return env.singleObservationSpace();
    }

    @Override
    public Space<?> singleActionSpace() {
        return env.singleActionSpace();
    }

    @Override
    public int observationSize() {
        return env.observationSize();
    }

    @Override
    public int actionSize() {
        return env.actionSize();
    }

    @Override
    public int rewardDim() {
        return env.rewardDim();
    }

    @Override
    public void close() {
        env.close();
    }
}

package io.github.jrl.core.env;

import java.util.Arrays;
import java.util.Map;
import java.util.Objects;

/**
 * What {@link Environment#step} returns: the next observation, the reward (a vector of
 * {@link #rewardDim()} components), {@code terminated}, {@code truncated} and an info map.
 *
 * <p>Scalar rewards are stored without an array, so a scalar step allocates only this object.
 *
 * @param <O> observation type
 */
public final class Step<O> {

    private final O observation;
    private final double scalarReward;
    private final double[] vectorReward;
    private final boolean terminated;
    private final boolean truncated;
    private final Map<String, Object> info;

    private Step(O observation, double scalarReward, double[] vectorReward, boolean terminated,
            boolean truncated, Map<String, Object> info) {
        this.observation = Objects.requireNonNull(observation, "observation");
        this.scalarReward = scalarReward;
        this.vectorReward = vectorReward;
        this.terminated = terminated;
        this.truncated = truncated;
        this.info = Objects.requireNonNull(info, "info");
    }

    /** A step with a scalar reward. */
    public static <O> Step<O> of(O observation, double reward, boolean terminated, boolean truncated,
            Map<String, Object> info) {
        return new Step<>(observation, reward, null, terminated, truncated, info);
    }

    public static <O> Step<O> of(O observation, double reward, boolean terminated) {
        return new Step<>(observation, reward, null, terminated, false, Map.of());
    }

    /** A step with a vector reward; the array is owned by the step from now on. */
    public static <O> Step<O> ofVector(O observation, double[] rewards, boolean terminated, boolean truncated,
            Map<String, Object> info) {
        if (rewards.length == 0) {
            throw new IllegalArgumentException("a reward vector needs at least one component");
        }
        return new Step<>(observation, 0, rewards, terminated, truncated, info);
    }

    public O observation() {
        return observation;
    }

    public int rewardDim() {
        return vectorReward == null ? 1 : vectorReward.length;
    }

    /**
     * The scalar reward.
     *
     * @throws IllegalStateException if the reward is a vector of more than one component
     */
    public double reward() {
        if (vectorReward == null) {
            return scalarReward;
        }
        if (vectorReward.length == 1) {
            return vectorReward[0];
        }
        throw new IllegalStateException("reward is a vector of " + vectorReward.length
                + " components; use reward(i) or rewards(), or scalarise it with a wrapper");
    }

    /** Component {@code i} of the reward vector. */
    public double reward(int i) {
        if (vectorReward == null) {
            if (i != 0) {
                throw new IndexOutOfBoundsException("reward component " + i + " of a scalar reward");
            }
            return scalarReward;
        }
        return vectorReward[i];
    }

    /** A copy of the reward vector. */
    public double[] rewards() {
        return vectorReward == null ? new double[] {scalarReward} : vectorReward.clone();
    }

    /** Copies the reward vector into {@code dst[offset .. offset + rewardDim())}. */
    public void copyRewards(double[] dst, int offset) {
        if (vectorReward == null) {
            dst[offset] = scalarReward;
        } else {
            System.arraycopy(vectorReward, 0, dst, offset, vectorReward.length);
        }
    }

    public boolean terminated() {
        return terminated;
    }

    public boolean truncated() {
        return truncated;
    }

    /** Whether the episode ended, by termination or truncation. */
    public boolean done() {
        return terminated || truncated;
    }

    public Map<String, Object> info() {
        return info;
    }

    /** This step with another observation (for observation wrappers). */
    public <P> Step<P> withObservation(P newObservation) {
        return new Step<>(newObservation, scalarReward, vectorReward, terminated, truncated, info);
    }

    /** This step with a scalar reward. */
    public Step<O> withReward(double reward) {
        return new Step<>(observation, reward, null, terminated, truncated, info);
    }

    /** This step with {@code truncated} set and the given info map. */
    public Step<O> withTruncated(boolean newTruncated, Map<String, Object> newInfo) {
        return new Step<>(observation, scalarReward, vectorReward, terminated, newTruncated, newInfo);
    }

    /** This step with another info map. */
    public Step<O> withInfo(Map<String, Object> newInfo) {
        return new Step<>(observation, scalarReward, vectorReward, terminated, truncated, newInfo);
    }

    @Override
    public String toString() {
        return "Step[observation=" + render(observation) + ", reward="
                + (vectorReward == null ? String.valueOf(scalarReward) : Arrays.toString(vectorReward))
                + ", terminated=" + terminated + ", truncated=" + truncated + ", info=" + info + "]";
    }

    static String render(Object value) {
        if (value instanceof float[] f) {
            return Arrays.toString(f);
        }
        if (value instanceof int[] i) {
            return Arrays.toString(i);
        }
        if (value instanceof double[] d) {
            return Arrays.toString(d);
        }
        return String.valueOf(value);
    }
}

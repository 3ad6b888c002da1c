package io.github.jrl.algorithms.multiobjective;

import io.github.jrl.core.env.Environment;
import io.github.jrl.core.env.Reset;
import io.github.jrl.core.env.Step;
import io.github.jrl.core.multiobjective.WeightVectors;
import io.github.jrl.core.random.Rng;
import io.github.jrl.core.space.Box;
import io.github.jrl.core.space.Space;
import java.util.Arrays;
import java.util.Map;

/**
 * Appends a preference (weight) vector to every observation, so that one network can be
 * conditioned on it: the input of a preference-conditioned policy and critic (Abels, Roijers,
 * Lenaerts, Nowé and Steckelmacher, "Dynamic Weights in Multi-Objective Deep Reinforcement
 * Learning", ICML 2019; Yang, Sun and Narasimhan, "A Generalized Algorithm for Multi-Objective
 * Reinforcement Learning and Policy Adaptation", NeurIPS 2019). The reward stays the vector.
 *
 * <p>Either the weights are fixed (to act with a chosen preference) or a new vector is drawn at
 * every reset from the flat Dirichlet distribution, uniform on the simplex
 * ({@link WeightVectors#random(int, Rng)}), as those papers sample a preference per episode. The
 * draws come from a generator seeded by the seed of {@code reset(seed)} (its stream 1, the
 * environment's own generator taking the seed itself), so the same seeds give the same weights.
 * Not checkpointable: the generator is not saved.
 */
public final class PreferenceObservation<A> implements Environment<float[], A> {

    /** The stream of {@link Rng#forStream} that the weights are drawn from. */
    static final long WEIGHT_STREAM = 1;

    private final Environment<float[], A> env;
    private final int objectives;
    private final int observationSize;
    private final double[] fixed;
    private final Box observationSpace;
    private Rng rng;
    private double[] weights;

    private PreferenceObservation(Environment<float[], A> env, double[] fixed) {
        if (!(env.observationSpace() instanceof Box box)) {
            throw new IllegalArgumentException("PreferenceObservation needs Box (float[]) observations, got "
                    + env.observationSpace());
        }
        if (env.rewardDim() < 2) {
            throw new IllegalArgumentException(env.id() + " has a scalar reward; preferences need rewardDim >= 2");
        }
        if (fixed != null && fixed.length != env.rewardDim()) {
            throw new IllegalArgumentException(env.id() + " has " + env.rewardDim() + " objectives, the weights "
                    + fixed.length + ": " + Arrays.toString(fixed));
        }
        this.env = env;
        this.objectives = env.rewardDim();
        this.observationSize = box.size();
        this.fixed = fixed == null ? null : fixed.clone();
        float[] low = Arrays.copyOf(box.low(), observationSize + objectives);
        float[] high = Arrays.copyOf(box.high(), observationSize + objectives);
        Arrays.fill(high, observationSize, high.length, 1f);
        this.observationSpace = Box.of(low, high);
    }

    /** Draws a new preference from the flat Dirichlet at every reset. */
    public static <A> PreferenceObservation<A> sampled(Environment<float[], A> env) {
        return new PreferenceObservation<>(env, null);
    }

    /**
     * Always the preference {@code weights}.
     *
     * @throws IllegalArgumentException if they are not a point of the simplex of the env's objectives
     */
    public static <A> PreferenceObservation<A> fixed(Environment<float[], A> env, double[] weights) {
        Preferences.requireSimplex(weights, "weights");
        return new PreferenceObservation<>(env, weights);
    }

    /** The preference of the current episode. */
    public double[] weights() {
        if (weights == null) {
            throw new IllegalStateException("no episode yet: call reset first");
        }
        return weights.clone();
    }

    private float[] augment(float[] observation) {
        float[] out = Arrays.copyOf(observation, observationSize + objectives);
        for (int j = 0; j < objectives; j++) {
            out[observationSize + j] = (float) weights[j];
        }
        return out;
    }

    private void nextWeights() {
        if (fixed != null) {
            weights = fixed;
        } else {
            if (rng == null) {
                throw new IllegalStateException("the first reset must give a seed, from which the weights are drawn");
            }
            weights = WeightVectors.random(objectives, rng);
        }
    }

    @Override
    public Reset<float[]> reset(long seed, Map<String, ?> options) {
        rng = Rng.forStream(seed, WEIGHT_STREAM);
        nextWeights();
        Reset<float[]> reset = env.reset(seed, options);
        return new Reset<>(augment(reset.observation()), reset.info());
    }

    @Override
    public Reset<float[]> reset(Map<String, ?> options) {
        nextWeights();
        Reset<float[]> reset = env.reset(options);
        return new Reset<>(augment(reset.observation()), reset.info());
    }

    @Override
    public Step<float[]> step(A action) {
        Step<float[]> step = env.step(action);
        return step.withObservation(augment(step.observation()));
    }

    @Override
    public String id() {
        return env.id();
    }

    @Override
    public Box observationSpace() {
        return observationSpace;
    }

    @Override
    public Space<A> actionSpace() {
        return env.actionSpace();
    }

    @Override
    public int rewardDim() {
        return objectives;
    }

    @Override
    public Environment<?, ?> unwrapped() {
        return env.unwrapped();
    }

    @Override
    public void close() {
        env.close();
    }
}

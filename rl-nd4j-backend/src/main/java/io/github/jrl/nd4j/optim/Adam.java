package io.github.jrl.nd4j.optim;

import io.github.jrl.core.checkpoint.StateCodec;
import io.github.jrl.nd4j.Buffers;
import io.github.jrl.nd4j.nn.ParameterSet;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.AdamUpdater;

/**
 * Adam (Kingma and Ba 2015) and AdamW (Loshchilov and Hutter 2019, decoupled weight decay) over a
 * whole {@link ParameterSet}: the moment update is ND4J's fused {@code adam_updater} op on the
 * flat gradient, so a step costs a few native ops however many layers there are. Optional global
 * gradient-norm clipping as PyTorch's {@code clip_grad_norm_} (scale by
 * {@code maxNorm / (norm + 1e-6)} when the norm exceeds {@code maxNorm}).
 *
 * <p>Defaults follow PyTorch ({@code betas = (0.9, 0.999)}); Stable-Baselines3's PPO passes
 * {@code eps = 1e-5}, PyTorch's default is 1e-8: callers say which.
 */
public final class Adam {

    private final ParameterSet parameters;
    private final org.nd4j.linalg.learning.config.Adam config;
    private final AdamUpdater updater;
    private final INDArray state;
    private final double weightDecay;
    private int steps;

    public Adam(ParameterSet parameters, double learningRate, double beta1, double beta2, double epsilon,
            double weightDecay) {
        if (!(learningRate >= 0) || !(beta1 >= 0 && beta1 < 1) || !(beta2 >= 0 && beta2 < 1) || !(epsilon > 0)
                || !(weightDecay >= 0)) {
            throw new IllegalArgumentException("Adam needs lr >= 0, betas in [0, 1), eps > 0, weight decay >= 0; got lr="
                    + learningRate + ", betas=(" + beta1 + ", " + beta2 + "), eps=" + epsilon + ", weightDecay=" + weightDecay);
        }
        this.parameters = parameters;
        this.config = new org.nd4j.linalg.learning.config.Adam(learningRate, beta1, beta2, epsilon);
        this.updater = new AdamUpdater(config);
        this.weightDecay = weightDecay;
        long n = parameters.size();
        this.state = Nd4j.zeros(DataType.FLOAT, 1, 2 * n);
        updater.setStateViewArray(state, new long[] {1, n}, 'c', true);
    }

    /** Adam with PyTorch's betas, the given epsilon and no weight decay. */
    public static Adam of(ParameterSet parameters, double learningRate, double epsilon) {
        return new Adam(parameters, learningRate, 0.9, 0.999, epsilon, 0);
    }

    public void setLearningRate(double learningRate) {
        if (!(learningRate >= 0) || Double.isInfinite(learningRate)) {
            throw new IllegalArgumentException("learning rate must be finite and >= 0, got " + learningRate);
        }
        config.setLearningRate(learningRate);
    }

    public double learningRate() {
        return config.getLearningRate(steps, 0);
    }

    /** Steps taken so far (drives the bias correction). */
    public int steps() {
        return steps;
    }

    /**
     * Scales the gradients so their global L2 norm is at most {@code maxNorm}; returns the norm
     * before clipping. A non-finite norm raises: the update would destroy the parameters.
     */
    public double clipGradientNorm(double maxNorm) {
        double norm = parameters.gradients().norm2Number().doubleValue();
        if (!Double.isFinite(norm)) {
            throw new ArithmeticException("gradient norm is " + norm + ": a loss or its gradient is not finite");
        }
        if (norm > maxNorm) {
            parameters.gradients().muli(maxNorm / (norm + 1e-6));
        }
        return norm;
    }

    /** One update from the current gradients (which it overwrites with the update). */
    public void step() {
        INDArray params = parameters.params();
        if (weightDecay > 0) {
            params.muli(1 - learningRate() * weightDecay);
        }
        INDArray gradients = parameters.gradients().reshape(1, parameters.size());
        updater.applyUpdater(gradients, steps, 0);
        params.subi(gradients.reshape(parameters.size()));
        steps++;
    }

    /** The moment estimates {@code [m, v]} as one flat array, for checkpoints. */
    public INDArray state() {
        return state;
    }

    /** Writes the step count and moments; {@link #readState} decodes them for {@link #restore(State)}. */
    public void writeTo(DataOutputStream out) throws IOException {
        out.writeInt(steps);
        StateCodec.writeFloats(out, Buffers.toArray(state));
    }

    /**
     * Decodes a state written by {@link #writeTo} of an optimiser over parameters of this size,
     * without changing this optimiser.
     *
     * @param what names this optimiser in the error raised for a state of another size
     */
    public State readState(DataInputStream in, String what) throws IOException {
        int stepCount = in.readInt();
        return new State(StateCodec.readFloats(in, state.length(), what), stepCount);
    }

    /** Restores a state decoded by {@link #readState}. */
    public void restore(State saved) {
        restore(saved.moments(), saved.steps());
    }

    /** Moments {@code [m, v]} and step count, as {@link #writeTo} stores them. */
    public record State(float[] moments, int steps) {
    }

    /** Restores moments and step count saved from an optimiser over the same parameters. */
    public void restore(float[] moments, int stepCount) {
        if (moments.length != state.length()) {
            throw new IllegalArgumentException("expected " + state.length() + " moment values, got " + moments.length);
        }
        if (stepCount < 0) {
            throw new IllegalArgumentException("step count must be >= 0, got " + stepCount);
        }
        Buffers.copyIn(moments, 0, moments.length, state);
        steps = stepCount;
    }
}

package io.github.jrl.nd4j.optim;

import io.github.jrl.core.checkpoint.StateCodec;
import io.github.jrl.nd4j.Buffers;
import io.github.jrl.nd4j.nn.ParameterSet;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/**
 * Adam (Kingma and Ba 2015) and AdamW (Loshchilov and Hutter 2019, decoupled weight decay) over a
 * whole {@link ParameterSet}, in PyTorch's form: {@code p <- p - lr / (1 - b1^t) * m / (sqrt(v) /
 * sqrt(1 - b2^t) + eps)}, after {@code p <- p (1 - lr wd)} for AdamW. Optional global
 * gradient-norm clipping as PyTorch's {@code clip_grad_norm_} (scale by
 * {@code maxNorm / (norm + 1e-6)} when the norm exceeds {@code maxNorm}).
 *
 * <p>The update runs as one Java loop over float arrays that mirror the flat parameters and
 * gradients (two bulk copies in, one out): ND4J's fused {@code adam_updater} op cost ~0.7 ms for
 * the 133k parameters of SAC's twin 256-256 critics here, the loop a tenth of that.
 *
 * <p>Defaults follow PyTorch ({@code betas = (0.9, 0.999)}); Stable-Baselines3's PPO passes
 * {@code eps = 1e-5}, PyTorch's default is 1e-8: callers say which.
 */
public final class Adam {

    private final ParameterSet parameters;
    private final double beta1;
    private final double beta2;
    private final double epsilon;
    private final double weightDecay;
    private final float[] params;
    private final float[] gradients;
    private final float[] m;
    private final float[] v;
    private double learningRate;
    private int steps;

    public Adam(ParameterSet parameters, double learningRate, double beta1, double beta2, double epsilon,
            double weightDecay) {
        if (!(learningRate >= 0) || !(beta1 >= 0 && beta1 < 1) || !(beta2 >= 0 && beta2 < 1) || !(epsilon > 0)
                || !(weightDecay >= 0)) {
            throw new IllegalArgumentException("Adam needs lr >= 0, betas in [0, 1), eps > 0, weight decay >= 0; got lr="
                    + learningRate + ", betas=(" + beta1 + ", " + beta2 + "), eps=" + epsilon + ", weightDecay=" + weightDecay);
        }
        this.parameters = parameters;
        this.learningRate = learningRate;
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.epsilon = epsilon;
        this.weightDecay = weightDecay;
        int n = Math.toIntExact(parameters.size());
        params = new float[n];
        gradients = new float[n];
        m = new float[n];
        v = new float[n];
    }

    /** Adam with PyTorch's betas, the given epsilon and no weight decay. */
    public static Adam of(ParameterSet parameters, double learningRate, double epsilon) {
        return new Adam(parameters, learningRate, 0.9, 0.999, epsilon, 0);
    }

    public void setLearningRate(double learningRate) {
        if (!(learningRate >= 0) || Double.isInfinite(learningRate)) {
            throw new IllegalArgumentException("learning rate must be finite and >= 0, got " + learningRate);
        }
        this.learningRate = learningRate;
    }

    public double learningRate() {
        return learningRate;
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
        int n = gradients.length;
        Buffers.copyOut(parameters.gradients(), gradients, 0, n);
        double sumSquares = 0;
        for (int i = 0; i < n; i++) {
            sumSquares += (double) gradients[i] * gradients[i];
        }
        double norm = Math.sqrt(sumSquares);
        if (!Double.isFinite(norm)) {
            throw new ArithmeticException("gradient norm is " + norm + ": a loss or its gradient is not finite");
        }
        if (norm > maxNorm) {
            float scale = (float) (maxNorm / (norm + 1e-6));
            for (int i = 0; i < n; i++) {
                gradients[i] *= scale;
            }
            Buffers.copyIn(gradients, 0, n, parameters.gradients());
        }
        return norm;
    }

    /** One update of the parameters from the current gradients (which it leaves as they are). */
    public void step() {
        int n = params.length;
        Buffers.copyOut(parameters.params(), params, 0, n);
        Buffers.copyOut(parameters.gradients(), gradients, 0, n);
        steps++;
        float b1 = (float) beta1;
        float b2 = (float) beta2;
        float oneMinusB1 = (float) (1 - beta1);
        float oneMinusB2 = (float) (1 - beta2);
        float stepSize = (float) (learningRate / (1 - Math.pow(beta1, steps)));
        float rootCorrection2 = (float) (1 / Math.sqrt(1 - Math.pow(beta2, steps)));
        float eps = (float) epsilon;
        float decay = (float) (1 - learningRate * weightDecay);
        for (int i = 0; i < n; i++) {
            float g = gradients[i];
            float mi = b1 * m[i] + oneMinusB1 * g;
            float vi = b2 * v[i] + oneMinusB2 * g * g;
            m[i] = mi;
            v[i] = vi;
            params[i] = params[i] * decay - stepSize * mi / ((float) Math.sqrt(vi) * rootCorrection2 + eps);
        }
        Buffers.copyIn(params, 0, n, parameters.params());
    }

    /** Writes the step count and moments {@code [m, v]}; {@link #readState} decodes them for {@link #restore(State)}. */
    public void writeTo(DataOutputStream out) throws IOException {
        out.writeInt(steps);
        float[] moments = new float[2 * m.length];
        System.arraycopy(m, 0, moments, 0, m.length);
        System.arraycopy(v, 0, moments, m.length, v.length);
        StateCodec.writeFloats(out, moments);
    }

    /**
     * Decodes a state written by {@link #writeTo} of an optimiser over parameters of this size,
     * without changing this optimiser.
     *
     * @param what names this optimiser in the error raised for a state of another size
     */
    public State readState(DataInputStream in, String what) throws IOException {
        int stepCount = in.readInt();
        return new State(StateCodec.readFloats(in, 2L * m.length, what), stepCount);
    }

    /** Restores a state decoded by {@link #readState}. */
    public void restore(State saved) {
        restore(saved.moments(), saved.steps());
    }

    /** Moments {@code [m, v]} and step count, as {@link #writeTo} stores them. */
    public record State(float[] moments, int steps) {
    }

    /** Restores moments {@code [m, v]} and step count saved from an optimiser over the same parameters. */
    public void restore(float[] moments, int stepCount) {
        if (moments.length != 2 * m.length) {
            throw new IllegalArgumentException("expected " + 2 * m.length + " moment values, got " + moments.length);
        }
        if (stepCount < 0) {
            throw new IllegalArgumentException("step count must be >= 0, got " + stepCount);
        }
        System.arraycopy(moments, 0, m, 0, m.length);
        System.arraycopy(moments, m.length, v, 0, v.length);
        steps = stepCount;
    }
}

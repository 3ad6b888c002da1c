package io.github.jrl.algorithms.sac;

import io.github.jrl.nd4j.Buffers;
import io.github.jrl.nd4j.nn.ParameterSet;
import io.github.jrl.nd4j.optim.Adam;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/**
 * SAC's entropy temperature alpha: fixed, or learned by Adam on {@code log alpha} against a
 * target entropy (Haarnoja et al. 2018, section 5; Stable-Baselines3's {@code log_ent_coef},
 * initialised to {@code log(entCoef)} and stepped with the run's learning rate).
 */
public final class Temperature {

    private final boolean learned;
    private final double targetEntropy;
    private final ParameterSet logAlpha;
    private final Adam optimizer;
    private final float[] value = new float[1];
    private final float[] gradient = new float[1];

    public Temperature(double initial, boolean learned, double targetEntropy, double adamEpsilon) {
        this.learned = learned;
        this.targetEntropy = targetEntropy;
        this.logAlpha = new ParameterSet();
        logAlpha.reserve(1);
        logAlpha.allocate();
        value[0] = (float) Math.log(initial);
        logAlpha.load(value);
        this.optimizer = learned ? Adam.of(logAlpha, 0, adamEpsilon) : null;
    }

    public boolean learned() {
        return learned;
    }

    public double targetEntropy() {
        return targetEntropy;
    }

    /** The current alpha. */
    public double alpha() {
        return Math.exp(value[0]);
    }

    public void setLearningRate(double learningRate) {
        if (learned) {
            optimizer.setLearningRate(learningRate);
        }
    }

    /**
     * One Adam step on the temperature loss for a batch whose mean log-probability under the
     * policy is {@code meanLogProb}; returns the loss (NaN when alpha is fixed: nothing to learn).
     */
    public double update(double meanLogProb) {
        if (!learned) {
            return Double.NaN;
        }
        SacLoss.TemperatureTerm term = SacLoss.temperatureLoss(value[0], meanLogProb, targetEntropy);
        gradient[0] = (float) term.gradient();
        Buffers.copyIn(gradient, 0, 1, logAlpha.gradients());
        optimizer.step();
        Buffers.copyOut(logAlpha.params(), value, 0, 1);
        return term.loss();
    }

    public void writeTo(DataOutputStream out) throws IOException {
        logAlpha.writeTo(out);
        if (learned) {
            optimizer.writeTo(out);
        }
    }

    /** Decodes a state written by {@link #writeTo}; {@link #restore} applies it. */
    public State readState(DataInputStream in) throws IOException {
        float[] saved = logAlpha.readValues(in, "the temperature");
        return new State(saved, learned ? optimizer.readState(in, "the temperature's optimiser") : null);
    }

    public void restore(State state) {
        logAlpha.load(state.logAlpha());
        value[0] = state.logAlpha()[0];
        if (learned) {
            optimizer.restore(state.optimizer());
        }
    }

    public record State(float[] logAlpha, Adam.State optimizer) {
    }
}

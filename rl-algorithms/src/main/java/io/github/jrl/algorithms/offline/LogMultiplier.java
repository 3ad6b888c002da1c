package io.github.jrl.algorithms.offline;

import io.github.jrl.nd4j.Buffers;
import io.github.jrl.nd4j.nn.ParameterSet;
import io.github.jrl.nd4j.optim.Adam;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/**
 * A learned multiplier kept as its logarithm and stepped by Adam on a gradient w.r.t. that
 * logarithm: CQL-Lagrange's {@code log_alpha_prime} (CORL's {@code Scalar(1.0)} with its own Adam
 * at {@code qf_lr}).
 */
final class LogMultiplier {

    private final ParameterSet parameter = new ParameterSet();
    private final Adam optimizer;
    private final float[] value = new float[1];

    LogMultiplier(double initialLog, double learningRate) {
        parameter.reserve(1);
        parameter.allocate();
        value[0] = (float) initialLog;
        parameter.load(value);
        optimizer = Adam.of(parameter, learningRate, 1e-8);
    }

    double log() {
        return value[0];
    }

    /** One Adam step on {@code gradient}, the loss's derivative w.r.t. the logarithm. */
    void step(double gradient) {
        Buffers.copyIn(new float[] {(float) gradient}, 0, 1, parameter.gradients());
        optimizer.step();
        Buffers.copyOut(parameter.params(), value, 0, 1);
    }

    void writeTo(DataOutputStream out) throws IOException {
        parameter.writeTo(out);
        optimizer.writeTo(out);
    }

    /** Decodes a state written by {@link #writeTo}; the returned action applies it. */
    Runnable readState(DataInputStream in, String what) throws IOException {
        float[] saved = parameter.readValues(in, what);
        Adam.State state = optimizer.readState(in, what + "'s optimiser");
        return () -> {
            parameter.load(saved);
            value[0] = saved[0];
            optimizer.restore(state);
        };
    }
}

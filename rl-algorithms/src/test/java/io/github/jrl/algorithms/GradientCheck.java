package io.github.jrl.algorithms;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.jrl.nd4j.Buffers;
import io.github.jrl.nd4j.nn.ParameterSet;
import java.util.function.DoubleSupplier;

/** Parameter gradients against central finite differences of the loss, for the learners' gradient tests. */
public final class GradientCheck {

    private GradientCheck() {
    }

    /** Compares the gradient {@code compute} writes into {@code set} with central differences of the loss it returns. */
    public static void check(ParameterSet set, DoubleSupplier compute, String what) {
        compute.getAsDouble();
        float[] analytic = Buffers.toArray(set.gradients());
        float[] p = Buffers.toArray(set.params());
        double eps = 1e-2;
        for (int k = 0; k < p.length; k++) {
            float saved = p[k];
            p[k] = (float) (saved + eps);
            set.load(p);
            double plus = compute.getAsDouble();
            p[k] = (float) (saved - eps);
            set.load(p);
            double minus = compute.getAsDouble();
            p[k] = saved;
            set.load(p);
            double numeric = (plus - minus) / (2 * eps);
            assertEquals(numeric, analytic[k], 2e-3 + 2e-2 * Math.abs(numeric), what + " parameter " + k);
        }
    }
}

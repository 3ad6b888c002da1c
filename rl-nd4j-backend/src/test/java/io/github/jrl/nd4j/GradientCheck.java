package io.github.jrl.nd4j;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.jrl.nd4j.nn.ParameterSet;
import java.util.function.DoubleSupplier;

/** Central finite differences of a scalar loss against analytic parameter gradients, for tests. */
public final class GradientCheck {

    private static final double EPSILON = 1e-2;

    private GradientCheck() {
    }

    /**
     * Perturbs every {@code stride}-th parameter by {@code +-1e-2}, evaluates {@code loss} (which
     * must read the current parameters) and asserts {@code (L+ - L-) / 2e-2} equals the analytic
     * gradient within {@code 3e-3 + 3e-2 |numeric|}, float32's reach. Restores the parameters.
     */
    public static void assertMatchesFiniteDifferences(ParameterSet parameters, float[] analytic, DoubleSupplier loss,
            int stride) {
        float[] p = new float[(int) parameters.size()];
        Buffers.copyOut(parameters.params(), p, 0, p.length);
        for (int i = 0; i < p.length; i += stride) {
            float saved = p[i];
            p[i] = (float) (saved + EPSILON);
            Buffers.copyIn(p, 0, p.length, parameters.params());
            double plus = loss.getAsDouble();
            p[i] = (float) (saved - EPSILON);
            Buffers.copyIn(p, 0, p.length, parameters.params());
            double minus = loss.getAsDouble();
            p[i] = saved;
            double numeric = (plus - minus) / (2 * EPSILON);
            assertEquals(numeric, analytic[i], 3e-3 + 3e-2 * Math.abs(numeric), "parameter " + i);
        }
        Buffers.copyIn(p, 0, p.length, parameters.params());
    }
}

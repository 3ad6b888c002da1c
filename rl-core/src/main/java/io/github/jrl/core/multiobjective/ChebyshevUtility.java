package io.github.jrl.core.multiobjective;

import java.util.Arrays;

/** {@link Scalarization#chebyshev} and {@link Scalarization#augmentedChebyshev}. */
final class ChebyshevUtility implements Scalarization {

    private final double[] referencePoint;
    private final double rho;

    ChebyshevUtility(double[] referencePoint, double rho) {
        if (referencePoint == null || referencePoint.length == 0) {
            throw new IllegalArgumentException("the Chebyshev reference point must have at least one objective, got "
                    + Arrays.toString(referencePoint));
        }
        Points.requireVector(referencePoint, referencePoint.length, "Chebyshev reference point");
        if (!(rho >= 0) || Double.isInfinite(rho)) {
            throw new IllegalArgumentException("the augmentation coefficient rho must be finite and >= 0, got " + rho);
        }
        this.referencePoint = referencePoint.clone();
        this.rho = rho;
    }

    @Override
    public double utility(double[] values, double[] weights) {
        LinearUtility.requireSameDimension(values, weights);
        if (values.length != referencePoint.length) {
            throw new IllegalArgumentException("cannot scalarise " + values.length + " objective values against a "
                    + referencePoint.length + "-objective reference point " + Arrays.toString(referencePoint));
        }
        double max = Double.NEGATIVE_INFINITY;
        double sum = 0;
        for (int i = 0; i < values.length; i++) {
            double distance = Math.abs(referencePoint[i] - values[i]);
            max = Math.max(max, weights[i] * distance);
            sum += distance;
        }
        return -(max + rho * sum);
    }

    @Override
    public String toString() {
        return (rho == 0 ? "chebyshev" : "augmentedChebyshev(rho=" + rho + ")")
                + Arrays.toString(referencePoint);
    }
}

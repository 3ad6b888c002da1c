package io.github.jrl.core.multiobjective;

/** {@link Scalarization#linear()}: the weighted sum. */
enum LinearUtility implements Scalarization {
    INSTANCE;

    @Override
    public double utility(double[] values, double[] weights) {
        requireSameDimension(values, weights);
        double sum = 0;
        for (int i = 0; i < values.length; i++) {
            sum += weights[i] * values[i];
        }
        return sum;
    }

    static void requireSameDimension(double[] values, double[] weights) {
        if (values.length != weights.length) {
            throw new IllegalArgumentException("cannot scalarise " + values.length + " objective values with "
                    + weights.length + " weights");
        }
    }

    @Override
    public String toString() {
        return "linear";
    }
}

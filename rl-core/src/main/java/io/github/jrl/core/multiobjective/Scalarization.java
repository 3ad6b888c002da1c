package io.github.jrl.core.multiobjective;

/**
 * Turns a vector of objective values into a scalar utility under a weight vector; larger is
 * better, so that the best point of a front under {@code w} is the one of largest utility.
 */
@FunctionalInterface
public interface Scalarization {

    /**
     * The utility of {@code values} under {@code weights}.
     *
     * @throws IllegalArgumentException if the two (or a reference point) differ in dimension
     */
    double utility(double[] values, double[] weights);

    /** The weighted sum {@code u(v) = sum_i w_i v_i}; it can only reach points on the convex hull of a front. */
    static Scalarization linear() {
        return LinearUtility.INSTANCE;
    }

    /**
     * The weighted Chebyshev (Tchebycheff) scalarisation with reference point {@code z},
     * {@code u(v) = -max_i w_i |z_i - v_i|}: minus the weighted Chebyshev distance to {@code z}, as
     * used in MORL by Van Moffaert, Drugan and Nowé, "Scalarized Multi-Objective Reinforcement
     * Learning: Novel Design Techniques" (ADPRL 2013). With {@code z} a utopian point (better
     * than every attainable vector in every objective) every Pareto-optimal point, also on
     * concave parts of a front, maximises it for some weights (Miettinen, "Nonlinear
     * Multiobjective Optimization", 1999).
     */
    static Scalarization chebyshev(double[] referencePoint) {
        return new ChebyshevUtility(referencePoint, 0);
    }

    /**
     * The augmented Chebyshev scalarisation of Steuer and Choo, "An interactive weighted
     * Tchebycheff procedure for multiple objective programming" (Mathematical Programming 26,
     * 1983): {@code u(v) = -(max_i w_i |z_i - v_i| + rho * sum_i |z_i - v_i|)}. The small
     * {@code rho > 0} breaks the ties of the plain form between a Pareto-optimal point and the
     * weakly dominated points beside it.
     *
     * @param rho augmentation coefficient, finite and non-negative (0 gives {@link #chebyshev})
     */
    static Scalarization augmentedChebyshev(double[] referencePoint, double rho) {
        return new ChebyshevUtility(referencePoint, rho);
    }
}

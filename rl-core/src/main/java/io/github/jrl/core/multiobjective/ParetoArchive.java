package io.github.jrl.core.multiobjective;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The non-dominated points found so far, each with the payload that produced it (typically the
 * policy whose evaluated return the point is), as morl-baselines' {@code ParetoArchive}: a point
 * enters only if no archived point weakly dominates it, and evicts the points it dominates. Of
 * equal points the first one added stays, with its payload.
 *
 * <p>Not thread-safe.
 *
 * @param <P> payload type
 */
public final class ParetoArchive<P> {

    /**
     * An archived point and its payload.
     *
     * @param <P> payload type
     */
    public static final class Entry<P> {
        private final double[] point;
        private final P payload;

        private Entry(double[] point, P payload) {
            this.point = point;
            this.payload = payload;
        }

        /** A copy of the point. */
        public double[] point() {
            return point.clone();
        }

        public P payload() {
            return payload;
        }
    }

    private final int objectives;
    private final List<Entry<P>> entries = new ArrayList<>();

    /** An empty archive of points with {@code objectives} components. */
    public ParetoArchive(int objectives) {
        if (objectives <= 0) {
            throw new IllegalArgumentException("a Pareto archive needs at least one objective, got " + objectives);
        }
        this.objectives = objectives;
    }

    public int objectives() {
        return objectives;
    }

    /**
     * Offers {@code point} with its {@code payload}.
     *
     * @return whether the point entered the archive (it is then on the archive's front)
     * @throws IllegalArgumentException if the point does not have {@link #objectives()} finite components
     */
    public boolean add(double[] point, P payload) {
        Points.requireVector(point, objectives, "archive candidate");
        Objects.requireNonNull(payload, "payload");
        for (Entry<P> e : entries) {
            if (Dominance.weaklyDominates(e.point, point, objectives)) {
                return false;
            }
        }
        entries.removeIf(e -> Dominance.dominates(point, e.point, objectives));
        entries.add(new Entry<>(point.clone(), payload));
        return true;
    }

    /** The archived entries, in the order they were added; unmodifiable. */
    public List<Entry<P>> entries() {
        return List.copyOf(entries);
    }

    /** Copies of the archived points, in the order they were added. */
    public List<double[]> points() {
        List<double[]> points = new ArrayList<>(entries.size());
        for (Entry<P> e : entries) {
            points.add(e.point());
        }
        return points;
    }

    public int size() {
        return entries.size();
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }
}

package io.github.jrl.algorithms.multiobjective;

import io.github.jrl.core.space.Discrete;
import io.github.jrl.core.space.IntVectorSpace;
import io.github.jrl.core.space.Space;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Numbers the observations of a discrete observation space in the order they are first seen, so
 * that tables grow with the states actually visited rather than with the product of the space's
 * bounds (four-room's bounds alone span 14^14 vectors).
 *
 * @param <O> {@code Integer} for {@link Discrete} spaces, {@code int[]} for integer vector spaces
 */
final class StateIndex<O> {

    /** An {@code int[]} with value equality, as a hash key. */
    private record IntVector(int[] values) {
        @Override
        public boolean equals(Object o) {
            return o instanceof IntVector v && Arrays.equals(values, v.values);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(values);
        }
    }

    private final Space<O> space;
    private final Map<Object, Integer> ids = new HashMap<>();

    /**
     * @throws IllegalArgumentException unless {@code space} is {@link Discrete} or an {@link IntVectorSpace}
     */
    StateIndex(Space<O> space, String envId) {
        if (!(space instanceof Discrete) && !(space instanceof IntVectorSpace)) {
            throw new IllegalArgumentException(envId + " observes " + space + "; tabular learning needs a Discrete"
                    + " or an integer vector (IntBox, MultiDiscrete, MultiBinary) observation space");
        }
        this.space = space;
    }

    /** The number of the state {@code observation} is, numbering it if it is new. */
    int idOf(O observation) {
        return ids.computeIfAbsent(key(observation), k -> ids.size());
    }

    /** The number of {@code observation}, or -1 if it was never seen. */
    int existingId(O observation) {
        return ids.getOrDefault(key(observation), -1);
    }

    int size() {
        return ids.size();
    }

    private Object key(O observation) {
        if (!space.contains(observation)) {
            throw new IllegalArgumentException("observation " + space.format(observation) + " is not in " + space);
        }
        return observation instanceof int[] vector ? new IntVector(vector.clone()) : observation;
    }
}

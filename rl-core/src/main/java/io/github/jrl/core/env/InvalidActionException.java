package io.github.jrl.core.env;

import io.github.jrl.core.space.Space;

/** An action that is not an element of the environment's action space, or that it cannot apply. */
public class InvalidActionException extends IllegalArgumentException {

    public InvalidActionException(String message) {
        super(message);
    }

    /** "env X got action Y, which is outside its action space Z". */
    public static <A> InvalidActionException outside(String envId, A action, Space<A> space) {
        return new InvalidActionException(envId + " got action " + formatted(action, space)
                + ", which is outside its action space " + space);
    }

    private static <A> String formatted(A action, Space<A> space) {
        try {
            return action == null ? "null" : space.format(action);
        } catch (RuntimeException e) {
            return String.valueOf(action);
        }
    }
}

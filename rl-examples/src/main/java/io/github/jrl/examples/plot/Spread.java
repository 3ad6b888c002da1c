package io.github.jrl.examples.plot;

import java.util.Locale;

/** How the spread of several runs around their mean is drawn. */
public enum Spread {
    /** Mean plus and minus one (population) standard deviation across runs. */
    STD,
    /** From the lowest to the highest run. */
    MINMAX,
    /** No mean and no band: runs that are not repetitions of one another, such as a sweep's trials. */
    NONE;

    /** The spread named {@code name} ({@code std}, {@code minmax} or {@code none}, any case). */
    public static Spread parse(String name) {
        try {
            return valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown spread '" + name + "'; expected std, minmax or none", e);
        }
    }
}

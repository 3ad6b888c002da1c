package io.github.jrl.envs;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Keyword arguments of an environment constructor, named as in Gymnasium's
 * {@code gymnasium.make(id, **kwargs)} (e.g. {@code is_slippery}, {@code map_name}). Reading a
 * value marks it used; {@link #requireAllUsed} then rejects any key the environment does not
 * know, so a misspelt option is an error rather than silently ignored.
 */
public final class EnvKwargs {

    private final String envId;
    private final Map<String, Object> values;
    private final Set<String> used = new HashSet<>();

    public EnvKwargs(String envId, Map<String, ?> values) {
        this.envId = envId;
        this.values = new LinkedHashMap<>(values);
    }

    public String envId() {
        return envId;
    }

    public boolean getBoolean(String key, boolean defaultValue) {
        Object v = take(key);
        if (v == null) {
            return defaultValue;
        }
        if (v instanceof Boolean b) {
            return b;
        }
        throw wrongType(key, v, "a boolean");
    }

    public double getDouble(String key, double defaultValue) {
        Object v = take(key);
        if (v == null) {
            return defaultValue;
        }
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        throw wrongType(key, v, "a number");
    }

    public int getInt(String key, int defaultValue) {
        Object v = take(key);
        if (v == null) {
            return defaultValue;
        }
        if (v instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
            return Math.toIntExact(n.longValue());
        }
        throw wrongType(key, v, "an integer");
    }

    public String getString(String key, String defaultValue) {
        Object v = take(key);
        if (v == null) {
            return defaultValue;
        }
        if (v instanceof String s) {
            return s;
        }
        throw wrongType(key, v, "a string");
    }

    /** A list of strings (e.g. a FrozenLake map given as rows), or {@code null} when absent. */
    public List<String> getStringList(String key) {
        Object v = take(key);
        if (v == null) {
            return null;
        }
        if (v instanceof String[] array) {
            return List.of(array);
        }
        if (v instanceof List<?> list) {
            List<String> out = new ArrayList<>(list.size());
            for (Object item : list) {
                if (!(item instanceof String s)) {
                    throw wrongType(key, v, "a list of strings");
                }
                out.add(s);
            }
            return out;
        }
        throw wrongType(key, v, "a list of strings");
    }

    /** Raises if a key was given that no getter asked for. */
    public void requireAllUsed() {
        for (String key : values.keySet()) {
            if (!used.contains(key)) {
                throw new IllegalArgumentException(envId + " does not accept the keyword argument '" + key
                        + "'; it accepts " + (used.isEmpty() ? "none" : used));
            }
        }
    }

    private Object take(String key) {
        used.add(key);
        return values.get(key);
    }

    private IllegalArgumentException wrongType(String key, Object v, String expected) {
        return new IllegalArgumentException(envId + " keyword argument '" + key + "' must be " + expected
                + ", got " + v + " (" + v.getClass().getSimpleName() + ")");
    }
}

package io.github.jrl.algorithms.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.github.jrl.core.schedule.Schedule;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.ObjDoubleConsumer;
import java.util.function.ObjIntConsumer;
import java.util.function.ObjLongConsumer;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;
import java.util.function.ToIntFunction;
import java.util.function.ToLongFunction;

/**
 * One field of a config file: its name (the config record's component name, so that the
 * record's own validation messages name the field as the file does), how its value is written,
 * and how a value read from the file is checked for type and passed to the config's builder.
 * Ranges are left to the config's validation.
 *
 * @param referenceName the name rl-baselines3-zoo gives the field, or {@code null}; an unknown
 *     field of that name gets a hint to this one
 * @param <C> the config type
 * @param <B> its builder
 */
public record ConfigField<C, B>(String name, String referenceName, Function<C, JsonNode> writer,
        BiConsumer<B, JsonNode> reader) {

    /** This field, with the name rl-baselines3-zoo's files give it. */
    public ConfigField<C, B> referenceName(String zooName) {
        return new ConfigField<>(name, zooName, writer, reader);
    }

    /** An {@code int}. */
    public static <C, B> ConfigField<C, B> integer(String name, ToIntFunction<C> get, ObjIntConsumer<B> set) {
        return new ConfigField<>(name, null, c -> IntNode.valueOf(get.applyAsInt(c)), (b, v) -> {
            if (!v.isIntegralNumber() || !v.canConvertToInt()) {
                throw invalid("an integer", v);
            }
            set.accept(b, v.intValue());
        });
    }

    /** A {@code long}. */
    public static <C, B> ConfigField<C, B> longInteger(String name, ToLongFunction<C> get, ObjLongConsumer<B> set) {
        return new ConfigField<>(name, null, c -> LongNode.valueOf(get.applyAsLong(c)), (b, v) -> {
            if (!v.isIntegralNumber() || !v.canConvertToLong()) {
                throw invalid("a 64-bit integer", v);
            }
            set.accept(b, v.longValue());
        });
    }

    /** A finite {@code double}. */
    public static <C, B> ConfigField<C, B> real(String name, ToDoubleFunction<C> get, ObjDoubleConsumer<B> set) {
        return new ConfigField<>(name, null, c -> DoubleNode.valueOf(get.applyAsDouble(c)),
                (b, v) -> set.accept(b, finite(v)));
    }

    /**
     * A {@code double} that can be switched off: {@code null} in the file stands for {@code off}
     * (NaN or an infinity, the config's own "none"), since YAML's {@code .nan} and {@code .inf}
     * do not survive every parser.
     */
    public static <C, B> ConfigField<C, B> optionalReal(String name, ToDoubleFunction<C> get, ObjDoubleConsumer<B> set,
            double off) {
        return new ConfigField<>(name, null, c -> {
            double value = get.applyAsDouble(c);
            return Double.compare(value, off) == 0 ? NullNode.getInstance() : DoubleNode.valueOf(value);
        }, (b, v) -> set.accept(b, v.isNull() ? off : finite(v)));
    }

    /** A {@code boolean}. */
    public static <C, B> ConfigField<C, B> flag(String name, Predicate<C> get, BiConsumer<B, Boolean> set) {
        return new ConfigField<>(name, null, c -> BooleanNode.valueOf(get.test(c)), (b, v) -> {
            if (!v.isBoolean()) {
                throw invalid("true or false", v);
            }
            set.accept(b, v.booleanValue());
        });
    }

    /** A string. */
    public static <C, B> ConfigField<C, B> text(String name, Function<C, String> get, BiConsumer<B, String> set) {
        return new ConfigField<>(name, null, c -> TextNode.valueOf(get.apply(c)), (b, v) -> {
            if (!v.isTextual()) {
                throw invalid("a string", v);
            }
            set.accept(b, v.textValue());
        });
    }

    /**
     * A {@link Schedule} in rl-baselines3-zoo's notation: a number for a constant,
     * {@code lin_<number>} for a linear decay to zero.
     */
    public static <C, B> ConfigField<C, B> schedule(String name, Function<C, Schedule> get, BiConsumer<B, Schedule> set) {
        return new ConfigField<>(name, null, c -> scheduleNode(name, get.apply(c)), (b, v) -> {
            if (v.isNumber()) {
                set.accept(b, Schedule.constant(finite(v)));
            } else if (v.isTextual()) {
                set.accept(b, Schedule.parse(v.textValue()));
            } else {
                throw invalid("a number or lin_<number>", v);
            }
        });
    }

    private static JsonNode scheduleNode(String name, Schedule schedule) {
        if (schedule instanceof Schedule.Constant constant) {
            return DoubleNode.valueOf(constant.value());
        }
        if (schedule instanceof Schedule.Linear linear && linear.last() == 0) {
            return TextNode.valueOf("lin_" + linear.initial());
        }
        throw new IllegalArgumentException(name + " is the schedule " + schedule
                + ", which has no config-file notation (a number, or lin_<number> for a linear decay to 0)");
    }

    /** A list of {@code int}s. */
    public static <C, B> ConfigField<C, B> integers(String name, Function<C, int[]> get, BiConsumer<B, int[]> set) {
        return new ConfigField<>(name, null, c -> {
            ArrayNode array = JsonNodeFactory.instance.arrayNode();
            Arrays.stream(get.apply(c)).forEach(array::add);
            return array;
        }, (b, v) -> {
            if (!v.isArray()) {
                throw invalid("a list of integers", v);
            }
            int[] values = new int[v.size()];
            for (int i = 0; i < values.length; i++) {
                if (!v.get(i).isIntegralNumber() || !v.get(i).canConvertToInt()) {
                    throw invalid("a list of integers", v);
                }
                values[i] = v.get(i).intValue();
            }
            set.accept(b, values);
        });
    }

    /** A constant of {@code type}, written in lower case and read in any case. */
    public static <C, B, E extends Enum<E>> ConfigField<C, B> choice(String name, Class<E> type, Function<C, E> get,
            BiConsumer<B, E> set) {
        String choices = Arrays.toString(Arrays.stream(type.getEnumConstants()).map(ConfigField::lowerCase).toArray());
        return new ConfigField<>(name, null, c -> TextNode.valueOf(lowerCase(get.apply(c))), (b, v) -> {
            for (E constant : type.getEnumConstants()) {
                if (v.isTextual() && constant.name().equalsIgnoreCase(v.textValue())) {
                    set.accept(b, constant);
                    return;
                }
            }
            throw invalid("one of " + choices, v);
        });
    }

    private static String lowerCase(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT);
    }

    private static double finite(JsonNode v) {
        if (!v.isNumber() || !Double.isFinite(v.doubleValue())) {
            throw invalid("a finite number", v);
        }
        return v.doubleValue();
    }

    private static IllegalArgumentException invalid(String expected, JsonNode found) {
        return new IllegalArgumentException("expected " + expected + ", got " + found);
    }
}

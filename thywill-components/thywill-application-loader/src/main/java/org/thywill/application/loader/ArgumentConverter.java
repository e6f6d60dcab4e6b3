package org.thywill.application.loader;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.thywill.api.Json;

/**
 * Turns one JSON argument of a remote call (a value tree as the transport parsed it) into a parameter's type. One
 * converter is built per parameter, from its generic type, when an application's functions are read; converting
 * then does no reflection.
 */
sealed interface ArgumentConverter {

    /** The types a parameter may have, for messages. */
    String SUPPORTED = "String, long, int, double, boolean, their boxed types, Number, Map, List or Object";

    /** Any JSON value, as it came. */
    ArgumentConverter ANY = new Single(Scalar.OBJECT, false);

    /**
     * @param json the argument as the transport parsed it: a Map, List, String, Long, Double, Boolean or null
     * @param path where in the argument this value sits, such as {@code [2].price}, for messages
     * @return the value, converted
     * @throws Mismatch when the value cannot become this type
     */
    Object convert(Object json, String path);

    /**
     * @param type a parameter's generic type
     * @return its converter, or empty when JSON arguments cannot become that type
     */
    static Optional<ArgumentConverter> forType(Type type) {
        if (type instanceof Class<?> c) {
            if (c == List.class || c == Collection.class) {
                return Optional.of(new ListOf(ANY));
            }
            if (c == Map.class) {
                return Optional.of(new MapOf(ANY));
            }
            return Scalar.of(c).map(s -> new Single(s, c.isPrimitive()));
        }
        if (type instanceof WildcardType w) {
            return w.getLowerBounds().length > 0 ? Optional.of(ANY) : forType(w.getUpperBounds()[0]);
        }
        if (type instanceof ParameterizedType p && p.getRawType() instanceof Class<?> raw) {
            Type[] args = p.getActualTypeArguments();
            if (raw == List.class || raw == Collection.class) {
                return forType(args[0]).map(ListOf::new);
            }
            if (raw == Map.class) {
                Type key = args[0] instanceof WildcardType w && w.getLowerBounds().length == 0
                        ? w.getUpperBounds()[0] : args[0];
                return key == String.class || key == Object.class ? forType(args[1]).map(MapOf::new)
                        : Optional.empty();
            }
        }
        return Optional.empty();
    }

    /**
     * @param type a generic type
     * @return how a Java programmer writes it, without packages: {@code List<Double>}
     */
    static String typeName(Type type) {
        if (type instanceof Class<?> c) {
            return c.getSimpleName();
        }
        if (type instanceof ParameterizedType p) {
            return typeName(p.getRawType()) + Arrays.stream(p.getActualTypeArguments())
                    .map(ArgumentConverter::typeName).collect(Collectors.joining(", ", "<", ">"));
        }
        if (type instanceof WildcardType w) {
            if (w.getLowerBounds().length > 0) {
                return "? super " + typeName(w.getLowerBounds()[0]);
            }
            return w.getUpperBounds()[0] == Object.class ? "?" : "? extends " + typeName(w.getUpperBounds()[0]);
        }
        return type.getTypeName();
    }

    /** A value that cannot become the parameter's type. */
    final class Mismatch extends RuntimeException {
        private final String path;
        private final String expected;
        private final transient Object value;

        Mismatch(String path, String expected, Object value) {
            super(null, null, false, false);
            this.path = path;
            this.expected = expected;
            this.value = value;
        }

        /**
         * @param what the argument, such as {@code argument 2 of add}
         * @return for example {@code argument 2 of add must be a number, not "x"}
         */
        String describe(String what) {
            return what + (path.isEmpty() ? "" : ", at " + path + ",") + " must be " + expected + ", not "
                    + brief(value);
        }

        /** @return the value as JSON text, cut short: never the whole of a large argument in a message */
        static String brief(Object value) {
            String text;
            try {
                text = Json.write(value);
            } catch (IllegalArgumentException e) {
                text = String.valueOf(value);
            }
            return text.length() <= 40 ? text : text.substring(0, 37) + "...";
        }
    }

    /** The types a single JSON value converts to. */
    enum Scalar {
        STRING("a string") {
            @Override
            Object convert(Object json, String path) {
                if (json instanceof String) {
                    return json;
                }
                throw mismatch(path, json);
            }
        },
        LONG("an integer") {
            @Override
            Object convert(Object json, String path) {
                return integral(json, path, this);
            }
        },
        INT("an integer") {
            @Override
            Object convert(Object json, String path) {
                long value = integral(json, path, this);
                if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
                    throw new Mismatch(path, "an integer from " + Integer.MIN_VALUE + " to " + Integer.MAX_VALUE,
                            json);
                }
                return (int) value;
            }
        },
        DOUBLE("a number") {
            @Override
            Object convert(Object json, String path) {
                if (json instanceof Number n) {
                    return n.doubleValue();
                }
                throw mismatch(path, json);
            }
        },
        NUMBER("a number") {
            @Override
            Object convert(Object json, String path) {
                if (json instanceof Number) {
                    return json;
                }
                throw mismatch(path, json);
            }
        },
        BOOLEAN("true or false") {
            @Override
            Object convert(Object json, String path) {
                if (json instanceof Boolean) {
                    return json;
                }
                throw mismatch(path, json);
            }
        },
        OBJECT("any JSON value") {
            @Override
            Object convert(Object json, String path) {
                return json instanceof Object[] array ? Arrays.asList(array) : json;
            }
        };

        private final String expected;

        Scalar(String expected) {
            this.expected = expected;
        }

        /** @return the value converted; never called with null */
        abstract Object convert(Object json, String path);

        Mismatch mismatch(String path, Object json) {
            return new Mismatch(path, expected, json);
        }

        static Optional<Scalar> of(Class<?> c) {
            Scalar s = null;
            if (c == String.class) {
                s = STRING;
            } else if (c == long.class || c == Long.class) {
                s = LONG;
            } else if (c == int.class || c == Integer.class) {
                s = INT;
            } else if (c == double.class || c == Double.class) {
                s = DOUBLE;
            } else if (c == Number.class) {
                s = NUMBER;
            } else if (c == boolean.class || c == Boolean.class) {
                s = BOOLEAN;
            } else if (c == Object.class) {
                s = OBJECT;
            }
            return Optional.ofNullable(s);
        }

        private static long integral(Object json, String path, Scalar as) {
            if (json instanceof Long || json instanceof Integer || json instanceof Short || json instanceof Byte) {
                return ((Number) json).longValue();
            }
            // 2^63 as a double: every double below it and at least -2^63 fits a long exactly when it is integral.
            if (json instanceof Number n) {
                double d = n.doubleValue();
                if (d == Math.rint(d) && d >= -9.223372036854775808E18 && d < 9.223372036854775808E18) {
                    return (long) d;
                }
            }
            throw as.mismatch(path, json);
        }
    }

    /**
     * A parameter of a scalar type.
     *
     * @param scalar what it converts to
     * @param primitive whether null is refused
     */
    record Single(Scalar scalar, boolean primitive) implements ArgumentConverter {
        @Override
        public Object convert(Object json, String path) {
            if (json == null) {
                if (primitive) {
                    throw scalar.mismatch(path, null);
                }
                return null;
            }
            return scalar.convert(json, path);
        }
    }

    /**
     * A JSON array.
     *
     * @param element how its items convert
     */
    record ListOf(ArgumentConverter element) implements ArgumentConverter {
        @Override
        public Object convert(Object json, String path) {
            List<?> items;
            if (json == null) {
                return null;
            } else if (json instanceof List<?> list) {
                items = list;
            } else if (json instanceof Object[] array) {
                items = Arrays.asList(array);
            } else {
                throw new Mismatch(path, "an array", json);
            }
            if (ANY.equals(element)) {
                return items;
            }
            List<Object> converted = new ArrayList<>(items.size());
            for (int i = 0; i < items.size(); i++) {
                converted.add(element.convert(items.get(i), path + "[" + i + "]"));
            }
            return converted;
        }
    }

    /**
     * A JSON object.
     *
     * @param value how its values convert
     */
    record MapOf(ArgumentConverter value) implements ArgumentConverter {
        private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]*");

        @Override
        public Object convert(Object json, String path) {
            if (json == null) {
                return null;
            }
            if (!(json instanceof Map<?, ?> map)) {
                throw new Mismatch(path, "an object", json);
            }
            if (ANY.equals(value)) {
                return map;
            }
            Map<String, Object> converted = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                String key = String.valueOf(e.getKey());
                String at = IDENTIFIER.matcher(key).matches() ? path + "." + key : path + "[" + Json.write(key) + "]";
                converted.put(key, value.convert(e.getValue(), at));
            }
            return converted;
        }
    }
}

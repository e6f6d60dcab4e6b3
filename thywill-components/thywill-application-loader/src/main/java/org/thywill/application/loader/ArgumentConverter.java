package org.thywill.application.loader;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.AbstractDeserializer;
import com.fasterxml.jackson.databind.deser.DefaultDeserializationContext;
import com.fasterxml.jackson.databind.deser.impl.UnsupportedTypeDeserializer;
import com.fasterxml.jackson.databind.deser.std.NumberDeserializers;
import com.fasterxml.jackson.databind.exc.InvalidDefinitionException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.io.IOException;
import java.lang.reflect.Type;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Turns the JSON arguments of remote calls (value trees as the transport parsed them) into parameters' types with
 * Jackson's conversion, so records, enums and plain objects are arguments too, and says what was wrong when one
 * cannot be. Strict where JSON is: no string becomes a number or a boolean, no number a string, no fraction an
 * integer. One per application class, so Jackson's caches of that class's types go when it is unloaded.
 */
final class ArgumentConverter {

    /** The types a parameter may have, for messages. */
    static final String SUPPORTED = "String, a number, boolean, an enum, a record or a class Jackson can build from"
            + " a JSON object, a List or Map of those, or Object";

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]*");

    private final ObjectMapper mapper = JsonMapper.builder()
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES, DeserializationFeature.USE_LONG_FOR_INTS,
                    DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
            .withCoercionConfig(LogicalType.Textual, c -> c.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
            .withCoercionConfig(LogicalType.Boolean, c -> c.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail))
            .addModule(new SimpleModule("whole-numbers")
                    .addDeserializer(Long.class, new WholeNumber<>(Long.class, Long.MIN_VALUE, Long.MAX_VALUE))
                    .addDeserializer(long.class, new WholeNumber<>(long.class, Long.MIN_VALUE, Long.MAX_VALUE))
                    .addDeserializer(Integer.class, new WholeNumber<>(Integer.class, Integer.MIN_VALUE, Integer.MAX_VALUE))
                    .addDeserializer(int.class, new WholeNumber<>(int.class, Integer.MIN_VALUE, Integer.MAX_VALUE)))
            .build();

    /**
     * @param type a parameter's generic type
     * @return Jackson's type for it, or empty when no JSON argument can become it
     */
    Optional<JavaType> forType(Type type) {
        JavaType javaType = mapper.constructType(type);
        return convertible(javaType) ? Optional.of(javaType) : Optional.empty();
    }

    private boolean convertible(JavaType type) {
        if (type.isContainerType()) {
            return convertible(type.getContentType());
        }
        try {
            DeserializationContext context = ((DefaultDeserializationContext) mapper.getDeserializationContext())
                    .createDummyInstance(mapper.getDeserializationConfig());
            JsonDeserializer<Object> deserializer = context.findRootValueDeserializer(type);
            return !(deserializer instanceof UnsupportedTypeDeserializer || deserializer instanceof AbstractDeserializer);
        } catch (JsonMappingException e) {
            return false;
        }
    }

    /**
     * @param json the argument as the transport parsed it: Maps, Lists or arrays, Strings, Numbers, Booleans, null
     * @param type from {@link #forType}
     * @return the value, converted
     * @throws Mismatch saying where in the argument and why it cannot become that type
     * @throws IllegalArgumentException when the type itself cannot be built (a field JSON cannot fill): the
     *     application's fault, not the caller's
     */
    Object convert(Object json, JavaType type) {
        try {
            return mapper.convertValue(json, type);
        } catch (IllegalArgumentException e) {
            if (e.getCause() instanceof InputCoercionException c) {
                throw new Mismatch("", expected(c.getTargetType()), brief(json));
            }
            if (e.getCause() instanceof JsonMappingException m && !(m instanceof InvalidDefinitionException)) {
                throw mismatch(json, m);
            }
            throw e;
        }
    }

    private Mismatch mismatch(Object json, JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        Object value = json;
        for (JsonMappingException.Reference step : e.getPath()) {
            String key = step.getFieldName();
            if (key == null) {
                path.append('[').append(step.getIndex()).append(']');
                value = at(value, step.getIndex());
            } else {
                path.append(IDENTIFIER.matcher(key).matches() ? "." + key : "[" + write(key) + "]");
                value = value instanceof Map<?, ?> map ? map.get(key) : null;
            }
        }
        if (e instanceof UnrecognizedPropertyException u) {
            return new Mismatch(path.toString(), null, "not a field of " + u.getReferringClass().getSimpleName()
                    + " (its fields: " + u.getKnownPropertyIds().stream().map(String::valueOf).sorted().toList() + ")");
        }
        Class<?> target = e instanceof MismatchedInputException m ? m.getTargetType()
                : e.getCause() instanceof InputCoercionException c ? c.getTargetType() : null;
        return new Mismatch(path.toString(), expected(target), brief(value));
    }

    private static Object at(Object list, int index) {
        List<?> items = list instanceof Object[] array ? Arrays.asList(array) : list instanceof List<?> l ? l : null;
        return items != null && index >= 0 && index < items.size() ? items.get(index) : null;
    }

    private String expected(Class<?> target) {
        if (target == null) {
            return "of the parameter's type";
        } else if (target == String.class || target == char.class || target == Character.class) {
            return "a string";
        } else if (target == int.class || target == Integer.class) {
            return "an integer from " + Integer.MIN_VALUE + " to " + Integer.MAX_VALUE;
        } else if (target == long.class || target == Long.class || target == short.class || target == Short.class
                || target == byte.class || target == Byte.class || target == BigInteger.class) {
            return "an integer";
        } else if (target == boolean.class || target == Boolean.class) {
            return "true or false";
        } else if (target.isPrimitive() || Number.class.isAssignableFrom(target)) {
            return "a number";
        } else if (target.isEnum()) {
            return "one of " + Arrays.stream(target.getEnumConstants()).map(c -> write(((Enum<?>) c).name()))
                    .collect(Collectors.joining(", "));
        } else if (target.isArray() || Iterable.class.isAssignableFrom(target)) {
            return "an array";
        }
        return "an object" + (Map.class.isAssignableFrom(target) ? "" : " (" + target.getSimpleName() + ")");
    }

    /** @return the value as JSON text, cut short: never the whole of a large argument in a message */
    private String brief(Object value) {
        String text = write(value);
        return text.length() <= 40 ? text : text.substring(0, 37) + "...";
    }

    private String write(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            return String.valueOf(value);
        }
    }

    /**
     * @param type a generic type
     * @return how a Java programmer writes it, without packages: {@code List<Double>}
     */
    static String typeName(Type type) {
        return type instanceof Class<?> c ? c.getSimpleName() : type.getTypeName().replaceAll("[\\w$]+[.$]", "");
    }

    /** A value that cannot become the parameter's type. */
    static final class Mismatch extends RuntimeException {
        private final String path;
        private final String expected;
        private final String value;

        Mismatch(String path, String expected, String value) {
            super(null, null, false, false);
            this.path = path;
            this.expected = expected;
            this.value = value;
        }

        /**
         * @param what the argument, such as {@code argument 2 of add}
         * @return for example {@code argument 2 of add must be an integer, not "x"}
         */
        String describe(String what) {
            String where = what + (path.isEmpty() ? "" : ", at " + path + ",");
            return expected == null ? where + " is " + value : where + " must be " + expected + ", not " + value;
        }
    }

    /**
     * Jackson would truncate 2.5 to the integer 2; JSON has one kind of number, so 2.0 is the integer 2 and 2.5 is
     * no integer.
     */
    private static final class WholeNumber<T> extends JsonDeserializer<T> {
        private final Class<T> type;
        private final long min;
        private final long max;
        private final JsonDeserializer<?> standard;

        WholeNumber(Class<T> type, long min, long max) {
            this.type = type;
            this.min = min;
            this.max = max;
            this.standard = NumberDeserializers.find(type, type.getName());
        }

        @Override
        public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.hasToken(JsonToken.VALUE_NUMBER_FLOAT)) {
                double d = p.getDoubleValue();
                // 2^63 as a double: every double below it and at least -2^63 fits a long exactly when integral.
                if (d != Math.rint(d) || d < min || d >= (max == Long.MAX_VALUE ? 9.223372036854775808E18 : max + 1)) {
                    ctxt.handleWeirdNumberValue(type, d, "not an integer in range");
                }
                Object whole = min == Long.MIN_VALUE ? (Object) (long) d : (Object) (int) d;
                @SuppressWarnings("unchecked")
                T result = (T) whole;
                return result;
            }
            @SuppressWarnings("unchecked")
            T result = (T) standard.deserialize(p, ctxt);
            return result;
        }

        @Override
        public T getNullValue(DeserializationContext ctxt) throws JsonMappingException {
            @SuppressWarnings("unchecked")
            T result = (T) standard.getNullValue(ctxt);
            return result;
        }

        @Override
        public Class<?> handledType() {
            return type;
        }
    }
}

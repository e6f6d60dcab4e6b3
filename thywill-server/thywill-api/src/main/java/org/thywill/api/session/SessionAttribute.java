package org.thywill.api.session;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A typed key of {@link SessionData}: a name and the type of its value. Declare one as a constant and use it
 * everywhere the value is read or written, so that every reader agrees on the type:
 *
 * <pre>{@code
 * static final SessionAttribute<Long> COUNT = SessionAttribute.of("count", Long.class);
 * }</pre>
 *
 * <p>A value is stored as JSON, so its type must be one JSON can carry back: {@link String}, {@link Integer},
 * {@link Long}, {@link Double}, {@link Boolean}, an enum, or a record whose components are of these types (or
 * {@code int}, {@code long}, {@code double}, {@code boolean}), of other such records, or of {@link List}s and
 * {@link Map}s with {@link String} keys of them. Any other type is refused when the key is made, with a message
 * naming it.
 *
 * @param name the attribute's name, unique within the application: letters, digits, '-', '_' and '.', at most
 *        {@value #MAX_NAME} characters
 * @param type the type of its value
 * @param <T> the type of its value
 */
public record SessionAttribute<T>(String name, Class<T> type) {

    /** The longest name. */
    public static final int MAX_NAME = 64;

    /** The types a value may have, for messages. */
    public static final String SUPPORTED = "String, Integer, Long, Double, Boolean, an enum, or a record of these"
            + " (and of int, long, double, boolean, other such records, Lists and Maps with String keys of them)";

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1," + MAX_NAME + "}");

    private static final Set<Class<?>> SCALARS = Set.of(String.class, Integer.class, Long.class, Double.class,
            Boolean.class);

    private static final Set<Class<?>> PRIMITIVES = Set.of(int.class, long.class, double.class, boolean.class);

    /**
     * Validates.
     *
     * @throws IllegalArgumentException if the name is not valid or the type cannot be stored as JSON; the message
     *                                  names the type (or the record component) at fault
     */
    public SessionAttribute {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("A session attribute's name is 1 to " + MAX_NAME
                    + " letters, digits, '-', '_' or '.'; not '" + name + "'.");
        }
        String problem = problem(type, type.getName(), new HashSet<>());
        if (problem != null) {
            throw new IllegalArgumentException("Session attribute '" + name + "' cannot hold " + problem
                    + ": a session attribute holds " + SUPPORTED + ".");
        }
    }

    /**
     * @param name the attribute's name
     * @param type the type of its value
     * @param <T> the type of its value
     * @return the key
     * @throws IllegalArgumentException as {@link #SessionAttribute the constructor} does
     */
    public static <T> SessionAttribute<T> of(String name, Class<T> type) {
        return new SessionAttribute<>(name, type);
    }

    /**
     * @param type a type, perhaps generic
     * @param where how a reader finds it, for the message
     * @param seen the records already checked, so that a record that contains itself is checked once
     * @return null if JSON can carry it; otherwise what cannot be carried, named
     */
    private static String problem(Type type, String where, Set<Class<?>> seen) {
        if (type instanceof Class<?> c) {
            if (SCALARS.contains(c) || c.isEnum() || (PRIMITIVES.contains(c) && !where.equals(c.getName()))) {
                return null;
            }
            if (c.isRecord()) {
                if (!seen.add(c)) {
                    return null;
                }
                for (RecordComponent component : c.getRecordComponents()) {
                    String inner = problem(component.getGenericType(), c.getName() + "." + component.getName(),
                            seen);
                    if (inner != null) {
                        return inner;
                    }
                }
                return null;
            }
            return where.equals(c.getName()) ? c.getName() : c.getName() + " (" + where + ")";
        }
        if (type instanceof ParameterizedType p && p.getRawType() instanceof Class<?> raw) {
            Type[] arguments = p.getActualTypeArguments();
            if (raw == List.class) {
                return problem(element(arguments[0]), where, seen);
            }
            if (raw == Map.class && element(arguments[0]) == String.class) {
                return problem(element(arguments[1]), where, seen);
            }
        }
        return type.getTypeName() + " (" + where + ")";
    }

    /** @return the bound of {@code ? extends X}, or the type itself */
    private static Type element(Type type) {
        return type instanceof WildcardType w && w.getLowerBounds().length == 0 ? w.getUpperBounds()[0] : type;
    }
}

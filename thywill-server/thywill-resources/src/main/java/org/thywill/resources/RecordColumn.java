package org.thywill.resources;

import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;
import org.thywill.api.ThywillException;

/**
 * One component of a record resource, as the column it declares: its name in snake case, its SQL type, and what the
 * annotations say (key, length, nullability, default, uniqueness, reference). Built once, when the resource is
 * declared, so a component the library cannot store stops the application before anything runs.
 *
 * @param component the record component's name, for messages ({@code userId})
 * @param name the column's name ({@code user_id})
 * @param type its SQL type
 * @param length the VARCHAR length of a text column, else 0
 * @param nullable whether it may hold null ({@link Nullable})
 * @param defaultValue the {@link Default} text, or null
 * @param key whether it is the primary key
 * @param generated whether the database generates it (an integer key)
 * @param unique whether it has a unique index ({@link Unique})
 * @param references the record its values refer to ({@link References}), or null
 * @param label whether it names the row to people ({@link Label})
 */
record RecordColumn(String component, String name, SqlType type, int length, boolean nullable, String defaultValue,
                    boolean key, boolean generated, boolean unique, Class<? extends Record> references,
                    boolean label) {

    static final int DEFAULT_LENGTH = 255;
    static final int MAX_LENGTH = 16383;

    /** The SQL types a component maps to, by its Java type. */
    enum SqlType {
        BIGINT(Column.Kind.INTEGER, "BIGINT", long.class, Long.class),
        INT(Column.Kind.INTEGER, "INT", int.class, Integer.class),
        SMALLINT(Column.Kind.INTEGER, "SMALLINT", short.class, Short.class),
        BOOLEAN(Column.Kind.BOOLEAN, "BOOLEAN", boolean.class, Boolean.class),
        DOUBLE(Column.Kind.NUMBER, "DOUBLE", double.class, Double.class),
        VARCHAR(Column.Kind.TEXT, "VARCHAR", String.class, String.class),
        TIMESTAMP(Column.Kind.TIMESTAMP, "TIMESTAMP(3)", Instant.class, Instant.class),
        DATE(Column.Kind.DATE, "DATE", LocalDate.class, LocalDate.class);

        final Column.Kind kind;
        final String sql;
        final Class<?> primitive;
        final Class<?> boxed;

        SqlType(Column.Kind kind, String sql, Class<?> primitive, Class<?> boxed) {
            this.kind = kind;
            this.sql = sql;
            this.primitive = primitive;
            this.boxed = boxed;
        }

        static String accepted() {
            return "long, int, short, boolean, double (or their boxes), String, Instant and LocalDate";
        }
    }

    /**
     * @param owner the record, for messages
     * @param component one of its components
     * @return the column it declares
     * @throws ThywillException naming the component when its type or an annotation cannot be used
     */
    static RecordColumn of(Class<?> owner, RecordComponent component) {
        String where = owner.getSimpleName() + "." + component.getName();
        Class<?> javaType = component.getType();
        SqlType type = Arrays.stream(SqlType.values())
                .filter(t -> t.primitive == javaType || t.boxed == javaType).findFirst()
                .orElseThrow(() -> new ThywillException(where + " is a " + javaType.getSimpleName() + ", which a"
                        + " resource cannot store; use " + SqlType.accepted() + "."));
        boolean nullable = isNullable(component);
        if (nullable && javaType.isPrimitive()) {
            throw new ThywillException(where + " is @Nullable but a " + javaType + " cannot be null; use "
                    + type.boxed.getSimpleName() + ".");
        }
        MaxLength max = component.getAnnotation(MaxLength.class);
        if (max != null && type != SqlType.VARCHAR) {
            throw new ThywillException(where + " has @MaxLength, which only a String takes.");
        }
        int length = type != SqlType.VARCHAR ? 0 : max == null ? DEFAULT_LENGTH : max.value();
        if (type == SqlType.VARCHAR && (length < 1 || length > MAX_LENGTH)) {
            throw new ThywillException(where + ": @MaxLength must be from 1 to " + MAX_LENGTH + ", not " + length
                    + ".");
        }
        Key key = component.getAnnotation(Key.class);
        boolean isKey = key != null;
        boolean generated = isKey && key.generated() && type.kind == Column.Kind.INTEGER;
        Default def = component.getAnnotation(Default.class);
        String defaultValue = def == null ? null : checkDefault(where, type, length, def.value());
        References references = component.getAnnotation(References.class);
        String name = snakeCase(component.getName());
        if (references != null && !name.endsWith("_id")) {
            throw new ThywillException(where + " has @References but its name does not end in Id; name it "
                    + component.getName() + "Id, so the relation is named " + component.getName() + ".");
        }
        return new RecordColumn(component.getName(), name, type, length, nullable, defaultValue, isKey, generated,
                component.isAnnotationPresent(Unique.class), references == null ? null : references.value(),
                component.isAnnotationPresent(Label.class));
    }

    /** @return a copy that is the key, as the component named {@code id} is without {@link Key} */
    RecordColumn asKey() {
        return new RecordColumn(component, name, type, length, nullable, defaultValue, true,
                type.kind == Column.Kind.INTEGER, unique, references, label);
    }

    private static boolean isNullable(RecordComponent component) {
        return Arrays.stream(component.getAnnotations()).anyMatch(a -> a.annotationType().getSimpleName()
                .equals("Nullable")) || Arrays.stream(component.getAnnotatedType().getAnnotations())
                .anyMatch(a -> a.annotationType().getSimpleName().equals("Nullable"));
    }

    private static String checkDefault(String where, SqlType type, int length, String value) {
        String problem = switch (type) {
            case BIGINT, INT, SMALLINT -> parses(() -> Long.parseLong(value), "an integer");
            case DOUBLE -> parses(() -> new BigDecimal(value), "a number");
            case BOOLEAN -> value.equals("true") || value.equals("false") ? null : "true or false";
            case VARCHAR -> value.length() > length ? "at most " + length + " characters"
                    : value.chars().anyMatch(c -> c == '\\' || c < ' ') ? "text without '\\' or control characters"
                    : null;
            case TIMESTAMP -> value.equals(Default.NOW) ? null : "\"" + Default.NOW + "\"";
            case DATE -> parses(() -> LocalDate.parse(value), "a date such as 2026-11-22");
        };
        if (problem != null) {
            throw new ThywillException(where + ": @Default(\"" + value + "\") must be " + problem + ".");
        }
        return value;
    }

    private static String parses(Runnable parse, String what) {
        try {
            parse.run();
            return null;
        } catch (NumberFormatException | DateTimeParseException e) {
            return what;
        }
    }

    /**
     * @param name a Java name, such as {@code joinedAt} or {@code UserPost}
     * @return it in snake case, {@code joined_at}, {@code user_post}
     */
    static String snakeCase(String name) {
        return name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }

    /**
     * @param dialect the database's
     * @return the column's SQL type as written in the DDL, {@code VARCHAR(40)}
     */
    String sqlType(Dialect dialect) {
        return type == SqlType.VARCHAR ? "VARCHAR(" + length + ")" : dialect.sqlType(type);
    }

    /** @return the default as an SQL literal, or null */
    String defaultSql() {
        if (defaultValue == null) {
            return null;
        }
        return switch (type) {
            case TIMESTAMP -> "CURRENT_TIMESTAMP(3)";
            case BOOLEAN -> defaultValue.toUpperCase(Locale.ROOT);
            case BIGINT, INT, SMALLINT, DOUBLE -> defaultValue;
            case VARCHAR, DATE -> "'" + defaultValue.replace("'", "''") + "'";
        };
    }
}

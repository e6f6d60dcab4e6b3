package org.thywill.resources;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Converts between JSON values and the JDBC values of a column, checking type, range, length and nullability so
 * that a bad value is refused with a 400 naming its field before the database sees it.
 */
final class Values {

    private static final BigDecimal LONG_MAX = BigDecimal.valueOf(Long.MAX_VALUE);

    private Values() {
    }

    /**
     * @param column the column
     * @param value a JSON value (String, Long, Double, Boolean or null)
     * @return the value to bind, null for SQL NULL
     * @throws ResourceException 400 naming the column when the value does not fit
     */
    static Object toJdbc(Column column, Object value) {
        String name = column.name();
        if (value == null) {
            if (!column.nullable()) {
                throw ResourceException.badField(name, name + " may not be null.");
            }
            return null;
        }
        return switch (column.kind()) {
            case INTEGER -> integer(column, value);
            case NUMBER -> {
                if (!(value instanceof Number n)) {
                    throw wrongType(column, value);
                }
                yield inRange(column, n instanceof Long l ? BigDecimal.valueOf(l) : BigDecimal.valueOf(n.doubleValue()),
                        value);
            }
            case BOOLEAN -> {
                if (!(value instanceof Boolean b)) {
                    throw wrongType(column, value);
                }
                yield b;
            }
            case TEXT -> {
                if (!(value instanceof String s)) {
                    throw wrongType(column, value);
                }
                if (column.size() > 0 && s.codePointCount(0, s.length()) > column.size()) {
                    throw ResourceException.badField(name, name + " may be at most " + column.size()
                            + " characters long, not " + s.codePointCount(0, s.length()) + ".");
                }
                if (column.maxBytes() > 0 && utf8Length(s) > column.maxBytes()) {
                    throw ResourceException.badField(name, name + " may be at most " + column.maxBytes()
                            + " bytes long in UTF-8, not " + utf8Length(s) + ".");
                }
                yield s;
            }
            case TIMESTAMP -> {
                if (!(value instanceof String s)) {
                    throw wrongType(column, value);
                }
                yield Timestamp.from(inRange(column, instant(name, s), value));
            }
            case DATE -> {
                if (!(value instanceof String s)) {
                    throw wrongType(column, value);
                }
                LocalDate date;
                try {
                    date = LocalDate.parse(s);
                } catch (DateTimeParseException e) {
                    throw ResourceException.badField(name, name + " must be a date such as 2026-11-22, not \""
                            + s + "\".");
                }
                yield Date.valueOf(inRange(column, date, value));
            }
            case OTHER -> throw ResourceException.badField(name, name + " is a " + column.sqlType()
                    + " column, which this API does not write.");
        };
    }

    /**
     * @param column the column
     * @param text a query parameter's value
     * @return the value to compare with, converted as a JSON value of the column's kind would be
     */
    static Object fromQuery(Column column, String text) {
        Object value = switch (column.kind()) {
            case INTEGER -> parseLong(column, text);
            case NUMBER -> {
                try {
                    yield Double.parseDouble(text);
                } catch (NumberFormatException e) {
                    throw wrongType(column, text);
                }
            }
            case BOOLEAN -> {
                if (!text.equals("true") && !text.equals("false")) {
                    throw wrongType(column, text);
                }
                yield Boolean.valueOf(text);
            }
            default -> text;
        };
        return toJdbc(column, value);
    }

    private static Object parseLong(Column column, String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw wrongType(column, text);
        }
    }

    private static Long integer(Column column, Object value) {
        long n;
        if (value instanceof Long l) {
            n = l;
        } else if (value instanceof Integer i) {
            n = i;
        } else if (value instanceof Double d && d == Math.rint(d) && Math.abs(d) < 9.0e15) {
            n = d.longValue();
        } else if (value instanceof Double d && d == Math.rint(d) && column.range() != null
                && !column.range().holds(new BigDecimal(d))) {
            throw outOfRange(column, value); // an integer too large for a long: JSON reads it as a double
        } else {
            throw wrongType(column, value);
        }
        return inRange(column, n, value);
    }

    private static long utf8Length(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }

    /** @return {@code checked}, when the column's range holds it */
    private static <T> T inRange(Column column, T checked, Object given) {
        if (column.range() != null && !column.range().holds(checked)) {
            throw outOfRange(column, given);
        }
        return checked;
    }

    private static ResourceException outOfRange(Column column, Object given) {
        String shown = given instanceof String s ? "\"" + s + "\"" : String.valueOf(given);
        return ResourceException.badField(column.name(), column.name() + " must be between "
                + ColumnRange.json(column.range().minimum()) + " and " + ColumnRange.json(column.range().maximum())
                + ", not " + shown + ".");
    }

    private static Instant instant(String name, String text) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException notOffset) {
            try {
                return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e) {
                throw ResourceException.badField(name, name + " must be a date and time such as"
                        + " 2026-11-22T10:15:30Z, not \"" + text + "\".");
            }
        }
    }

    private static ResourceException wrongType(Column column, Object value) {
        String what = switch (column.kind()) {
            case INTEGER -> "an integer";
            case NUMBER -> "a number";
            case BOOLEAN -> "true or false";
            case TEXT -> "a string";
            case TIMESTAMP -> "a date and time such as 2026-11-22T10:15:30Z";
            case DATE -> "a date such as 2026-11-22";
            case OTHER -> "a value this API does not write";
        };
        String given = value instanceof String s ? "\"" + s + "\"" : String.valueOf(value);
        return ResourceException.badField(column.name(), column.name() + " must be " + what + ", not " + given
                + ".");
    }

    /**
     * @param rows a result set positioned on a row
     * @param schema the table's schema
     * @return the row as a JSON object, columns in table order
     */
    static Map<String, Object> row(ResultSet rows, TableSchema schema) throws SQLException {
        Map<String, Object> row = new LinkedHashMap<>();
        for (Column column : schema.columns().values()) {
            row.put(column.name(), read(rows, column));
        }
        return row;
    }

    private static Object read(ResultSet rows, Column column) throws SQLException {
        String name = column.name();
        Object value = switch (column.kind()) {
            case INTEGER -> rows.getLong(name);
            case NUMBER -> {
                BigDecimal d = rows.getBigDecimal(name);
                // An integral value past a long's range (a DOUBLE holding 1e39) is a double, not a wrapped long.
                yield d == null ? null : (d.scale() <= 0 || d.stripTrailingZeros().scale() <= 0)
                        && d.abs().compareTo(LONG_MAX) <= 0 ? (Object) d.longValueExact() : (Object) d.doubleValue();
            }
            case BOOLEAN -> rows.getBoolean(name);
            case TIMESTAMP -> {
                Timestamp t = rows.getTimestamp(name);
                yield t == null ? null : t.toInstant().toString();
            }
            case DATE -> {
                Date d = rows.getDate(name);
                yield d == null ? null : d.toLocalDate().toString();
            }
            case TEXT, OTHER -> rows.getString(name);
        };
        return rows.wasNull() ? null : value;
    }
}

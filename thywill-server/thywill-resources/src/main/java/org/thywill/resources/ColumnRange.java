package org.thywill.resources;

import java.math.BigDecimal;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Locale;

/**
 * The smallest and largest value a column's type holds in the database at hand, so that {@link Values} refuses a
 * value outside them with a 400 rather than the database storing it altered (a year far past 9999 came back as
 * another year) or failing with a 500.
 *
 * <p>Bounds, by the JSON kind they are read as: {@link Long} for integers (TINYINT 8 bits, SMALLINT 16, MEDIUMINT 24,
 * INT 32, BIGINT 64; UNSIGNED from 0), {@link BigDecimal} for DECIMAL(p,s) and {@link Double} for REAL (DOUBLE and
 * FLOAT take any JSON number), {@link Instant} for timestamps and {@link LocalDate} for dates. Timestamps: a MySQL
 * or MariaDB TIMESTAMP holds 1970-01-01T00:00:01Z to 2038-01-19T03:14:07Z; any other date and time, 1000-01-01 (on
 * MySQL and MariaDB) or 0001-01-01 to 9999-12-31T23:59:59 in the JVM's time zone, in which JDBC writes a time
 * without a zone. Dates: 1000-01-01 (MySQL, MariaDB) or 0001-01-01 to 9999-12-31.
 *
 * @param minimum the smallest value
 * @param maximum the largest value
 */
public record ColumnRange(Object minimum, Object maximum) {

    private static final LocalDate LAST_DAY = LocalDate.of(9999, 12, 31);
    private static final LocalDate MYSQL_FIRST_DAY = LocalDate.of(1000, 1, 1);
    private static final LocalDate FIRST_DAY = LocalDate.of(1, 1, 1);

    /**
     * @param kind the column's kind
     * @param type its JDBC type
     * @param typeName the database's name for it, such as {@code INT UNSIGNED}
     * @param size its precision, for DECIMAL
     * @param digits its scale, for DECIMAL
     * @param dialect the database's
     * @return its range, or null when nothing past what its JSON kind allows is checked
     */
    static ColumnRange of(Column.Kind kind, int type, String typeName, long size, int digits, Dialect dialect) {
        boolean mysql = dialect == Dialect.MYSQL;
        String name = typeName == null ? "" : typeName.toUpperCase(Locale.ROOT);
        return switch (kind) {
            case INTEGER -> integer(type, name);
            case NUMBER -> number(type, size, digits);
            case TIMESTAMP -> mysql && name.startsWith("TIMESTAMP")
                    ? new ColumnRange(Instant.parse("1970-01-01T00:00:01Z"), Instant.parse("2038-01-19T03:14:07Z"))
                    : new ColumnRange(local((mysql ? MYSQL_FIRST_DAY : FIRST_DAY).atStartOfDay()),
                            local(LAST_DAY.atTime(23, 59, 59)));
            case DATE -> new ColumnRange(mysql ? MYSQL_FIRST_DAY : FIRST_DAY, LAST_DAY);
            default -> null;
        };
    }

    private static ColumnRange integer(int type, String name) {
        boolean unsigned = name.contains("UNSIGNED");
        String base = name.replace("UNSIGNED", "").trim();
        int bits = switch (base) {
            case "TINYINT" -> 8;
            case "SMALLINT" -> 16;
            case "MEDIUMINT" -> 24;
            case "INT", "INTEGER" -> 32;
            case "BIGINT" -> 64;
            default -> type == Types.TINYINT ? 8 : type == Types.SMALLINT ? 16 : type == Types.INTEGER ? 32 : 64;
        };
        if (unsigned) {
            return new ColumnRange(0L, bits == 64 ? Long.MAX_VALUE : (1L << bits) - 1);
        }
        return bits == 64 ? new ColumnRange(Long.MIN_VALUE, Long.MAX_VALUE)
                : new ColumnRange(-(1L << (bits - 1)), (1L << (bits - 1)) - 1);
    }

    private static ColumnRange number(int type, long precision, int scale) {
        if (type == Types.REAL) {
            return new ColumnRange(-(double) Float.MAX_VALUE, (double) Float.MAX_VALUE);
        }
        if ((type == Types.DECIMAL || type == Types.NUMERIC) && precision > 0 && precision <= 1000 && scale >= 0
                && scale <= precision) {
            BigDecimal max = BigDecimal.ONE.movePointRight((int) (precision - scale))
                    .subtract(BigDecimal.ONE.movePointLeft(scale));
            return new ColumnRange(max.negate(), max);
        }
        return null;
    }

    private static Instant local(LocalDateTime time) {
        return time.atZone(ZoneId.systemDefault()).toInstant();
    }

    /**
     * @param value a value of the column's kind: Long, BigDecimal, Instant or LocalDate
     * @return whether it lies within the range, both ends included
     */
    boolean holds(Object value) {
        if (value instanceof Long n) {
            return n >= (Long) minimum && n <= (Long) maximum;
        }
        if (value instanceof BigDecimal d) {
            return d.compareTo(decimal(minimum)) >= 0 && d.compareTo(decimal(maximum)) <= 0;
        }
        if (value instanceof Instant t) {
            return !t.isBefore((Instant) minimum) && !t.isAfter((Instant) maximum);
        }
        if (value instanceof LocalDate d) {
            return !d.isBefore((LocalDate) minimum) && !d.isAfter((LocalDate) maximum);
        }
        throw new IllegalArgumentException("No range check for " + value.getClass().getName());
    }

    private static BigDecimal decimal(Object bound) {
        return bound instanceof BigDecimal d ? d : new BigDecimal(bound.toString());
    }

    /** @return the bound as the schema document shows it: a number, or an ISO-8601 string */
    static Object json(Object bound) {
        return bound instanceof Instant || bound instanceof LocalDate ? bound.toString() : bound;
    }
}

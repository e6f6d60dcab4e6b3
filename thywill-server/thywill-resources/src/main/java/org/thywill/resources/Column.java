package org.thywill.resources;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One column of a resource's table, as the database's JDBC metadata describes it.
 *
 * @param name the column's name, as the database reports it
 * @param kind the JSON value it takes
 * @param sqlType the database's type name, such as {@code VARCHAR}
 * @param size the maximum length of a text column, or 0 for no limit that applies
 * @param maxBytes the most bytes of UTF-8 a text column holds whatever its characters (MySQL's TEXT: 65,535), or 0
 * @param nullable whether it may hold null
 * @param hasDefault whether the database fills it when a row is created without it
 * @param generated whether the database generates it (an auto-increment key)
 * @param primaryKey whether it is the table's primary key
 * @param range the smallest and largest value its type holds in this database, or null when only its kind is
 *              checked (text, booleans, DOUBLE); a value outside is refused with a 400 naming both
 */
public record Column(String name, Kind kind, String sqlType, long size, long maxBytes, boolean nullable, boolean hasDefault,
                     boolean generated, boolean primaryKey, ColumnRange range) {

    /** The JSON value a column takes, and how it is stored. */
    public enum Kind {
        /** A JSON integer (TINYINT, SMALLINT, INTEGER, BIGINT). */
        INTEGER("integer"),
        /** A JSON number (DECIMAL, NUMERIC, REAL, FLOAT, DOUBLE). */
        NUMBER("number"),
        /** true or false (BOOLEAN, BIT). */
        BOOLEAN("boolean"),
        /** A string (CHAR, VARCHAR, TEXT, CLOB). */
        TEXT("string"),
        /** An ISO-8601 date and time, such as {@code 2026-11-22T10:15:30Z} (TIMESTAMP, DATETIME). */
        TIMESTAMP("timestamp"),
        /** An ISO-8601 date, such as {@code 2026-11-22} (DATE). */
        DATE("date"),
        /** Any other type: read as text, never written through the API. */
        OTHER("other");

        private final String json;

        Kind(String json) {
            this.json = json;
        }

        /** @return the name the schema document uses */
        public String jsonName() {
            return json;
        }
    }

    /** @return whether a new row must give it: not null, no default, not generated */
    public boolean required() {
        return !nullable && !hasDefault && !generated;
    }

    /** @return the column as the schema document ({@code GET /api/{app}/}) shows it */
    public Map<String, Object> describe() {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("name", name);
        d.put("type", kind.jsonName());
        d.put("sqlType", sqlType);
        if (size > 0) {
            d.put("maxLength", size);
        }
        if (maxBytes > 0) {
            d.put("maxBytes", maxBytes);
        }
        if (range != null) {
            d.put("minimum", ColumnRange.json(range.minimum()));
            d.put("maximum", ColumnRange.json(range.maximum()));
        }
        d.put("required", required());
        d.put("nullable", nullable);
        d.put("generated", generated);
        d.put("primaryKey", primaryKey);
        return d;
    }
}

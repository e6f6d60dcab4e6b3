package org.thywill.resources;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The query of a list request: {@code limit} (1 to {@value #MAX_LIMIT}, default {@value #DEFAULT_LIMIT}),
 * {@code offset} (default 0), {@code sort} (a column, {@code -column} for descending; the primary key by default)
 * and any column name as an equality filter ({@code ?user_id=3}; the value {@code null} matches SQL NULL).
 *
 * @param filters the columns to match, with the values to match (null for SQL NULL)
 * @param sort the column to sort by
 * @param descending whether to sort from the largest
 * @param limit how many rows at most
 * @param offset how many matching rows to skip
 */
record ListQuery(Map<Column, Object> filters, Column sort, boolean descending, int limit, long offset) {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 500;

    /**
     * @param parameters the request's query parameters
     * @param schema the table's schema
     * @return the query
     * @throws ResourceException 400 naming the parameter that is not understood
     */
    static ListQuery parse(Map<String, String> parameters, TableSchema schema) {
        Map<Column, Object> filters = new LinkedHashMap<>();
        Column sort = schema.primaryKey();
        boolean descending = false;
        int limit = DEFAULT_LIMIT;
        long offset = 0;
        for (Map.Entry<String, String> p : parameters.entrySet()) {
            String name = p.getKey();
            String value = p.getValue();
            switch (name) {
                case "limit" -> limit = (int) number(name, value, 1, MAX_LIMIT);
                case "offset" -> offset = number(name, value, 0, Long.MAX_VALUE);
                case "sort" -> {
                    descending = value.startsWith("-");
                    String column = descending ? value.substring(1) : value;
                    sort = schema.column(column).orElseThrow(() -> ResourceException.badField("sort", "sort names"
                            + " no column: '" + column + "'. Columns: " + schema.columns().keySet() + "."));
                }
                default -> {
                    Column column = schema.column(name).orElseThrow(() -> ResourceException.badField(name,
                            "'" + name + "' is neither a column nor limit, offset or sort. Columns: "
                                    + schema.columns().keySet() + "."));
                    filters.put(column, value.equals("null") ? null : Values.fromQuery(column, value));
                }
            }
        }
        return new ListQuery(filters, sort, descending, limit, offset);
    }

    private static long number(String name, String value, long min, long max) {
        try {
            long n = Long.parseLong(value);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ResourceException.badField(name, name + " must be an integer from " + min + " to " + max + ", not '"
                + value + "'.");
    }
}

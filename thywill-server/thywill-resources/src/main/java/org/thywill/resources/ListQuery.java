package org.thywill.resources;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The query of a list request: {@code limit} (1 to {@value #MAX_LIMIT}, default {@value #DEFAULT_LIMIT}),
 * {@code offset} (default 0), {@code sort} (a column, {@code -column} for descending; the primary key by default)
 * and any column name as an equality filter ({@code ?user_id=3}; the value {@code null} matches SQL NULL);
 * {@code expand} (relations to embed, separated by commas: {@code ?expand=user}) and a relation's column as an
 * equality filter across it ({@code ?user.user_name=ada}).
 *
 * @param filters the columns to match, with the values to match (null for SQL NULL)
 * @param sort the column to sort by
 * @param descending whether to sort from the largest
 * @param limit how many rows at most
 * @param offset how many matching rows to skip
 * @param expand the relations whose rows to embed
 * @param related the filters across relations
 */
record ListQuery(Map<Column, Object> filters, Column sort, boolean descending, int limit, long offset,
                 List<Relation> expand, List<RelatedFilter> related) {

    static final String EXPAND = "expand";

    /**
     * Rows whose relation leads to a row with this value in this column.
     *
     * @param relation the relation
     * @param column a column of the related resource
     * @param value the value to match, null for SQL NULL
     */
    record RelatedFilter(Relation relation, Column column, Object value) {
    }

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 500;

    /**
     * @param parameters the request's query parameters
     * @param schema the table's schema
     * @param relations the resource's relations, by name
     * @return the query
     * @throws ResourceException 400 naming the parameter that is not understood
     */
    static ListQuery parse(Map<String, String> parameters, TableSchema schema, Map<String, Relation> relations) {
        List<Relation> expand = List.of();
        List<RelatedFilter> related = new ArrayList<>();
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
                case EXPAND -> expand = expand(value, relations);
                default -> {
                    if (name.contains(".")) {
                        related.add(related(name, value, relations));
                        continue;
                    }
                    Column column = schema.column(name).orElseThrow(() -> ResourceException.badField(name,
                            "'" + name + "' is neither a column nor limit, offset, sort or expand. Columns: "
                                    + schema.columns().keySet() + "."));
                    filters.put(column, value.equals("null") ? null : Values.fromQuery(column, value));
                }
            }
        }
        return new ListQuery(filters, sort, descending, limit, offset, expand, List.copyOf(related));
    }

    /**
     * @param value the {@code expand} parameter: relation names separated by commas, or null
     * @param relations the resource's relations
     * @return the relations named
     * @throws ResourceException 400 naming {@code expand} for a name that is no relation
     */
    static List<Relation> expand(String value, Map<String, Relation> relations) {
        if (value == null) {
            return List.of();
        }
        List<Relation> expand = new ArrayList<>();
        for (String name : value.split(",", -1)) {
            Relation relation = relations.get(name.strip());
            if (relation == null) {
                throw ResourceException.badField(EXPAND, "expand names no relation: '" + name + "'. Relations: "
                        + relations.keySet() + ".");
            }
            if (!expand.contains(relation)) {
                expand.add(relation);
            }
        }
        return List.copyOf(expand);
    }

    private static RelatedFilter related(String name, String value, Map<String, Relation> relations) {
        int dot = name.indexOf('.');
        Relation relation = relations.get(name.substring(0, dot));
        if (relation == null) {
            throw ResourceException.badField(name, "'" + name.substring(0, dot) + "' in '" + name + "' is no"
                    + " relation. Relations: " + relations.keySet() + ".");
        }
        TableSchema target = relation.target().schema();
        String columnName = name.substring(dot + 1);
        Column column = target.column(columnName).orElseThrow(() -> ResourceException.badField(name, "'"
                + columnName + "' in '" + name + "' is not a column of " + relation.target().name() + ". Columns: "
                + target.columns().keySet() + "."));
        try {
            return new RelatedFilter(relation, column, value.equals("null") ? null : Values.fromQuery(column, value));
        } catch (ResourceException e) {
            throw ResourceException.badField(name, name + ": " + e.getMessage());
        }
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

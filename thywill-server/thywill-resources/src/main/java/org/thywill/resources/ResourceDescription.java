package org.thywill.resources;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds a resource's entry of the schema document, so that Resource keeps to its rows. */
final class ResourceDescription {

    private ResourceDescription() {
    }

    /**
     * @param resource the resource, started
     * @param schema its table
     * @param declared the record it was declared from, or null for a table
     * @return the resource as the schema document shows it
     */
    static Map<String, Object> of(Resource resource, TableSchema schema, RecordTable declared) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("name", resource.name());
        d.put("primaryKey", schema.primaryKey().name());
        d.put("channel", resource.channel());
        List<Map<String, Object>> columns = new ArrayList<>();
        for (Column column : schema.columns().values()) {
            Map<String, Object> c = new LinkedHashMap<>(column.describe());
            resource.relations().values().stream().filter(r -> r.column().equals(column)).findFirst().ifPresent(r ->
                    c.put("references", Map.of("resource", r.target().name(), "relation", r.name())));
            columns.add(c);
        }
        d.put("columns", columns);
        d.put("label", label(schema, declared));
        return d;
    }

    /** @return the column that names a row to people: the record's label, a unique text column, a text
     *          column, or the key */
    private static String label(TableSchema schema, RecordTable declared) {
        if (declared != null) {
            return schema.column(declared.label().name()).map(Column::name).orElse(schema.primaryKey().name());
        }
        List<Column> text = schema.columns().values().stream().filter(c -> c.kind() == Column.Kind.TEXT
                && !c.primaryKey()).toList();
        return text.stream().filter(c -> schema.unique().stream().anyMatch(u -> u.equalsIgnoreCase(c.name())))
                .findFirst().or(() -> text.stream().findFirst()).orElse(schema.primaryKey()).name();
    }
}

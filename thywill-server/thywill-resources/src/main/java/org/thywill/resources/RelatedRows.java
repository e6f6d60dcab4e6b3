package org.thywill.resources;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Finds a resource's relations to other resources and embeds the rows they lead to, apart from the row operations. */
final class RelatedRows {

    private RelatedRows() {
    }

    /**
     * @param schema the resource's table
     * @param all every resource of the application, started
     * @return the relations of the table's foreign keys to the keys of those resources, by name
     */
    static Map<String, Relation> find(TableSchema schema, List<Resource> all) {
        Map<String, Relation> found = new LinkedHashMap<>();
        schema.references().forEach((columnName, reference) -> {
            Column column = schema.column(columnName).orElse(null);
            String relation = column == null ? null : Relation.nameOf(column);
            if (relation == null || schema.column(relation).isPresent()) {
                return;
            }
            all.stream().filter(r -> r.schema().table().equalsIgnoreCase(reference.table())
                            && r.schema().primaryKey().name().equalsIgnoreCase(reference.column()))
                    .findFirst().ifPresent(target -> found.put(relation, new Relation(relation, column, target)));
        });
        return Map.copyOf(found);
    }

    /**
     * Embeds, in each row, the row each relation refers to under the relation's name (null when the reference is
     * null), reading each related resource once.
     */
    static List<Map<String, Object>> embed(List<Map<String, Object>> rows, List<Relation> relations) {
        if (relations.isEmpty() || rows.isEmpty()) {
            return rows;
        }
        List<Map<String, Object>> expanded = rows.stream().map(r -> (Map<String, Object>) new LinkedHashMap<>(r))
                .toList();
        for (Relation relation : relations) {
            String column = relation.column().name();
            Set<Object> ids = new LinkedHashSet<>();
            expanded.forEach(r -> {
                if (r.get(column) != null) {
                    ids.add(r.get(column));
                }
            });
            Map<Object, Map<String, Object>> found = relation.target().readAll(ids);
            expanded.forEach(r -> r.put(relation.name(), r.get(column) == null ? null : found.get(r.get(column))));
        }
        return expanded;
    }
}

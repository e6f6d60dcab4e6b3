package org.thywill.resources;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import javax.sql.DataSource;

/**
 * The SQL of one resource's table: plain JDBC that H2 in MySQL mode, MySQL, MariaDB and PostgreSQL all accept, the
 * {@link Dialect} quoting every name (so a column may be named {@code order}) and writing the one insert that differs.
 * Names come from the table's metadata, never from a request, so they are safe to write into the statements.
 */
final class TableStore {

    private final DataSource dataSource;
    private final TableSchema schema;

    TableStore(DataSource dataSource, TableSchema schema) {
        this.dataSource = dataSource;
        this.schema = schema;
    }

    private String q(Column column) {
        return schema.quote(column.name());
    }

    private String table() {
        return schema.quotedTable();
    }

    private String key() {
        return q(schema.primaryKey());
    }

    /** A page of rows and how many match in all. */
    record Page(List<Map<String, Object>> rows, long total) {
    }

    Page list(ListQuery query) throws SQLException {
        StringJoiner where = new StringJoiner(" AND ", " WHERE ", "").setEmptyValue("");
        List<Object> arguments = new ArrayList<>();
        query.filters().forEach((column, value) -> {
            if (value == null) {
                where.add(q(column) + " IS NULL");
            } else {
                where.add(q(column) + " = ?");
                arguments.add(value);
            }
        });
        for (ListQuery.RelatedFilter f : query.related()) {
            TableSchema target = f.relation().target().schema();
            where.add(q(f.relation().column()) + " IN (SELECT " + target.quote(target.primaryKey().name())
                    + " FROM " + target.quotedTable() + " WHERE " + target.quote(f.column().name())
                    + (f.value() == null ? " IS NULL)" : " = ?)"));
            if (f.value() != null) {
                arguments.add(f.value());
            }
        }
        String order = " ORDER BY " + q(query.sort()) + (query.descending() ? " DESC" : " ASC")
                + (query.sort().primaryKey() ? "" : ", " + key() + " ASC");
        try (Connection c = dataSource.getConnection()) {
            long total;
            try (PreparedStatement count = c.prepareStatement("SELECT COUNT(*) FROM " + table() + where)) {
                bind(count, arguments);
                try (ResultSet rs = count.executeQuery()) {
                    rs.next();
                    total = rs.getLong(1);
                }
            }
            List<Map<String, Object>> rows = new ArrayList<>();
            try (PreparedStatement select = c.prepareStatement("SELECT * FROM " + table() + where + order
                    + " LIMIT ? OFFSET ?")) {
                List<Object> all = new ArrayList<>(arguments);
                all.add(query.limit());
                all.add(query.offset());
                bind(select, all);
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        rows.add(Values.row(rs, schema));
                    }
                }
            }
            return new Page(rows, total);
        }
    }

    Optional<Map<String, Object>> read(Object id) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement select = c.prepareStatement("SELECT * FROM " + table() + " WHERE " + key()
                     + " = ?")) {
            select.setObject(1, id);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? Optional.of(Values.row(rs, schema)) : Optional.empty();
            }
        }
    }

    /**
     * @param ids primary keys
     * @return the rows of those that exist, by key as read back
     */
    Map<Object, Map<String, Object>> readAll(Collection<Object> ids) throws SQLException {
        Map<Object, Map<String, Object>> rows = new HashMap<>();
        if (ids.isEmpty()) {
            return rows;
        }
        StringJoiner marks = new StringJoiner(", ", "(", ")");
        ids.forEach(id -> marks.add("?"));
        try (Connection c = dataSource.getConnection();
             PreparedStatement select = c.prepareStatement("SELECT * FROM " + table() + " WHERE " + key()
                     + " IN " + marks)) {
            bind(select, new ArrayList<>(ids));
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    Map<String, Object> row = Values.row(rs, schema);
                    rows.put(row.get(schema.primaryKey().name()), row);
                }
            }
        }
        return rows;
    }

    /** @return the new row's primary key */
    Object insert(Map<Column, Object> values) throws SQLException {
        StringJoiner names = new StringJoiner(", ");
        StringJoiner marks = new StringJoiner(", ");
        values.keySet().forEach(column -> {
            names.add(q(column));
            marks.add("?");
        });
        String sql = values.isEmpty() ? schema.dialect().insertDefaults(table())
                : "INSERT INTO " + table() + " (" + names + ") VALUES (" + marks + ")";
        Column key = schema.primaryKey();
        // The key by name: PostgreSQL would otherwise return every column, not the key first.
        try (Connection c = dataSource.getConnection();
             PreparedStatement insert = c.prepareStatement(sql, new String[] {key.name()})) {
            bind(insert, new ArrayList<>(values.values()));
            insert.executeUpdate();
            if (values.containsKey(key)) {
                return values.get(key);
            }
            try (ResultSet keys = insert.getGeneratedKeys()) {
                if (!keys.next()) {
                    throw new SQLException("The database gave no key for the new row of " + schema.table());
                }
                return key.kind() == Column.Kind.INTEGER ? (Object) keys.getLong(1) : keys.getString(1);
            }
        }
    }

    /** @return whether the row exists */
    boolean update(Object id, Map<Column, Object> values) throws SQLException {
        if (values.isEmpty()) {
            return read(id).isPresent();
        }
        StringJoiner sets = new StringJoiner(", ");
        values.keySet().forEach(column -> sets.add(q(column) + " = ?"));
        try (Connection c = dataSource.getConnection();
             PreparedStatement update = c.prepareStatement("UPDATE " + table() + " SET " + sets + " WHERE "
                     + key() + " = ?")) {
            List<Object> arguments = new ArrayList<>(values.values());
            arguments.add(id);
            bind(update, arguments);
            // MySQL counts changed rows, not matched ones: an update that changes nothing counts 0.
            return update.executeUpdate() > 0 || read(id).isPresent();
        }
    }

    /** @return whether a row was deleted */
    boolean delete(Object id) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement delete = c.prepareStatement("DELETE FROM " + table() + " WHERE " + key()
                     + " = ?")) {
            delete.setObject(1, id);
            return delete.executeUpdate() > 0;
        }
    }

    /**
     * Names the field of a refused write once the database reported an integrity violation: a unique column whose
     * value another row has, or a reference to a row that does not exist.
     *
     * @param values the values written
     * @param id the row written, or null for a new one
     * @return the field and what is wrong with it, if one is found
     */
    Optional<ResourceException> explainConflict(Map<Column, Object> values, Object id) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            for (String unique : schema.unique()) {
                Column column = schema.columns().get(unique);
                if (column == null || !values.containsKey(column) || values.get(column) == null) {
                    continue;
                }
                String sql = "SELECT COUNT(*) FROM " + table() + " WHERE " + q(column) + " = ?"
                        + (id == null ? "" : " AND " + key() + " <> ?");
                try (PreparedStatement select = c.prepareStatement(sql)) {
                    select.setObject(1, values.get(column));
                    if (id != null) {
                        select.setObject(2, id);
                    }
                    try (ResultSet rs = select.executeQuery()) {
                        if (rs.next() && rs.getLong(1) > 0) {
                            return Optional.of(new ResourceException(409, column.name(), "Another row already has"
                                    + " this " + column.name() + "; it must be unique."));
                        }
                    }
                }
            }
            for (Map.Entry<String, TableSchema.Reference> ref : schema.references().entrySet()) {
                Column column = schema.column(ref.getKey()).orElse(null);
                if (column == null || !values.containsKey(column) || values.get(column) == null) {
                    continue;
                }
                try (PreparedStatement select = c.prepareStatement("SELECT COUNT(*) FROM "
                        + schema.quote(ref.getValue().table()) + " WHERE " + schema.quote(ref.getValue().column())
                        + " = ?")) {
                    select.setObject(1, values.get(column));
                    try (ResultSet rs = select.executeQuery()) {
                        if (rs.next() && rs.getLong(1) == 0) {
                            return Optional.of(new ResourceException(409, column.name(), column.name() + " "
                                    + values.get(column) + " refers to no row of " + ref.getValue().table() + "."));
                        }
                    }
                }
            }
        }
        return Optional.empty();
    }

    private static void bind(PreparedStatement statement, List<Object> arguments) throws SQLException {
        for (int i = 0; i < arguments.size(); i++) {
            statement.setObject(i + 1, arguments.get(i));
        }
    }
}

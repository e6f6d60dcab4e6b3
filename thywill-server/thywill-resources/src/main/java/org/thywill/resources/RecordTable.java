package org.thywill.resources;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.function.Function;
import org.thywill.api.ThywillException;

/**
 * The table a record declares: a column per component, in order, read when the resource is declared. It writes the
 * {@code CREATE TABLE} that makes the table where none exists (in the {@link Dialect} of H2, MySQL and MariaDB, or
 * PostgreSQL), and {@link SchemaCheck} compares it with the table that does.
 *
 * @param type the record
 * @param table the table named by {@link Table}, or null for the default {@code {applicationId}_{record_name}}
 * @param columns its columns, in component order
 */
record RecordTable(Class<? extends Record> type, String table, List<RecordColumn> columns) {

    RecordTable {
        columns = List.copyOf(columns);
    }

    /**
     * @param type a record
     * @return its table
     * @throws ThywillException naming the component or annotation that cannot be used
     */
    static RecordTable of(Class<? extends Record> type) {
        if (!type.isRecord()) {
            throw new ThywillException(type.getName() + " is not a record.");
        }
        List<RecordColumn> columns = Arrays.stream(type.getRecordComponents())
                .map(c -> RecordColumn.of(type, c)).toList();
        long keys = columns.stream().filter(RecordColumn::key).count();
        if (keys > 1) {
            throw new ThywillException(type.getSimpleName() + " has @Key on " + keys + " components; a resource has"
                    + " one key.");
        }
        if (keys == 0) {
            columns = columns.stream().map(c -> c.name().equals("id") ? c.asKey() : c).toList();
            if (columns.stream().noneMatch(RecordColumn::key)) {
                throw new ThywillException(type.getSimpleName() + " has no key: add a component 'long id' (generated"
                        + " by the database) or mark one with @Key.");
            }
        }
        if (columns.stream().filter(RecordColumn::label).count() > 1) {
            throw new ThywillException(type.getSimpleName() + " has @Label on more than one component.");
        }
        Table table = type.getAnnotation(Table.class);
        return new RecordTable(type, table == null ? null : table.value(), columns);
    }

    /**
     * @param applicationId the application's id
     * @return the table's name: {@link Table}'s, or {@code {applicationId}_{record_name}}
     */
    String tableName(String applicationId) {
        return table != null ? table : applicationId.replaceAll("[^A-Za-z0-9_]", "_").toLowerCase(Locale.ROOT) + "_"
                + RecordColumn.snakeCase(type.getSimpleName());
    }

    /** @return the key's column */
    RecordColumn key() {
        return columns.stream().filter(RecordColumn::key).findFirst().orElseThrow();
    }

    /** @return the column that names a row to people: {@link Label}'s, a unique text column, a text column, or the key */
    RecordColumn label() {
        Optional<RecordColumn> text = columns.stream().filter(c -> c.type() == RecordColumn.SqlType.VARCHAR)
                .filter(c -> !c.key()).findFirst();
        return columns.stream().filter(RecordColumn::label).findFirst()
                .or(() -> columns.stream().filter(c -> c.unique() && c.type() == RecordColumn.SqlType.VARCHAR)
                        .findFirst())
                .or(() -> text).orElse(key());
    }

    /**
     * @param name this table's name
     * @param tableOf the table of a record this one refers to
     * @param dialect the database's
     * @return {@code CREATE TABLE IF NOT EXISTS ...}, every name quoted
     */
    String createSql(String name, Function<Class<? extends Record>, RecordTable.Target> tableOf, Dialect dialect) {
        StringJoiner parts = new StringJoiner(",\n    ", "CREATE TABLE IF NOT EXISTS " + dialect.quote(name)
                + " (\n    ", "\n)" + dialect.tableOptions());
        for (RecordColumn c : columns) {
            StringBuilder line = new StringBuilder(dialect.quote(c.name())).append(' ').append(c.sqlType(dialect));
            line.append(c.nullable() ? " NULL" : " NOT NULL");
            if (c.defaultSql() != null) {
                line.append(" DEFAULT ").append(c.defaultSql());
            }
            if (c.generated()) {
                line.append(dialect.generatedKey());
            }
            if (c.key()) {
                line.append(" PRIMARY KEY");
            }
            parts.add(line);
        }
        for (RecordColumn c : columns) {
            if (c.unique()) {
                parts.add("UNIQUE (" + dialect.quote(c.name()) + ")");
            }
            if (c.references() != null) {
                Target target = tableOf.apply(c.references());
                parts.add("FOREIGN KEY (" + dialect.quote(c.name()) + ") REFERENCES " + dialect.quote(target.table())
                        + " (" + dialect.quote(target.key()) + ")");
            }
        }
        return parts.toString();
    }

    /**
     * A table a foreign key refers to.
     *
     * @param table its name
     * @param key its key column
     */
    record Target(String table, String key) {
    }
}

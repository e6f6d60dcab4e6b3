package org.thywill.resources;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.thywill.api.ThywillException;

/**
 * A table's columns, primary key, unique columns and foreign keys, read once from JDBC metadata when the
 * application starts (after its migrations ran), so validation follows the schema the migrations made.
 *
 * @param table the table's name as the database reports it
 * @param columns the columns in table order, by name
 * @param primaryKey the single-column primary key
 * @param unique the columns with a single-column unique index, the primary key excluded
 * @param references for each foreign-key column, the table and column it refers to
 * @param dialect the SQL of the database the table is in
 */
record TableSchema(String table, Map<String, Column> columns, Column primaryKey, List<String> unique,
                   Map<String, Reference> references, Dialect dialect) {

    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,63}");

    /**
     * @param table the referred table
     * @param column the referred column
     */
    record Reference(String table, String column) {
    }

    TableSchema {
        columns = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(columns));
        unique = List.copyOf(unique);
        references = Map.copyOf(references);
    }

    /**
     * @param name a column name, any case
     * @return the column
     */
    Optional<Column> column(String name) {
        Column exact = columns.get(name);
        if (exact != null) {
            return Optional.of(exact);
        }
        return columns.values().stream().filter(c -> c.name().equalsIgnoreCase(name)).findFirst();
    }

    /**
     * @param dataSource the application's data source
     * @param resource the resource's name, for messages
     * @param table the table's name, any case
     * @return its schema
     * @throws ThywillException if the table does not exist, has no single-column primary key or a name that cannot be
     *                          used unquoted
     * @throws SQLException if the database fails
     */
    static TableSchema read(DataSource dataSource, String resource, String table) throws SQLException {
        checkName(resource, table);
        try (Connection connection = dataSource.getConnection()) {
            DatabaseMetaData meta = connection.getMetaData();
            String catalog = connection.getCatalog();
            String schema = connection.getSchema();
            String actual = actualName(meta, catalog, schema, table);
            if (actual == null) {
                throw new ThywillException("Resource '" + resource + "': there is no table '" + table + "'. Create"
                        + " it in one of the application's migrations (Application.migrations()).");
            }
            List<String> keys = new ArrayList<>();
            try (ResultSet rs = meta.getPrimaryKeys(catalog, schema, actual)) {
                while (rs.next()) {
                    keys.add(rs.getString("COLUMN_NAME"));
                }
            }
            if (keys.size() != 1) {
                throw new ThywillException("Resource '" + resource + "': table '" + actual + "' needs a primary key"
                        + " of exactly one column (it has " + keys.size() + "), such as"
                        + " id BIGINT AUTO_INCREMENT PRIMARY KEY.");
            }
            Map<String, Column> columns = new LinkedHashMap<>();
            Dialect dialect = Dialect.of(meta.getDatabaseProductName());
            try (ResultSet rs = meta.getColumns(catalog, schema, actual, null)) {
                while (rs.next()) {
                    Column column = column(rs, keys.get(0), dialect);
                    if (!NAME.matcher(column.name()).matches()) {
                        throw new ThywillException("Resource '" + resource + "': column '" + column.name()
                                + "' of table '" + actual + "' needs a name of letters, digits and '_'.");
                    }
                    columns.put(column.name(), column);
                }
            }
            List<String> unique = new ArrayList<>();
            Map<String, List<String>> indexes = new LinkedHashMap<>();
            try (ResultSet rs = meta.getIndexInfo(catalog, schema, actual, true, false)) {
                while (rs.next()) {
                    String index = rs.getString("INDEX_NAME");
                    String column = rs.getString("COLUMN_NAME");
                    if (index != null && column != null) {
                        indexes.computeIfAbsent(index, i -> new ArrayList<>()).add(column);
                    }
                }
            }
            indexes.values().stream().filter(c -> c.size() == 1).map(c -> c.get(0))
                    .filter(c -> !c.equalsIgnoreCase(keys.get(0)) && !unique.contains(c)).forEach(unique::add);
            Map<String, Reference> references = new LinkedHashMap<>();
            try (ResultSet rs = meta.getImportedKeys(catalog, schema, actual)) {
                while (rs.next()) {
                    references.put(rs.getString("FKCOLUMN_NAME"), new Reference(rs.getString("PKTABLE_NAME"),
                            rs.getString("PKCOLUMN_NAME")));
                }
            }
            return new TableSchema(actual, columns, columns.get(keys.get(0)), unique, references, dialect);
        }
    }

    /**
     * @param resource the resource's name, for the message
     * @param table a table's name
     * @throws ThywillException if the name is not of letters, digits and '_', which the library writes into SQL
     */
    static void checkName(String resource, String table) {
        if (!NAME.matcher(table).matches()) {
            throw new ThywillException("Resource '" + resource + "': '" + table + "' is not a table name this"
                    + " library can use; use letters, digits and '_'.");
        }
    }

    static String actualName(DatabaseMetaData meta, String catalog, String schema, String table)
            throws SQLException {
        for (String candidate : List.of(table, table.toLowerCase(Locale.ROOT), table.toUpperCase(Locale.ROOT))) {
            try (ResultSet rs = meta.getTables(catalog, schema, candidate, new String[] {"TABLE", "BASE TABLE"})) {
                if (rs.next()) {
                    return rs.getString("TABLE_NAME");
                }
            }
        }
        return null;
    }

    private static Column column(ResultSet rs, String primaryKey, Dialect dialect) throws SQLException {
        String name = rs.getString("COLUMN_NAME");
        int type = rs.getInt("DATA_TYPE");
        String typeName = rs.getString("TYPE_NAME");
        long size = rs.getLong("COLUMN_SIZE");
        boolean nullable = rs.getInt("NULLABLE") != DatabaseMetaData.columnNoNulls;
        String defaultValue = rs.getString("COLUMN_DEF");
        boolean generated = "YES".equalsIgnoreCase(rs.getString("IS_AUTOINCREMENT"))
                || "YES".equalsIgnoreCase(safe(rs, "IS_GENERATEDCOLUMN"));
        Column.Kind kind = kind(type, size);
        boolean text = kind == Column.Kind.TEXT && (type == Types.VARCHAR || type == Types.CHAR
                || type == Types.NVARCHAR || type == Types.NCHAR);
        boolean hasDefault = defaultValue != null && !defaultValue.equalsIgnoreCase("NULL");
        ColumnRange range = ColumnRange.of(kind, type, typeName, size, rs.getInt("DECIMAL_DIGITS"), dialect);
        // MySQL's TINYTEXT, TEXT and MEDIUMTEXT hold a number of bytes, which their size reports.
        long maxBytes = kind == Column.Kind.TEXT && !text && dialect == Dialect.MYSQL && size > 0 && size < Integer.MAX_VALUE ? size : 0;
        return new Column(name, kind, typeName, text && size > 0 && size < Integer.MAX_VALUE ? size : 0, maxBytes,
                nullable, hasDefault, generated, name.equalsIgnoreCase(primaryKey), range);
    }

    private static String safe(ResultSet rs, String column) {
        try {
            return rs.getString(column);
        } catch (SQLException e) {
            return null;
        }
    }

    private static Column.Kind kind(int type, long size) {
        return switch (type) {
            case Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT -> Column.Kind.INTEGER;
            case Types.DECIMAL, Types.NUMERIC, Types.REAL, Types.FLOAT, Types.DOUBLE -> Column.Kind.NUMBER;
            case Types.BOOLEAN -> Column.Kind.BOOLEAN;
            case Types.BIT -> size <= 1 ? Column.Kind.BOOLEAN : Column.Kind.OTHER;
            case Types.CHAR, Types.VARCHAR, Types.LONGVARCHAR, Types.NCHAR, Types.NVARCHAR, Types.LONGNVARCHAR,
                 Types.CLOB, Types.NCLOB -> Column.Kind.TEXT;
            case Types.TIMESTAMP, Types.TIMESTAMP_WITH_TIMEZONE -> Column.Kind.TIMESTAMP;
            case Types.DATE -> Column.Kind.DATE;
            default -> Column.Kind.OTHER;
        };
    }

    /**
     * @param name a table or column name as the database reports it
     * @return it quoted for this database
     */
    String quote(String name) {
        return dialect.quote(name);
    }

    /** @return the table's name, quoted */
    String quotedTable() {
        return dialect.quote(table);
    }

    /** @return the schema document of the resource, for {@code GET /api/{app}/} */
    List<Map<String, Object>> describe() {
        return columns.values().stream().map(Column::describe).toList();
    }
}

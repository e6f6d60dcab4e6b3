package org.thywill.resources;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import javax.sql.DataSource;
import org.thywill.api.ThywillException;

/**
 * The record resources of one application when it starts: names their tables, creates those that do not exist
 * (referred tables first, so each foreign key finds its table) and checks the others against their records.
 */
final class RecordTables {

    private final Map<Class<? extends Record>, Resource> byType = new LinkedHashMap<>();

    /**
     * @param applicationId the application's id, which names the tables without {@link Table}
     * @param resources every resource of the application
     * @throws ThywillException if a record refers to one that is not a resource, or to a key of another type
     */
    RecordTables(String applicationId, List<Resource> resources) {
        for (Resource resource : resources) {
            if (resource.declared() != null) {
                resource.table(resource.declared().tableName(applicationId));
                byType.put(resource.declared().type(), resource);
            }
        }
        for (Resource resource : byType.values()) {
            for (RecordColumn column : resource.declared().columns()) {
                if (column.references() == null) {
                    continue;
                }
                Resource target = byType.get(column.references());
                String where = "Resource '" + resource.name() + "': " + resource.declared().type().getSimpleName()
                        + "." + column.component();
                if (target == null) {
                    throw new ThywillException(where + " refers to " + column.references().getName() + ", which is"
                            + " not a resource of this application; declare it with resources.record(...).");
                }
                RecordColumn key = target.declared().key();
                if (key.type() != column.type()) {
                    throw new ThywillException(where + " is a " + column.type().primitive.getSimpleName() + " but the"
                            + " key it refers to, " + column.references().getSimpleName() + "." + key.component()
                            + ", is a " + key.type().primitive.getSimpleName() + "; make them the same type.");
                }
            }
        }
    }

    /** @return the table and key a foreign key to the record refers to */
    RecordTable.Target target(Class<? extends Record> type) {
        Resource resource = byType.get(type);
        return new RecordTable.Target(resource.table(), resource.declared().key().name());
    }

    /**
     * Creates each record's table that does not exist, referred tables first, in the database's {@link Dialect}. On
     * a database other than H2, MySQL, MariaDB and PostgreSQL, whose SQL it does not write, it creates none: the
     * application's migrations must.
     *
     * @param dataSource the application's data source
     */
    void createMissing(DataSource dataSource) throws SQLException {
        if (byType.isEmpty()) {
            return;
        }
        try (Connection connection = dataSource.getConnection()) {
            DatabaseMetaData meta = connection.getMetaData();
            Dialect dialect = Dialect.of(meta.getDatabaseProductName());
            if (!dialect.createsTables()) {
                return;
            }
            // A referred table a migration made is named as the database stores it (PostgreSQL folds to lower case).
            Map<Class<? extends Record>, String> stored = new HashMap<>();
            Function<Class<? extends Record>, RecordTable.Target> targets = type -> new RecordTable.Target(
                    stored.getOrDefault(type, byType.get(type).table()), byType.get(type).declared().key().name());
            for (Resource resource : creationOrder()) {
                TableSchema.checkName(resource.name(), resource.table());
                String actual = TableSchema.actualName(meta, connection.getCatalog(), connection.getSchema(),
                        resource.table());
                if (actual == null) {
                    try (Statement statement = connection.createStatement()) {
                        statement.execute(resource.declared().createSql(resource.table(), targets, dialect));
                    }
                } else {
                    stored.put(resource.declared().type(), actual);
                }
            }
        }
    }

    /**
     * Checks a record resource's table, just read, against its record.
     *
     * @param resource a started resource
     * @throws ThywillException naming every column where they differ
     */
    void check(Resource resource) {
        if (resource.declared() != null) {
            SchemaCheck.check(resource.name(), resource.declared(), resource.schema(), this::target);
        }
    }

    private List<Resource> creationOrder() {
        Set<Resource> ordered = new LinkedHashSet<>();
        for (Resource resource : byType.values()) {
            visit(resource, ordered, new ArrayList<>());
        }
        return new ArrayList<>(ordered);
    }

    private void visit(Resource resource, Set<Resource> ordered, List<Resource> path) {
        if (ordered.contains(resource)) {
            return;
        }
        if (path.contains(resource)) {
            throw new ThywillException("The records of resources " + path.stream().map(Resource::name).toList()
                    + " refer to each other in a circle; the library cannot create their tables. Create them in a"
                    + " migration (Application.migrations()), and the library checks them.");
        }
        path.add(resource);
        for (RecordColumn column : resource.declared().columns()) {
            Resource target = column.references() == null ? null : byType.get(column.references());
            if (target != null && target != resource) {
                visit(target, ordered, path);
            }
        }
        path.remove(resource);
        ordered.add(resource);
    }
}

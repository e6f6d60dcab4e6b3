package org.thywill.database.jdbc;

/**
 * Where the SQL of the engines differs, written once per engine: which migrations build the schema, how an insert
 * leaves a row that is already there alone, how long a table's name may be. H2 runs in MySQL mode and shares
 * {@link #MYSQL}; every other statement of the stores is plain SQL all of them accept.
 */
enum SqlDialect {

    /** MySQL, MariaDB, and H2 in MySQL mode. */
    MYSQL("classpath:db/thywill", 64, null) {
        @Override
        String keepingExisting(String insert, String keyColumn) {
            // Not INSERT IGNORE, which also turns a broken foreign key or a value too long into a mere warning.
            return insert + " ON DUPLICATE KEY UPDATE " + keyColumn + " = " + keyColumn;
        }
    },

    /** PostgreSQL. */
    POSTGRESQL("classpath:db/thywill-postgresql", 63, "postgresql") {
        @Override
        String keepingExisting(String insert, String keyColumn) {
            return insert + " ON CONFLICT DO NOTHING";
        }
    };

    private final String migrations;
    private final int maxTableName;
    private final String folderSuffix;

    SqlDialect(String migrations, int maxTableName, String folderSuffix) {
        this.migrations = migrations;
        this.maxTableName = maxTableName;
        this.folderSuffix = folderSuffix;
    }

    /**
     * An application writes its scripts once, in SQL that H2 in MySQL mode and MySQL accept, and may give another
     * engine scripts of its own in a sibling folder named after it ({@code db/todo-postgresql} beside
     * {@code db/todo}), used instead of the others on that engine. A sibling, not a subfolder: Flyway reads a
     * location's subfolders too.
     *
     * @param folder an application's folder of scripts on its class path, without {@code classpath:}
     * @param loader the application's class loader
     * @return the folder to migrate from on this engine: the engine's own when the application has one
     */
    String applicationScripts(String folder, ClassLoader loader) {
        if (folderSuffix == null) {
            return folder;
        }
        String trimmed = folder.endsWith("/") ? folder.substring(0, folder.length() - 1) : folder;
        String own = trimmed + "-" + folderSuffix;
        return loader.getResource(own) != null || loader.getResource(own + "/") != null ? own : folder;
    }

    /** @return the Flyway location of Thywill's own migrations in this dialect */
    String migrations() {
        return migrations;
    }

    /** @return the longest table name the engine keeps whole */
    int maxTableName() {
        return maxTableName;
    }

    /**
     * @param insert an {@code INSERT INTO ... VALUES (...)} statement
     * @param keyColumn a column of the primary key, which MySQL's form sets to itself
     * @return the statement made to leave a row with the same primary key as it is, and insert nothing
     */
    abstract String keepingExisting(String insert, String keyColumn);
}

package org.thywill.database.jdbc;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.output.MigrateResult;
import org.thywill.api.ThywillException;

/** Runs this module's Flyway migrations, one schema written in each {@link SqlDialect}. */
final class SchemaMigration {

    /** Flyway's history table, named so that applications can keep histories of their own beside it. */
    static final String HISTORY_TABLE = "thywill_schema_history";

    private SchemaMigration() {
    }

    /**
     * @param dataSource the pool to migrate through
     * @param target what it connects to, for messages
     * @return what Flyway did
     * @throws ThywillException when a migration fails or the history does not match the migrations
     */
    static MigrateResult migrate(DataSource dataSource, JdbcTarget target) {
        try {
            // The kernel may load components in a class loader of their own: Flyway must search this one.
            return Flyway.configure(SchemaMigration.class.getClassLoader())
                    .dataSource(dataSource)
                    .locations(target.dialect().migrations())
                    .table(HISTORY_TABLE)
                    .load()
                    .migrate();
        } catch (FlywayException e) {
            throw new ThywillException("Could not migrate the schema of the " + target.provider() + " database at "
                    + target.displayUrl() + ": " + ConnectionPool.rootMessage(e)
                    + ". Check that the user may create tables and that " + HISTORY_TABLE
                    + " was written by this version of Thywill or an older one.", e);
        }
    }

    /**
     * @param migrated what Flyway did
     * @return the schema's version after it, or {@code none}
     */
    static String version(MigrateResult migrated) {
        String version = migrated.targetSchemaVersion != null ? migrated.targetSchemaVersion
                : migrated.initialSchemaVersion;
        return version == null ? "none" : version;
    }
}

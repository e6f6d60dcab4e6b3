package org.thywill.database.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Objects;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.callback.BaseCallback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.thywill.api.ThywillException;

/**
 * Runs one application's Flyway migrations beside Thywill's own, each application with a history table of its own so
 * that their versions never meet.
 */
final class ApplicationMigration {

    private static final Logger LOG = LoggerFactory.getLogger(ApplicationMigration.class);

    private static final String CLASSPATH = "classpath:";

    private static final String TABLE_PREFIX = "thywill_app_";
    private static final String TABLE_SUFFIX = "_history";

    private ApplicationMigration() {
    }

    /**
     * @param owner an application's id
     * @return its history table: {@code thywill_app_<owner>_history}, the id in lower case with every character but
     *         letters, digits and {@code _} made {@code _}
     */
    static String historyTable(String owner) {
        return TABLE_PREFIX + owner.replaceAll("[^A-Za-z0-9_]", "_").toLowerCase(Locale.ROOT) + TABLE_SUFFIX;
    }

    /**
     * Migrates through a short-lived pool of its own, since Flyway holds two connections at once and the main pool
     * may be as small as one.
     *
     * @param target what to connect to
     * @param owner the application's id
     * @param loader sees the application's scripts
     * @param location the scripts' class-path folder, with or without {@code classpath:}
     * @return what Flyway did
     * @throws ThywillException naming the application, and the script and the database's error when one failed
     */
    static MigrateResult migrate(JdbcTarget target, String owner, ClassLoader loader, String location) {
        if (owner == null || owner.isBlank()) {
            throw new IllegalArgumentException("An application id is needed to migrate its tables");
        }
        Objects.requireNonNull(loader, "loader");
        if (location == null || location.isBlank()) {
            throw new ThywillException("Application '" + owner + "' asked to migrate its tables but named no"
                    + " folder of scripts: pass one such as db/" + owner + ".");
        }
        String table = historyTable(owner);
        if (table.length() > target.dialect().maxTableName()) {
            throw new ThywillException("Application '" + owner + "' cannot keep a migration history: its id makes"
                    + " the table name " + table + " longer than " + target.dialect().maxTableName() + " characters. Shorten the id.");
        }
        String folder = location.startsWith(CLASSPATH) ? location.substring(CLASSPATH.length()) : location;
        String scripts = CLASSPATH + target.dialect().applicationScripts(folder, loader);
        HikariDataSource connections;
        try {
            connections = ConnectionPool.openForMigration(target);
        } catch (ThywillException e) {
            throw new ThywillException("Application '" + owner + "' could not migrate its tables: "
                    + e.getMessage(), e);
        }
        ScriptTracker tracker = new ScriptTracker();
        MigrateResult migrated;
        try {
            migrated = Flyway.configure(loader)
                    .dataSource(connections)
                    .locations(scripts)
                    .table(table)
                    // The schema already holds Thywill's tables and perhaps other applications': a new history
                    // starts below V1 so that the application's first script still runs.
                    .baselineOnMigrate(true)
                    .baselineVersion("0")
                    .validateMigrationNaming(true)
                    .callbacks(tracker)
                    .load()
                    .migrate();
        } catch (FlywayException e) {
            throw failure(target, owner, scripts, table, tracker.current, e);
        } finally {
            connections.close(); // no SHUTDOWN: the main pool keeps using the database
        }
        LOG.info("Application {}: {} migration(s) from {} applied in the {} database, now at version {} (history"
                + " in {})", owner, migrated.migrationsExecuted, scripts, target.provider(),
                SchemaMigration.version(migrated), table);
        return migrated;
    }

    private static ThywillException failure(JdbcTarget target, String owner, String scripts, String table,
                                            MigrationInfo script, FlywayException e) {
        String where = "Application '" + owner + "' could not migrate its tables in the " + target.provider()
                + " database at " + target.displayUrl();
        if (script == null) {
            return new ThywillException(where + ": " + ConnectionPool.rootMessage(e) + ". Check the scripts in "
                    + scripts + " and " + table + ".", e);
        }
        return new ThywillException(where + ": script " + script.getScript() + " failed: " + databaseError(e)
                + ". Correct the script; where the database kept a failed row in " + table
                + ", delete that row before the next start.", e);
    }

    /** @return the message of the first SQL error under Flyway's, which says what the server disliked */
    private static String databaseError(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getMessage() != null) {
                return sql.getMessage().strip();
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return ConnectionPool.rootMessage(failure);
    }

    /** Remembers which script Flyway is running, so a failure can name it through Flyway's public API. */
    private static final class ScriptTracker extends BaseCallback {

        private volatile MigrationInfo current;

        @Override
        public boolean supports(Event event, Context context) {
            return event == Event.BEFORE_EACH_MIGRATE || event == Event.AFTER_EACH_MIGRATE;
        }

        @Override
        public void handle(Event event, Context context) {
            current = event == Event.BEFORE_EACH_MIGRATE ? context.getMigrationInfo() : null;
        }
    }
}

package org.thywill.database.jdbc;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.thywill.api.ComponentContext;
import org.thywill.api.ComponentProvider;
import org.thywill.api.Slot;
import org.thywill.api.database.Database;

/**
 * Provides the {@code h2} database, the embedded default: an H2 file under Thywill's home (or memory), in MySQL
 * mode so that the same migrations run as on MySQL. Settings: {@link H2Settings}.
 */
public final class H2DatabaseProvider implements ComponentProvider<H2Settings> {

    /** The name the settings file uses. */
    public static final String NAME = "h2";

    private static final String MODE = ";MODE=MySQL;DATABASE_TO_LOWER=TRUE";

    /** Discovered by {@link java.util.ServiceLoader}. */
    public H2DatabaseProvider() {
    }

    @Override
    public Slot slot() {
        return Slot.DATABASE;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Class<H2Settings> settingsType() {
        return H2Settings.class;
    }

    @Override
    public Set<Slot> dependencies() {
        return Set.of(Slot.LOG);
    }

    @Override
    public Database create(H2Settings settings, ComponentContext context) {
        return new JdbcDatabase(target(settings, context), new SessionLifetime(settings.sessionLifetime()),
                settings.sessionDataLimits(), new SecureRandom(), context.metrics(), Clock.systemUTC());
    }

    /**
     * @param settings the section
     * @param context resolves the file against Thywill's home
     * @return what to connect to
     */
    static JdbcTarget target(H2Settings settings, ComponentContext context) {
        String url;
        String advice;
        if (settings.inMemory()) {
            // Unique per instance, so two servers in one JVM (tests) never share sessions.
            url = "jdbc:h2:mem:thywill-" + UUID.randomUUID() + MODE + ";DB_CLOSE_DELAY=-1";
            advice = "Check the memory available to the JVM.";
        } else {
            Path file = context.resolve(settings.file()).toAbsolutePath();
            // Closed by Thywill when it stops, not by H2's own shutdown hook, which would close it under a graceful
            // stop on SIGTERM that still has session inboxes to write. WRITE_DELAY=0: a commit reaches the file at
            // once, not up to 500 ms later (H2's default), which a killed process lost (CrashRestartTest).
            url = "jdbc:h2:file:" + file + MODE + ";AUTO_SERVER=FALSE;DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0";
            advice = "Check that the folder " + file.getParent() + " is writable and that no other process (another"
                    + " Thywill server, an H2 console) has the database open.";
        }
        // An embedded database is there or not: nothing to wait for at start-up.
        return new JdbcTarget(NAME, "org.h2.Driver", url, url, "sa", "", settings.poolSize(), Duration.ofSeconds(10),
                Duration.ZERO, Map.of(), advice, true, SqlDialect.MYSQL);
    }
}

package org.thywill.database.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import java.security.SecureRandom;
import java.time.Clock;
import javax.sql.DataSource;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.thywill.api.Health;
import org.thywill.api.database.Database;
import org.thywill.api.database.MembershipStore;
import org.thywill.api.database.SessionAttributeStore;
import org.thywill.api.database.SessionStore;
import org.thywill.api.delivery.Inbox;
import org.thywill.api.metrics.Metrics;

/**
 * The Database every provider creates: one lifecycle for pool, migrations, session, session data and membership
 * stores, whatever the engine.
 */
final class JdbcDatabase implements Database {

    private static final Logger LOG = LoggerFactory.getLogger(JdbcDatabase.class);

    private final JdbcTarget target;
    private final SessionStore sessions;
    private final MembershipStore memberships;
    private final SessionAttributeStore attributes;
    private final Inbox inbox;
    private final SessionRowWriter sessionRows;
    private final SessionScavenger scavenger;
    private volatile HikariDataSource pool;
    private volatile HealthCheck health;

    /**
     * @param target what to connect to
     * @param random the source of session ids
     */
    JdbcDatabase(JdbcTarget target, SecureRandom random) {
        this(target, SessionLifetime.of(null), random, Metrics.none(), Clock.systemUTC());
    }

    /**
     * @param target what to connect to
     * @param lifetime how long a session lasts without activity
     * @param random the source of session ids
     * @param metrics where the pool's use is reported
     * @param clock the time of sessions' activity
     */
    JdbcDatabase(JdbcTarget target, SessionLifetime lifetime, SecureRandom random, Metrics metrics, Clock clock) {
        this(target, lifetime, SessionDataLimits.DEFAULTS, random, metrics, clock);
    }

    /**
     * @param target what to connect to
     * @param lifetime how long a session lasts without activity
     * @param limits the caps on session data
     * @param random the source of session ids
     * @param metrics where the pool's use is reported
     * @param clock the time of sessions' activity
     */
    JdbcDatabase(JdbcTarget target, SessionLifetime lifetime, SessionDataLimits limits, SecureRandom random,
                 Metrics metrics, Clock clock) {
        this.target = target;
        PoolMetrics.register(metrics, target.provider(), () -> pool);
        FreshSessions fresh = new FreshSessions();
        SessionActivity activity = new SessionActivity(lifetime.touchInterval().toMillis());
        this.sessionRows = new SessionRowWriter(this::dataSource, clock);
        this.scavenger = new SessionScavenger(this::dataSource, lifetime, activity, clock);
        this.sessions = new JdbcSessionStore(this::dataSource, new SessionIds(random), fresh, sessionRows, lifetime,
                activity, clock);
        this.memberships = new JdbcMembershipStore(this::dataSource, fresh, sessionRows, target.dialect());
        this.attributes = new JdbcSessionAttributeStore(this::dataSource, sessionRows, limits);
        this.inbox = new JdbcInbox(this::dataSource, target.dialect());
    }

    @Override
    public synchronized void start() {
        if (pool != null) {
            throw new IllegalStateException("The " + target.provider() + " database is already started");
        }
        HikariDataSource migration = StartupRetry.untilReachable(target, () -> ConnectionPool.openForMigration(target));
        MigrateResult migrated;
        try {
            migrated = SchemaMigration.migrate(migration, target);
        } catch (RuntimeException e) {
            ConnectionPool.close(migration, target); // shuts an embedded database down: nothing is left open
            throw e;
        }
        migration.close(); // no SHUTDOWN: the main pool opens the same database next
        HikariDataSource open = ConnectionPool.open(target);
        health = new HealthCheck(open, target);
        pool = open;
        sessionRows.start();
        scavenger.start();
        LOG.info("Database {} ready at {} as {}: schema version {}, {} migration(s) applied", target.provider(),
                target.displayUrl(), target.user(), SchemaMigration.version(migrated), migrated.migrationsExecuted);
    }

    @Override
    public synchronized void stop() {
        if (pool != null) {
            scavenger.stop();
            sessionRows.stop();
        }
        HikariDataSource open = pool;
        pool = null;
        health = null;
        if (open != null) {
            ConnectionPool.close(open, target);
        }
    }

    @Override
    public DataSource dataSource() {
        DataSource open = pool;
        if (open == null) {
            throw notStarted();
        }
        return open;
    }

    @Override
    public SessionStore sessions() {
        return sessions;
    }

    @Override
    public MembershipStore memberships() {
        return memberships;
    }

    @Override
    public SessionAttributeStore sessionAttributes() {
        return attributes;
    }

    @Override
    public Inbox inbox() {
        return inbox;
    }

    @Override
    public void migrate(String owner, ClassLoader loader, String location) {
        if (pool == null) {
            throw notStarted();
        }
        ApplicationMigration.migrate(target, owner, loader, location);
    }

    @Override
    public Health health() {
        HealthCheck check = health;
        if (check == null) {
            return Health.down("The " + target.provider() + " database at " + target.displayUrl() + " is not started");
        }
        return check.run();
    }

    /** @return the deleter of expired sessions, for tests that run it without waiting for its period */
    SessionScavenger scavenger() {
        return scavenger;
    }

    /** @return the writer of sessions' rows and activity, for tests that wait for it */
    SessionRowWriter sessionRows() {
        return sessionRows;
    }

    @Override
    public String toString() {
        return "JdbcDatabase[" + target + "]";
    }

    private IllegalStateException notStarted() {
        return new IllegalStateException("The " + target.provider() + " database at " + target.displayUrl()
                + " is not started");
    }
}
